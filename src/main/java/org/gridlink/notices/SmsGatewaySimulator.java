package org.gridlink.notices;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.annotation.PreDestroy;

import org.gridlink.platform.DemoData;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Alibaba Cloud SMS, started in demo mode (and so by the tests): a small HTTP server on
 * 127.0.0.1 speaking the same {@code SendBatchSms} / {@code SendSms} API as {@link AliyunSms}, checking the
 * signature with the configured secret. It records each message once per {@code OutId} and phone (a re-sent batch
 * after a restart is answered with the first BizId, not delivered twice), and queues a delivery report per message
 * in the service's push format, which it posts to {@code gridlink.notices.sms.simulator-report-url} when set (demo
 * mode) or hands to a test ({@link #takeReports}). Phones in {@link #failDelivery} get a failed report. With
 * {@code gridlink.notices.sms.simulator-log} it appends each message to that file instead of keeping it in memory, and
 * reads it back at start, so a benchmark that kills the application counts every message once across the restart.
 */
@DemoData
public class SmsGatewaySimulator {

	/** A message as the simulator received it. */
	public record Received(String phone, String signName, String templateCode, Map<String, String> params,
			String outId, String bizId) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.of("Asia/Shanghai"));

	private final HttpServer server;
	private final String secret;
	private final @Nullable String reportUrl;
	private final JsonMapper json = JsonMapper.builder().build();
	private final Map<String, String> bizIdByOutId = new ConcurrentHashMap<>();
	private final Set<String> seen = ConcurrentHashMap.newKeySet();
	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<Map<String, Object>> reports = new ConcurrentLinkedQueue<>();
	private final Set<String> failDelivery = ConcurrentHashMap.newKeySet();
	/** What QuerySendDetails answers: per phone, "outId date status errCode templateCode" of each message. */
	private final Map<String, java.util.Queue<String[]>> details = new ConcurrentHashMap<>();
	private volatile boolean deduplicate = true;
	private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
	private final java.util.concurrent.atomic.AtomicInteger answersToLose = new java.util.concurrent.atomic.AtomicInteger();
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));
	private final AtomicLong requests = new AtomicLong();
	private final HttpClient http = HttpClient.newHttpClient();
	private final java.util.concurrent.ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "sms-simulator-reports");
		t.setDaemon(true);
		return t;
	});

	private final java.io.@Nullable Writer log;

	SmsGatewaySimulator(@Value("${gridlink.notices.sms.access-key-secret}") String secret,
			@Value("${gridlink.notices.sms.simulator-port:0}") int port,
			@Value("${gridlink.notices.sms.simulator-report-url:}") String reportUrl,
			@Value("${gridlink.notices.sms.simulator-log:}") String logFile) throws IOException {
		this.secret = secret;
		if (logFile.isBlank()) {
			this.log = null;
		}
		else {
			// the messages of earlier runs (a benchmark kills the application): "outId bizId phone" per line
			java.nio.file.Path path = java.nio.file.Path.of(logFile);
			if (java.nio.file.Files.exists(path)) {
				for (String line : java.nio.file.Files.readAllLines(path)) {
					String[] f = line.split(" ");
					if (f.length == 3) {
						bizIdByOutId.put(f[0], f[1]);
						seen.add(f[1] + ":" + f[2]);
						detail(f[2], f[0], "3", "DELIVERED", "");
					}
				}
			}
			this.log = java.nio.file.Files.newBufferedWriter(path, StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		}
		this.reportUrl = reportUrl.isBlank() ? null : reportUrl;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(4, r -> {
			Thread t = new Thread(r, "sms-simulator");
			t.setDaemon(true);
			return t;
		}));
		server.start();
		if (this.reportUrl != null) {
			// its own thread, as the real service pushes independently of the application's scheduler
			pusher.scheduleWithFixedDelay(this::pushAll, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	/** Where the simulator listens, for {@link SmsChannel}. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
	}

	/** Every message received so far (each phone once per OutId). */
	public List<Received> received() {
		return List.copyOf(received);
	}

	/** Requests answered (the benchmark's ceiling). */
	public long requests() {
		return requests.get();
	}

	public void failDelivery(String phone) {
		failDelivery.add(phone);
	}

	/** Takes the queued delivery reports (a test then posts them to the callback as the service would). */
	public List<Map<String, Object>> takeReports() {
		List<Map<String, Object>> taken = new ArrayList<>();
		Map<String, Object> report;
		while ((report = reports.poll()) != null) {
			taken.add(report);
		}
		return taken;
	}

	/**
	 * Off: behave like the real service, which does not deduplicate by {@code OutId} (every request a new BizId and
	 * new messages), so that only the sender's own care keeps a message from arriving twice. {@link #clear} turns it
	 * back on.
	 */
	public void deduplicateByOutId(boolean on) {
		deduplicate = on;
	}

	/** The next {@code n} send requests are refused with flow control ({@code isv.BUSINESS_LIMIT_CONTROL}): not sent. */
	public void busy(int n) {
		busy.set(n);
	}

	/** The next {@code n} send requests are carried out but their answers are lost (the connection closes). */
	public void loseAnswers(int n) {
		answersToLose.set(n);
	}

	public void clear() {
		deduplicate = true;
		answersToLose.set(0);
		busy.set(0);
		details.clear();
		received.clear();
		reports.clear();
		seen.clear();
		bizIdByOutId.clear();
		failDelivery.clear();
	}

	/** Posts the queued reports, 1,000 per request, to the configured callback, as the service's HTTP batch push does. */
	void pushAll() {
		try {
			while (!reports.isEmpty() && push()) {
				// next thousand
			}
		}
		catch (RuntimeException ex) {
			// the next round tries again
		}
	}

	private boolean push() {
		if (reportUrl == null || reports.isEmpty()) {
			return false;
		}
		List<Map<String, Object>> batch = new ArrayList<>();
		Map<String, Object> next;
		while (batch.size() < 1000 && (next = reports.poll()) != null) {
			batch.add(next);
		}
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(reportUrl))
					.timeout(java.time.Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch))).build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				reports.addAll(batch);
				return false;
			}
			return true;
		}
		catch (IOException ex) {
			reports.addAll(batch);
			return false;
		}
		catch (InterruptedException ex) {
			reports.addAll(batch);
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		requests.incrementAndGet();
		try (exchange; InputStream in = exchange.getRequestBody()) {
			Map<String, String> form = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			boolean send = form.getOrDefault("Action", "").startsWith("Send");
			Map<String, Object> answer = answer(form);
			if (send && answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				return; // carried out, but the answer never reaches the client
			}
			byte[] body = json.writeValueAsBytes(answer);
			exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	private Map<String, Object> answer(Map<String, String> form) {
		String signature = form.remove("Signature");
		if (signature == null || !signature.equals(AliyunSms.sign("POST", AliyunSms.canonical(form), secret))) {
			return error("SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
		}
		String action = form.getOrDefault("Action", "");
		List<String> phones;
		List<String> signs;
		List<Map<String, String>> params;
		if ("SendBatchSms".equals(action)) {
			phones = strings(form.get("PhoneNumberJson"));
			signs = strings(form.get("SignNameJson"));
			params = paramList(form.get("TemplateParamJson"), phones.size());
		}
		else if ("SendSms".equals(action)) {
			phones = List.of(form.getOrDefault("PhoneNumbers", ""));
			signs = List.of(form.getOrDefault("SignName", ""));
			params = List.of(paramMap(form.get("TemplateParam") == null ? null : json.readTree(form.get("TemplateParam"))));
		}
		else if ("QuerySendDetails".equals(action)) {
			return query(form);
		}
		else {
			return error("InvalidAction.NotFound", "Specified api is not found.");
		}
		if (busy.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			return error("isv.BUSINESS_LIMIT_CONTROL", "触发号码天级流控");
		}
		if (phones.isEmpty() || phones.size() > 100 || signs.size() != phones.size()) {
			return error("isv.INVALID_PARAMETERS", "PhoneNumberJson / SignNameJson");
		}
		for (String phone : phones) {
			if (!phone.matches("1[3-9]\\d{9}")) {
				return error("isv.MOBILE_NUMBER_ILLEGAL", phone);
			}
		}
		String outId = form.getOrDefault("OutId", "");
		String bizId = outId.isEmpty() || !deduplicate ? UUID.randomUUID().toString().replace("-", "").substring(0, 20)
				: bizIdByOutId.computeIfAbsent(outId, k -> UUID.randomUUID().toString().replace("-", "").substring(0, 20));
		String now = TIME.format(Instant.now());
		try {
			return accept(form, phones, signs, params, outId, bizId, now);
		}
		finally {
			flushLog();
		}
	}

	private void flushLog() {
		if (log != null) {
			synchronized (log) {
				try {
					log.flush();
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
		}
	}

	private Map<String, Object> accept(Map<String, String> form, List<String> phones, List<String> signs,
			List<Map<String, String>> params, String outId, String bizId, String now) {
		for (int i = 0; i < phones.size(); i++) {
			String phone = phones.get(i);
			if (!seen.add(bizId + ":" + phone)) {
				continue;
			}
			if (log == null) {
				received.add(new Received(phone, signs.get(i), form.getOrDefault("TemplateCode", ""), params.get(i),
						outId, bizId));
			}
			else {
				synchronized (log) {
					try {
						log.write(outId + " " + bizId + " " + phone + "\n");
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}
			}
			boolean ok = !failDelivery.contains(phone);
			detail(phone, outId, ok ? "3" : "2", ok ? "DELIVERED" : "MK:0001", form.getOrDefault("TemplateCode", ""));
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("phone_number", phone);
			report.put("send_time", now);
			report.put("report_time", now);
			report.put("success", ok);
			report.put("err_code", ok ? "DELIVERED" : "MK:0001");
			report.put("err_msg", ok ? "用户接收成功" : "用户停机或空号");
			report.put("sms_size", "1");
			report.put("biz_id", bizId);
			report.put("out_id", outId);
			reports.add(report);
		}
		Map<String, Object> ok = new LinkedHashMap<>();
		ok.put("Code", "OK");
		ok.put("Message", "OK");
		ok.put("BizId", bizId);
		ok.put("RequestId", UUID.randomUUID().toString());
		return ok;
	}

	private void detail(String phone, String outId, String status, String errCode, String template) {
		details.computeIfAbsent(phone, k -> new ConcurrentLinkedQueue<>())
				.add(new String[] { outId, DAY.format(Instant.now()), status, errCode, template });
	}

	/** QuerySendDetails: the messages to one phone on one day (one page of up to 50), in the service's format. */
	private Map<String, Object> query(Map<String, String> form) {
		String phone = form.getOrDefault("PhoneNumber", "");
		String date = form.getOrDefault("SendDate", "");
		if (!phone.matches("1[3-9]\\d{9}")) {
			return error("isv.MOBILE_NUMBER_ILLEGAL", phone);
		}
		if (!date.matches("\\d{8}")) {
			return error("isv.INVALID_PARAMETERS", "SendDate");
		}
		List<Map<String, Object>> dtos = new ArrayList<>();
		for (String[] d : details.getOrDefault(phone, new ConcurrentLinkedQueue<>())) {
			if (d[1].equals(date) && dtos.size() < 50) {
				Map<String, Object> dto = new LinkedHashMap<>();
				dto.put("PhoneNum", phone);
				dto.put("SendStatus", Integer.parseInt(d[2]));
				dto.put("ErrCode", d[3]);
				dto.put("TemplateCode", d[4]);
				dto.put("Content", "");
				dto.put("SendDate", d[1]);
				dto.put("ReceiveDate", d[1]);
				dto.put("OutId", d[0]);
				dtos.add(dto);
			}
		}
		Map<String, Object> ok = new LinkedHashMap<>();
		ok.put("Code", "OK");
		ok.put("Message", "OK");
		ok.put("RequestId", UUID.randomUUID().toString());
		ok.put("TotalCount", dtos.size());
		ok.put("SmsSendDetailDTOs", Map.of("SmsSendDetailDTO", dtos));
		return ok;
	}

	private List<String> strings(@Nullable String jsonArray) {
		List<String> out = new ArrayList<>();
		if (jsonArray != null) {
			for (JsonNode node : json.readTree(jsonArray)) {
				out.add(node.asString(""));
			}
		}
		return out;
	}

	private List<Map<String, String>> paramList(@Nullable String jsonArray, int size) {
		List<Map<String, String>> out = new ArrayList<>();
		if (jsonArray != null) {
			for (JsonNode node : json.readTree(jsonArray)) {
				out.add(paramMap(node));
			}
		}
		while (out.size() < size) {
			out.add(Map.of());
		}
		return out;
	}

	private static Map<String, String> paramMap(@Nullable JsonNode node) {
		Map<String, String> out = new HashMap<>();
		if (node != null) {
			node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString("")));
		}
		return out;
	}

	private static Map<String, Object> error(String code, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("Code", code);
		error.put("Message", message);
		error.put("RequestId", UUID.randomUUID().toString());
		return error;
	}

	private static Map<String, String> parse(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@PreDestroy
	void stop() throws IOException {
		pusher.shutdownNow();
		server.stop(0);
		if (log != null) {
			log.close();
		}
	}
}
