import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SMS simulator's ceiling, measured with a trivial client: SendBatchSms calls of 100 phones each, signed like the
 * application's client (HMAC-SHA1, signature version 1.0), on THREADS connections for SECONDS, nothing else (no
 * database, no outbox). Each call has a new OutId starting with "ceiling-", so the benchmark can leave these messages
 * out when it counts the notice's. Run with the JDK's source launcher:
 * {@code java bench/notices/Ceiling.java http://127.0.0.1:18095/ demo-access-key demo-access-secret 20 1}.
 * Prints "ceiling: N messages in S s = R per second on T connections".
 */
public class Ceiling {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
			.withZone(ZoneOffset.UTC);

	public static void main(String[] args) throws Exception {
		URI endpoint = URI.create(args[0]);
		String keyId = args[1];
		String secret = args[2];
		double seconds = Double.parseDouble(args[3]);
		int threads = Integer.parseInt(args[4]);
		HttpClient http = HttpClient.newHttpClient();
		AtomicLong messages = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			int thread = t;
			workers[t] = new Thread(() -> {
				long call = 0;
				while (System.nanoTime() < end) {
					StringBuilder phones = new StringBuilder("[");
					StringBuilder signs = new StringBuilder("[");
					StringBuilder params = new StringBuilder("[");
					for (int i = 0; i < 100; i++) {
						String sep = i == 0 ? "" : ",";
						phones.append(sep).append('"').append(String.format("199%04d%04d", thread * 1000 + call % 1000, i))
								.append('"');
						signs.append(sep).append("\"网格联动\"");
						params.append(sep).append("{\"title\":\"基准通知\",\"text\":\"居民请注意防范台风。\"}");
					}
					Map<String, String> form = new TreeMap<>();
					form.put("Action", "SendBatchSms");
					form.put("Version", "2017-05-25");
					form.put("Format", "JSON");
					form.put("RegionId", "cn-hangzhou");
					form.put("AccessKeyId", keyId);
					form.put("SignatureMethod", "HMAC-SHA1");
					form.put("SignatureVersion", "1.0");
					form.put("SignatureNonce", UUID.randomUUID().toString());
					form.put("Timestamp", TIMESTAMP.format(Instant.now()));
					form.put("PhoneNumberJson", phones.append(']').toString());
					form.put("SignNameJson", signs.append(']').toString());
					form.put("TemplateCode", "SMS_NOTICE_DEMO");
					form.put("TemplateParamJson", params.append(']').toString());
					form.put("OutId", "ceiling-" + thread + "-" + call++ + "-" + UUID.randomUUID());
					form.put("Signature", sign(canonical(form), secret));
					try {
						HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint)
								.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
								.POST(HttpRequest.BodyPublishers.ofString(canonical(form))).build(),
								HttpResponse.BodyHandlers.ofString());
						if (answer.statusCode() == 200 && answer.body().contains("\"Code\":\"OK\"")) {
							messages.addAndGet(100);
						}
						else {
							failures.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failures.incrementAndGet();
					}
				}
			});
			workers[t].start();
		}
		for (Thread w : workers) {
			w.join();
		}
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("ceiling: %d messages in %.1f s = %.0f per second on %d connections (%d failed calls)%n",
				messages.get(), took, messages.get() / took, threads, failures.get());
	}

	static String sign(String canonical, String secret) {
		String toSign = "POST&" + encode("/") + "&" + encode(canonical);
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String canonical(Map<String, String> sorted) {
		StringBuilder out = new StringBuilder();
		for (Map.Entry<String, String> e : new TreeMap<>(sorted).entrySet()) {
			if (!out.isEmpty()) {
				out.append('&');
			}
			out.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
		}
		return out.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
				.replace("%7E", "~");
	}
}
