package org.gridlink.residents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.JobQueues;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.Demo;
import org.gridlink.support.JobHooks;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports with several application instances on one database: a job is run only by the instance that claimed it,
 * a live claim cannot be taken, a stale one is taken over (and the old owner can no longer commit a batch), and the
 * sweep resumes a job nobody claimed in time.
 */
@WebTest
class ResidentImportClaimTest {

	static final CurrentUser COMMUNITY1 = new CurrentUser(-1, "community1", "周芳", Set.of(Role.COMMUNITY),
			Scope.of(Set.of(Demo.COMMUNITY1)), null);

	@Autowired
	ResidentImports imports;

	@Autowired
	ImportRunner runner;

	@Autowired
	ImportUploads uploads;

	@Autowired
	JobHooks hooks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ResidentBulkWriter writer;

	@Autowired
	Jurisdictions jurisdictions;

	@Autowired
	MessageSource messages;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	JobQueues queues;

	@Autowired
	TestClock clock;

	/** A second application instance on the same database. */
	ImportRunner other;

	/** The ID numbers of the files made by this test. */
	final List<String> ids = new ArrayList<>();

	@BeforeEach
	void secondInstance() {
		other = new ImportRunner(jdbc, template, transactions, writer, jurisdictions, messages, queues, uploads, clock, 2,
				1, Duration.ofMinutes(2), "other-host/4242/" + UUID.randomUUID());
	}

	@AfterEach
	void reset() {
		other.stop();
		clock.reset();
		hooks.reset();
		runner.batchSize = 5000;
	}

	byte[] file(int rows) {
		StringBuilder csv = new StringBuilder(ResidentImportTest.HEADER);
		for (int i = 0; i < rows; i++) {
			String id = TestIds.next();
			ids.add(id);
			csv.append(id).append(",认领").append(i).append(",,").append(Demo.GRID1).append(",认领小区,1号楼,1单元,")
					.append(100 + i).append(",\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	String claimedBy(long id) {
		return template.queryForObject("SELECT claimed_by FROM resident_import WHERE id = ?", String.class, id);
	}

	long residents(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM resident WHERE id_number_hash = ?").param(cipher.lookupHash(id))
				.query(Long.class).single();
	}

	long storedUploads(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM resident_import_file WHERE import_id = ?").param(id).query(Long.class)
				.single();
	}

	@Test
	void theUploadIsSealedWhileItsJobWaitsAndDeletedWhenTheJobEnds() {
		byte[] content = file(2);
		long id = imports.create(COMMUNITY1, "sealed.csv", content, null);
		byte[] stored = jdbc.sql("SELECT content FROM resident_import_file WHERE import_id = ?").param(id)
				.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(ids.get(0));
		assertThat(stored).isNotEqualTo(content);

		runner.run(id);
		assertThat(imports.get(COMMUNITY1, id).status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(residents(ids.get(0))).isOne();
		assertThat(storedUploads(id)).as("the file is gone with its finished job").isZero();

		jdbc.sql("INSERT INTO resident_import_file (import_id, content) VALUES (?, ?)").params(id, new byte[] { 1 })
				.update(); // as a crash between the finish and the delete would leave it
		uploads.purgeFinished();
		assertThat(storedUploads(id)).as("leftovers of finished jobs are purged at start-up").isZero();
	}

	@Test
	void twoInstancesCannotBothClaimAFreshJob() {
		long id = imports.create(COMMUNITY1, "claim.csv", file(3), null);
		assertThat(runner.claim(id, runner.instanceId)).isTrue();
		assertThat(runner.instanceId).contains("/").hasSizeLessThanOrEqualTo(100);
		assertThat(other.claim(id, other.instanceId)).as("a live claim of another instance").isFalse();
		assertThat(runner.claim(id, runner.instanceId)).as("the owner renews its claim").isTrue();

		other.run(id); // the other instance's start-up resume or sweep
		ImportJob untouched = imports.get(COMMUNITY1, id);
		assertThat(untouched.status()).isEqualTo(ImportStatus.QUEUED);
		assertThat(untouched.processedRows()).isZero();
		assertThat(claimedBy(id)).isEqualTo(runner.instanceId);
		assertThat(residents(ids.get(0))).isZero();

		runner.run(id);
		assertThat(imports.get(COMMUNITY1, id).status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(other.claim(id, other.instanceId)).as("a finished job is never claimed").isFalse();
	}

	@Test
	void aStaleClaimIsTakenOverAndTheOldOwnerCanNoLongerCommit() {
		byte[] content = file(7);
		runner.batchSize = 2;
		hooks.crashAfter(ImportRunner.QUEUE, 2);
		long id = imports.create(COMMUNITY1, "stale.csv", content, null);
		assertThatThrownBy(() -> runner.run(id)).isInstanceOf(JobHooks.SimulatedCrash.class);
		hooks.reset();
		assertThat(claimedBy(id)).isEqualTo(runner.instanceId);
		assertThat(other.claim(id, other.instanceId)).as("the heartbeat is fresh").isFalse();

		clock.advance(Duration.ofMinutes(3)); // the first instance hangs or died: no heartbeat for longer than the timeout
		assertThat(other.claim(id, other.instanceId)).as("a stale claim is taken over").isTrue();
		ImportRun.Job job = new ImportRun.Job(id, "community1", Demo.COMMUNITY1, null, ImportStatus.RUNNING, 4, 4, 0);
		assertThatThrownBy(() -> runner.commit(job, List.of(), new Households.Cache(), List.of(), 6, 6, 0, 0))
				.isInstanceOf(ImportRunner.ClaimLost.class);
		assertThat(imports.get(COMMUNITY1, id).processedRows()).as("the old owner's batch is not written").isEqualTo(4);
		assertThat(runner.claim(id, runner.instanceId)).as("now the other instance's claim is live").isFalse();

		other.run(id);
		ImportJob done = imports.get(COMMUNITY1, id);
		assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(done).extracting(ImportJob::processedRows, ImportJob::acceptedRows, ImportJob::rejectedRows)
				.containsExactly(7, 7, 0);
		assertThat(claimedBy(id)).isEqualTo(other.instanceId);
		for (String each : ids) {
			assertThat(residents(each)).isEqualTo(1);
		}
	}

	@Test
	void theSweepResumesAJobNobodyClaimedInTimeButLeavesAFreshOneToItsInstance() throws Exception {
		long orphan = imports.create(COMMUNITY1, "orphan.csv", file(2), null);
		clock.advance(Duration.ofMinutes(5));
		long fresh = imports.create(COMMUNITY1, "fresh.csv", file(2), null);
		other.sweep();
		other.await(orphan, 60);
		assertThat(imports.get(COMMUNITY1, orphan).status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(claimedBy(orphan)).isEqualTo(other.instanceId);
		assertThat(imports.get(COMMUNITY1, fresh).status()).isEqualTo(ImportStatus.QUEUED);
		assertThat(claimedBy(fresh)).isNull();
		runner.run(fresh);
		assertThat(imports.get(COMMUNITY1, fresh).status()).isEqualTo(ImportStatus.SUCCEEDED);
	}
}
