import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.PassVerifier;
import org.gridlink.passes.token.TrustList;
import org.gridlink.passes.token.VerificationKey;

/**
 * The HTTP half of bench/passes, with the in-process rate measured in the same run. Cheap in CPU on purpose (it
 * shares the machine with the application): plain sockets, one thread per keep-alive connection, requests written
 * from pre-built bytes, responses read by Content-Length (or chunked) without a JSON parser.
 *
 * <pre>java -cp target/classes:&lt;runtime classpath&gt; bench/passes/Client.java HOST PORT TOKEN ZONE PASSES CONNECTIONS SECONDS OUT_DIR</pre>
 *
 * 1. issues PASSES passes per algorithm (ES256, SM2_SM3) through POST /api/v1/passes (8 connections);
 * 2. per algorithm: POST /api/v1/passes/verify with CONNECTIONS connections, warm-up then SECONDS measured, cycling
 *    through the distinct codes; every answer must be VALID;
 * 3. per algorithm: the same codes through PassVerifier in this JVM (keys from the signed trust list, revocations as
 *    an in-memory set like the server's), 2 threads, warm-up then SECONDS measured;
 * 4. prints the rates and the ratio endpoint / in-process, and writes OUT_DIR/result.json.
 */
public class Client {

	static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		String token = args[2];
		String zone = args[3];
		int passes = Integer.parseInt(args[4]);
		int connections = Integer.parseInt(args[5]);
		int seconds = Integer.parseInt(args[6]);
		Path out = Path.of(args[7]);
		int warmup = Math.max(3, seconds / 3);
		Files.createDirectories(out);

		Map<String, List<String>> codes = new HashMap<>();
		for (PassAlgorithm algorithm : List.of(PassAlgorithm.ES256, PassAlgorithm.SM2_SM3)) {
			long start = System.nanoTime();
			codes.put(algorithm.name(), issue(host, port, token, zone, algorithm, passes));
			System.err.printf("issued %d %s passes in %.1f s%n", passes, algorithm, (System.nanoTime() - start) / 1e9);
			Files.write(out.resolve("codes-" + algorithm + ".txt"), codes.get(algorithm.name()));
		}
		String trustList = new String(request(host, port, token, "GET", "/api/v1/passes/trust-list", null),
				StandardCharsets.UTF_8);
		TrustList trusted = TrustList.read(trustList, null);
		Map<String, VerificationKey> keys = new HashMap<>();
		trusted.keys().forEach(key -> keys.put(key.kidHex(), key));
		Set<UUID> revoked = ConcurrentHashMap.newKeySet();
		PassVerifier verifier = new PassVerifier(EnumSet.allOf(PassAlgorithm.class),
				kid -> keys.get(HexFormat.of().formatHex(kid)), revoked::contains, null);

