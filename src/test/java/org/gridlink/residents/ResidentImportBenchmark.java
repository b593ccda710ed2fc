package org.gridlink.residents;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.gridlink.GridlinkApplication;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk import benchmark (bench/import/run.sh; not a test, never run by mvn verify). Boots the application on
 * PostgreSQL (schema {@code bench_import} of database {@code test}, dropped and recreated) or on a fresh H2 file
 * database, loads the demo district without residents, writes N generated residents as CSV, then measures in the
 * same run:
 * <ol>
 * <li>our import of the CSV file into the empty registry (parse, validate, encrypt and hash, households, upsert,
 * tags, progress per batch), synchronously through the same code as a background job;</li>
 * <li>on PostgreSQL only, the baseline: the resident rows that import stored are exported with
 * {@code COPY resident (...) TO STDOUT} (so they are exactly the same encrypted/hashed rows), the table is emptied,
 * and a single raw {@code COPY resident (...) FROM STDIN} of those bytes is timed into the same table with the
 * same indexes and constraints.</li>
 * </ol>
 * Usage: {@code ResidentImportBenchmark postgres|h2 [rows]}.
 */
public final class ResidentImportBenchmark {

	static final String COLUMNS = "district_code, grid_code, household_id, name, id_number_hash, id_number_enc, "
			+ "id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, version, created_at, updated_at";

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "postgres";
		int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		Path dir = Path.of("target/bench");
		Files.createDirectories(dir);
		String url;
		if (db.equals("postgres")) {
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
					Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS bench_import CASCADE");
				s.execute("CREATE SCHEMA bench_import");
			}
			url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_import";
		}
		else {
			Files.deleteIfExists(dir.resolve("h2-import.mv.db"));
			url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/h2-import;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		}
		SpringApplication app = new SpringApplication(GridlinkApplication.class);
		app.setAdditionalProfiles("bench");
		System.setProperty("spring.datasource.url", url);
		System.setProperty("spring.datasource.username", db.equals("postgres") ? "postgres" : "sa");
		System.setProperty("spring.datasource.password", "");
		System.setProperty("gridlink.demo.residents", "0");
		System.setProperty("server.port", "0");
		System.setProperty("logging.level.root", "WARN");
		try (ConfigurableApplicationContext context = app.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			ResidentImports imports = context.getBean(ResidentImports.class);
			ImportRunner runner = context.getBean(ImportRunner.class);

			Path csv = dir.resolve("residents-" + rows + ".csv");
			long t0 = System.nanoTime();
			try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv),
					StandardCharsets.UTF_8), 1 << 20)) {
				DemoResidents.csv(context.getBean(Jurisdictions.class).residentialGrids(), rows, out);
			}
			byte[] file = Files.readAllBytes(csv);
			System.out.printf("generated %,d rows, %,d bytes in %.1f s -> %s%n", rows, file.length, secs(t0), csv);

			CurrentUser center = new CurrentUser(0, "bench", "bench", Set.of(Role.CENTER),
					Scope.of(Set.of("320819000000")), null);
			long id = imports.create(center, csv.getFileName().toString(), file, null);
			long t1 = System.nanoTime();
			runner.run(id);
			double ours = secs(t1);
			ImportJob job = imports.get(center, id);
			System.out.printf("our import: %s, %,d accepted, %,d rejected in %.1f s (%,.0f rows/s, batch %d)%n",
					job.status(), job.acceptedRows(), job.rejectedRows(), ours, rows / ours, runner.batchSize);
			long households = jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
			System.out.printf("households: %,d%n", households);

			if (db.equals("postgres")) {
				DataSource dataSource = context.getBean(DataSource.class);
				byte[] copied;
				try (Connection c = dataSource.getConnection()) {
					ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 420);
					c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY resident (" + COLUMNS + ") TO STDOUT", out);
					copied = out.toByteArray();
					try (Statement s = c.createStatement()) {
						s.execute("TRUNCATE resident_tag, resident");
						s.execute("CHECKPOINT");
					}
				}
				try (Connection c = dataSource.getConnection()) {
					long t2 = System.nanoTime();
					long n = c.unwrap(PGConnection.class).getCopyAPI()
							.copyIn("COPY resident (" + COLUMNS + ") FROM STDIN", new ByteArrayInputStream(copied));
					double raw = secs(t2);
					System.out.printf("raw COPY: %,d rows (%,d bytes) in %.1f s (%,.0f rows/s)%n", n, copied.length,
							raw, n / raw);
					System.out.printf("RATIO our import / raw COPY = %.2f%n", ours / raw);
				}
			}
		}
	}

	private static double secs(long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
