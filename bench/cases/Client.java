import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cases intake benchmark client: plain HTTP/1.1 keep-alive over sockets, so that the client costs little of the two
 * cores it shares with the application and PostgreSQL (the earlier Python client cost about as much CPU per request
 * as the application's own framework work). Run with {@code java bench/cases/Client.java ...} (no build).
 *
 * <p>Phase 1 (intake): CLIENTS threads, one connection each, share REPORTS reports ({@code POST /api/v1/cases}, each
 * with its own Idempotency-Key): a random minor class that has a routing rule, and a random point in the demo district
 * (lat/lng, located by the server) or, for one report in five, a random grid code. After every RETRY_EVERY-th report a
 * thread sends the same request again with the same key (a client retry): it must get the same case back. A
 * connection error is retried with the same key too.
 * Phase 2 (center): CLIENTS threads file and dispatch every accepted case by its routing rule
 * ({@code POST /api/v1/cases/{id}/actions/file}, then {@code .../dispatch} with {@code {}}).
 *
 * <p>Arguments: host port token clients reports categories-file grids-file ids-file [seed] [warmup]. Prints one JSON
 * object (the same shape as the earlier client.py); the case ids go to ids-file for the checks of run.sh.
 */
public class Client {

	static final int RETRY_EVERY = 50;
	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
	static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
	static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([0-9A-Za-z-]+)\"");
	static final Pattern LEAD = Pattern.compile("\"leadUnitId\"\\s*:\\s*(\\d+)");
	static final Pattern DEADLINE = Pattern.compile("\"deadlineAt\"\\s*:\\s*\"");

	static String host;
	static int port;
	static String token;
	static List<String> categories;
	static List<String> grids;

	record Answer(int status, String body, double seconds, int attempts) {
	}

	/** One keep-alive connection; reconnects (and the caller's request is sent again) after a connection error. */
	static final class Connection implements AutoCloseable {

		private Socket socket;
		private InputStream in;
		private OutputStream out;

		Connection() throws IOException {
			open();
		}

		private void open() throws IOException {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(60_000);
			socket.connect(new InetSocketAddress(host, port), 10_000);
			in = new BufferedInputStream(socket.getInputStream(), 16384);
			out = socket.getOutputStream();
		}

		Answer post(String path, byte[] body, String idempotencyKey) throws IOException {
			StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
				.append(host).append(':').append(port)
				.append("\r\nAuthorization: Bearer ").append(token)
				.append("\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
				.append(body.length).append("\r\n");
			if (idempotencyKey != null) {
				head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
			}
			byte[] request = concat(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII), body);
			for (int attempt = 0; attempt < 5; attempt++) {
				try {
					long t0 = System.nanoTime();
					out.write(request);
					out.flush();
					Answer answer = read();
					return new Answer(answer.status, answer.body, (System.nanoTime() - t0) / 1e9, attempt);
				}
				catch (IOException ex) {
					close();
					open();
				}
			}
			throw new IOException("no answer after 5 attempts: " + path);
		}

		private Answer read() throws IOException {
			String statusLine = line();
			int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
			int length = -1;
			boolean chunked = false;
			boolean closeAfter = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					closeAfter = true;
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 1024));
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
						size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
					body.write(in.readNBytes(size));
					line();
				}
				line();
			}
			else if (length >= 0) {
				body.write(in.readNBytes(length));
			}
			if (closeAfter) {
				close();
				open();
			}
			return new Answer(status, body.toString(StandardCharsets.UTF_8), 0, 0);
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		@Override
		public void close() {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing a broken connection
			}
		}
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	static String json(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	static String find(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(1) : null;
	}

	static final class Intake {
		int accepted, errors, same, other, connectionRetries;
		final List<Double> latencies = new ArrayList<>();
		final List<Long> ids = new ArrayList<>();
	}

	static final class Center {
		int dispatched, errors, noLead;
		final List<Double> files = new ArrayList<>(), dispatches = new ArrayList<>(), pairs = new ArrayList<>();
	}

	static void report(Intake intake, long seed, int count) {
		Random rnd = new Random(seed);
		List<Double> latencies = new ArrayList<>(count);
		List<Long> ids = new ArrayList<>(count);
		int errors = 0, same = 0, other = 0, retries = 0;
		try (Connection connection = new Connection()) {
			for (int n = 0; n < count; n++) {
				StringBuilder body = new StringBuilder("{\"categoryCode\":")
					.append(json(categories.get(rnd.nextInt(categories.size()))))
					.append(",\"description\":").append(json("基准测试上报 " + seed + "-" + n));
				if (rnd.nextDouble() < 0.2) {
					body.append(",\"jurisdictionCode\":").append(json(grids.get(rnd.nextInt(grids.size()))));
				}
				else {
					body.append(String.format(Locale.ROOT, ",\"lat\":%.6f,\"lng\":%.6f", 33.50 + rnd.nextDouble() * 0.30,
							119.00 + rnd.nextDouble() * 0.36))
						.append(",\"address\":").append(json("基准路 " + (1 + rnd.nextInt(999)) + " 号"));
				}
				byte[] payload = body.append('}').toString().getBytes(StandardCharsets.UTF_8);
				String key = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
				Answer answer = connection.post("/api/v1/cases", payload, key);
				retries += answer.attempts();
				if (answer.status() != 201) {
					errors++;
					System.err.println("report HTTP " + answer.status() + " " + head(answer.body()));
					continue;
				}
				latencies.add(answer.seconds());
				String id = find(ID, answer.body());
				if (!"REPORTED".equals(find(STATUS, answer.body())) || find(NUMBER, answer.body()) == null || id == null) {
					errors++;
					System.err.println("unexpected answer " + head(answer.body()));
					continue;
				}
				ids.add(Long.parseLong(id));
				if (n % RETRY_EVERY == RETRY_EVERY - 1) {
					Answer again = connection.post("/api/v1/cases", payload, key);
					retries += again.attempts();
					if (again.status() == 201 && id.equals(find(ID, again.body()))) {
						same++;
					}
					else {
						other++;
						System.err.println("retry answered " + again.status() + " " + head(again.body()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		synchronized (intake) {
			intake.accepted += ids.size();
			intake.errors += errors;
			intake.same += same;
			intake.other += other;
			intake.connectionRetries += retries;
			intake.latencies.addAll(latencies);
			intake.ids.addAll(ids);
		}
	}

	static void center(Center center, List<Long> ids) {
		List<Double> files = new ArrayList<>(), dispatches = new ArrayList<>(), pairs = new ArrayList<>();
		int done = 0, errors = 0, noLead = 0;
		byte[] empty = "{}".getBytes(StandardCharsets.US_ASCII);
		try (Connection connection = new Connection()) {
			for (long id : ids) {
				Answer file = connection.post("/api/v1/cases/" + id + "/actions/file", empty, null);
				if (file.status() != 200) {
					errors++;
					System.err.println("file HTTP " + file.status() + " " + head(file.body()));
					continue;
				}
				Answer dispatch = connection.post("/api/v1/cases/" + id + "/actions/dispatch", empty, null);
				if (dispatch.status() != 200) {
					errors++;
					System.err.println("dispatch HTTP " + dispatch.status() + " " + head(dispatch.body()));
					continue;
				}
				if (!"DISPATCHED".equals(find(STATUS, dispatch.body())) || find(LEAD, dispatch.body()) == null
						|| !DEADLINE.matcher(dispatch.body()).find()) {
					noLead++;
				}
				done++;
				files.add(file.seconds());
				dispatches.add(dispatch.seconds());
				pairs.add(file.seconds() + dispatch.seconds());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		synchronized (center) {
			center.dispatched += done;
			center.errors += errors;
			center.noLead += noLead;
			center.files.addAll(files);
			center.dispatches.addAll(dispatches);
			center.pairs.addAll(pairs);
		}
	}

	static String head(String body) {
		return body.length() > 300 ? body.substring(0, 300) : body;
	}

	static double run(List<Thread> threads) throws InterruptedException {
		long t0 = System.nanoTime();
		threads.forEach(Thread::start);
		for (Thread t : threads) {
			t.join();
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	record Phases(Intake intake, double intakeSeconds, Center center, double centerSeconds, List<Long> ids) {
	}

	static Phases phases(int clients, int count, long firstSeed) throws InterruptedException {
		Intake intake = new Intake();
		Center center = new Center();
		List<Thread> reporters = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			int share = count / clients + (i < count % clients ? 1 : 0);
			long seed = firstSeed + 1000L * i;
			reporters.add(new Thread(() -> report(intake, seed, share)));
		}
		double intakeSeconds = run(reporters);
		List<Long> ids = new ArrayList<>(intake.ids);
		Collections.sort(ids);
		System.err.printf(Locale.ROOT, "intake: %d reports in %.1f s%n", intake.accepted, intakeSeconds);
		List<Thread> centers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			List<Long> share = new ArrayList<>();
			for (int j = i; j < ids.size(); j += clients) {
				share.add(ids.get(j));
			}
			centers.add(new Thread(() -> center(center, share)));
		}
		double centerSeconds = run(centers);
		System.err.printf(Locale.ROOT, "center: %d cases in %.1f s%n", center.dispatched, centerSeconds);
		return new Phases(intake, intakeSeconds, center, centerSeconds, ids);
	}

	/** The same nearest-rank percentile as client.py, in milliseconds with one decimal. */
	static String percentile(List<Double> values, double p) {
		if (values.isEmpty()) {
			return "null";
		}
		List<Double> ordered = new ArrayList<>(values);
		Collections.sort(ordered);
		int index = (int) Math.min(ordered.size() - 1, Math.max(0, Math.round(p / 100.0 * ordered.size() + 0.5) - 1));
		return String.format(Locale.ROOT, "%.1f", ordered.get(index) * 1000);
	}

	public static void main(String[] args) throws Exception {
		host = args[0];
		port = Integer.parseInt(args[1]);
		token = args[2];
		int clients = Integer.parseInt(args[3]);
		int reports = Integer.parseInt(args[4]);
		categories = lines(args[5]);
		grids = lines(args[6]);
		String idsFile = args[7];
		long seed = args.length > 8 ? Long.parseLong(args[8]) : 20261129L;
		int warmup = args.length > 9 ? Integer.parseInt(args[9]) : 1000;

		Phases warm = warmup > 0 ? phases(clients, warmup, seed + 500) : null;
		Phases measured = phases(clients, reports, seed);
		StringBuilder ids = new StringBuilder();
		measured.ids().forEach(id -> ids.append(id).append('\n'));
		Files.writeString(Path.of(idsFile), ids);

		Intake i = measured.intake();
		Center c = measured.center();
		String out = String.format(Locale.ROOT, """
				{
				  "clients": %d,
				  "client": "Client.java (HTTP/1.1 keep-alive sockets)",
				  "warmup": {"reports": %d, "accepted": %d, "errors": %d, "dispatched": %d},
				  "intake": {
				    "reports": %d, "accepted": %d, "errors": %d, "distinct_ids": %d,
				    "retries_same_case": %d, "retries_other_case": %d, "connection_retries": %d,
				    "seconds": %.2f, "reports_per_second": %.1f,
				    "p50_ms": %s, "p99_ms": %s, "max_ms": %s
				  },
				  "file_and_dispatch": {
				    "cases": %d, "dispatched": %d, "errors": %d, "without_lead_or_deadline": %d,
				    "seconds": %.2f, "cases_per_second": %.1f,
				    "file_p50_ms": %s, "file_p99_ms": %s, "dispatch_p50_ms": %s, "dispatch_p99_ms": %s, "pair_p99_ms": %s
				  }
				}""", clients, warmup, warm == null ? 0 : warm.intake().accepted,
				warm == null ? 0 : warm.intake().errors + warm.center().errors,
				warm == null ? 0 : warm.center().dispatched, reports, i.accepted, i.errors, new HashSet<>(i.ids).size(),
				i.same, i.other, i.connectionRetries, measured.intakeSeconds(), i.accepted / measured.intakeSeconds(),
				percentile(i.latencies, 50), percentile(i.latencies, 99), percentile(i.latencies, 100),
				measured.ids().size(), c.dispatched, c.errors, c.noLead, measured.centerSeconds(),
				c.dispatched / measured.centerSeconds(), percentile(c.files, 50), percentile(c.files, 99),
				percentile(c.dispatches, 50), percentile(c.dispatches, 99), percentile(c.pairs, 99));
		System.out.println(out);
	}

	static List<String> lines(String file) throws IOException {
		return Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