		StringBuilder json = new StringBuilder("{\"connections\":" + connections + ",\"seconds\":" + seconds
				+ ",\"passes_per_algorithm\":" + passes + ",\"cpus\":" + Runtime.getRuntime().availableProcessors());
		for (String algorithm : List.of("ES256", "SM2_SM3")) {
			List<String> pool = codes.get(algorithm);
			System.err.printf("%s: endpoint warm-up %d s%n", algorithm, warmup);
			http(host, port, token, pool, connections, warmup);
			long cpuBefore = processCpuNanos();
			Rate endpoint = http(host, port, token, pool, connections, seconds);
			double clientCpu = (processCpuNanos() - cpuBefore) / 1e9;
			System.err.printf("%s: in-process warm-up %d s%n", algorithm, warmup);
			inProcess(verifier, pool, 2, warmup);
			Rate local = inProcess(verifier, pool, 2, seconds);
			double ratio = endpoint.perSecond() / local.perSecond();
			System.out.printf("%-8s endpoint %8.0f verifies/s (%d conn, %d answers, %d not VALID, client CPU %.1f s of %d s)%n",
					algorithm, endpoint.perSecond(), connections, endpoint.count(), endpoint.bad(), clientCpu, seconds);
			System.out.printf("%-8s in-process %6.0f verifies/s (2 threads, %d verifies, %d not VALID)%n", algorithm,
					local.perSecond(), local.count(), local.bad());
			System.out.printf("%-8s endpoint / in-process = %.1f %% (goal >= 70 %%)%n", algorithm, 100 * ratio);
			json.append(String.format(",\"%s\":{\"endpoint_per_s\":%.1f,\"endpoint_not_valid\":%d,"
					+ "\"client_cpu_s\":%.2f,\"in_process_per_s\":%.1f,\"in_process_not_valid\":%d,\"ratio\":%.3f}",
					algorithm, endpoint.perSecond(), endpoint.bad(), clientCpu, local.perSecond(), local.bad(), ratio));
		}
		json.append('}');
		Files.writeString(out.resolve("result.json"), json + "\n");
	}

	record Rate(long count, long bad, double perSecond) {
	}

	static Thread start(Runnable work) {
		Thread thread = new Thread(work);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
	}

	static List<String> issue(String host, int port, String token, String zone, PassAlgorithm algorithm, int count)
			throws Exception {
		List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicLong next = new AtomicLong();
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
		OffsetDateTime to = from.plusDays(3);
		List<Thread> threads = new ArrayList<>();
		List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int t = 0; t < 8; t++) {
			threads.add(start(() -> {
				try (Connection connection = new Connection(host, port)) {
					for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						String body = "{\"type\":\"PERSON\",\"holderName\":\"测试" + i + "\",\"purpose\":\"bench\","
								+ "\"zones\":[\"" + zone + "\"],\"validFrom\":\"" + from + "\",\"validTo\":\"" + to
								+ "\",\"algorithm\":\"" + algorithm + "\"}";
						byte[] answer = connection.exchange(requestBytes(host, port, token, "POST", "/api/v1/passes",
								body), 201);
						Matcher code = CODE.matcher(new String(answer, StandardCharsets.UTF_8));
						if (!code.find()) {
							throw new IllegalStateException("no code in " + new String(answer, StandardCharsets.UTF_8));
						}
						codes.add(code.group(1));
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return new ArrayList<>(codes);
	}

	static Rate http(String host, int port, String token, List<String> pool, int connections, int seconds)
			throws Exception {
		byte[][] requests = new byte[pool.size()][];
		for (int i = 0; i < pool.size(); i++) {
			requests[i] = requestBytes(host, port, token, "POST", "/api/v1/passes/verify",
					"{\"code\":\"" + pool.get(i) + "\"}");
		}
		byte[] valid = "\"result\":\"VALID\"".getBytes(StandardCharsets.US_ASCII);
		AtomicBoolean measuring = new AtomicBoolean(true);
		AtomicLong count = new AtomicLong();
		AtomicLong bad = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		for (int c = 0; c < connections; c++) {
			int offset = c * (pool.size() / connections + 1);
			threads.add(start(() -> {
				long n = 0;
				long notValid = 0;
				try (Connection connection = new Connection(host, port)) {
					for (int i = offset; measuring.get(); i++) {
						byte[] answer = connection.exchange(requests[i % requests.length], 200);
						n++;
						if (indexOf(answer, valid) < 0) {
							notValid++;
						}
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
				count.addAndGet(n);
				bad.addAndGet(notValid);
			}));
		}
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		double elapsed = (System.nanoTime() - start) / 1e9;
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return new Rate(count.get(), bad.get(), count.get() / elapsed);
	}

	static Rate inProcess(PassVerifier verifier, List<String> pool, int threads, int seconds) throws Exception {
		AtomicBoolean measuring = new AtomicBoolean(true);
		AtomicLong count = new AtomicLong();
		AtomicLong bad = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int offset = t * pool.size() / threads;
			workers.add(start(() -> {
				long n = 0;
				long notValid = 0;
				for (int i = offset; measuring.get(); i++) {
					// Instant.now() per call, as the server does
					if (!verifier.verify(pool.get(i % pool.size()), Instant.now()).valid()) {
						notValid++;
					}
					n++;
				}
				count.addAndGet(n);
				bad.addAndGet(notValid);
			}));
		}
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		double elapsed = (System.nanoTime() - start) / 1e9;
		for (Thread worker : workers) {
			worker.join();
		}
		return new Rate(count.get(), bad.get(), count.get() / elapsed);
	}

	static byte[] request(String host, int port, String token, String method, String path, String body)
			throws IOException {
		try (Connection connection = new Connection(host, port)) {
			return connection.exchange(requestBytes(host, port, token, method, path, body), 200);
		}
	}

	static byte[] requestBytes(String host, int port, String token, String method, String path, String body) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
				+ token + "\r\nAccept: application/json\r\n"
				+ (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
				+ "\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] all = new byte[headBytes.length + content.length];
		System.arraycopy(headBytes, 0, all, 0, headBytes.length);
		System.arraycopy(content, 0, all, headBytes.length, content.length);
		return all;
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** One keep-alive HTTP/1.1 connection. */
	static final class Connection implements AutoCloseable {

		private final String host;
		private final int port;
		private Socket socket;
		private InputStream in;
		private OutputStream out;

		Connection(String host, int port) throws IOException {
			this.host = host;
			this.port = port;
			open();
		}

		/** Tomcat ends a keep-alive connection after 100 requests (Connection: close): then a new one is opened. */
		private void open() throws IOException {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(host, port), 5000);
			socket.setSoTimeout(30_000);
			in = new BufferedInputStream(socket.getInputStream(), 16384);
			out = new BufferedOutputStream(socket.getOutputStream(), 16384);
		}

		byte[] exchange(byte[] request, int expectedStatus) throws IOException {
			out.write(request);
			out.flush();
			String status = line();
			int code = Integer.parseInt(status.substring(9, 12));
			int length = -1;
			boolean chunked = false;
			boolean closing = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim();
				if (name.equalsIgnoreCase("Connection") && header.toLowerCase().contains("close")) {
					closing = true;
				}
				else if (name.equalsIgnoreCase("Content-Length")) {
					length = Integer.parseInt(header.substring(colon + 1).trim());
				}
				else if (name.equalsIgnoreCase("Transfer-Encoding") && header.toLowerCase().contains("chunked")) {
					chunked = true;
				}
			}
			byte[] body;
			if (chunked) {
				ByteArrayOutputStream all = new ByteArrayOutputStream();
				for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
					all.write(in.readNBytes(size));
					line();
				}
				line();
				body = all.toByteArray();
			}
			else {
				body = in.readNBytes(Math.max(length, 0));
			}
			if (closing) {
				socket.close();
				open();
			}
			if (code != expectedStatus) {
				throw new IOException(status + ": " + new String(body, StandardCharsets.UTF_8));
			}
			return body;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new IOException("connection closed");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}
}
