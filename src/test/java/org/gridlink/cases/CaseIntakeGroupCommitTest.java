package org.gridlink.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.platform.AuditTrail;
import org.gridlink.support.WebTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Case intake by group commit ({@link CaseIntake}): many reports at once are as many cases, each answered with its
 * own; a retried key is one case whether its two requests share a batch or not; a bad report fails alone; audit,
 * history and events are as for a report written alone; the switch turns it off.
 */
@WebTest
class CaseIntakeGroupCommitTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	AuditTrail audit;

	ExecutorService pool = Executors.newFixedThreadPool(32);

	@AfterEach
	void stop() {
		pool.shutdownNow();
		intake.enabled(true);
	}

	/** One report through the API as grid1; its answer's id and number. */
	record Answer(long id, String number, String description) {
	}

	Answer send(String description, @Nullable String key) throws Exception {
		var request = post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"C0201\",\"description\":\"" + description + "\",\"jurisdictionCode\":\""
						+ GRID1 + "\"}");
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		String json = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		return new Answer(((Number) JsonPath.read(json, "$.id")).longValue(), JsonPath.read(json, "$.number"),
				JsonPath.read(json, "$.description"));
	}

	/** Holds the writers until at least {@code waiting} reports wait together, then lets them go. */
	void releaseWhenWaiting(Runnable release, int waiting) {
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> intake.waiting() >= waiting);
		}
		finally {
			release.run();
		}
	}

	Runnable holdWriters() {
		Runnable release = intake.hold();
		await().atMost(Duration.ofSeconds(10)).until(intake::held);
		return release;
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void twoHundredReportsFromThirtyTwoThreadsAreTwoHundredCasesEachAnsweredWithItsOwn() throws Exception {
		assertThat(intake.enabled()).isTrue();
		String run = UUID.randomUUID().toString().substring(0, 8);
		CaseIntake.Figures before = intake.figures();
		Runnable release = holdWriters();
		List<Future<Answer>> futures = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String description = "成批上报 " + run + " " + i;
			String key = run + "-" + i;
			futures.add(pool.submit(() -> send(description, key)));
		}
		releaseWhenWaiting(release, 16);
		Map<Long, Answer> byId = new HashMap<>();
		Set<String> numbers = new HashSet<>();
		for (Future<Answer> future : futures) {
			Answer answer = future.get();
			assertThat(byId.put(answer.id(), answer)).as("one case per report").isNull();
			assertThat(numbers.add(answer.number())).as("one number per case").isTrue();
		}
		assertThat(byId).hasSize(200);
		// each answered with its own case: the number and description the database holds for that id
		for (Answer answer : byId.values()) {
			assertThat(jdbc.sql("SELECT number, description FROM case_file WHERE id = ?").param(answer.id())
					.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single())
					.isEqualTo(answer.number() + "|" + answer.description());
		}
		String like = "成批上报 " + run + " %";
		assertThat(count("SELECT COUNT(*) FROM case_file WHERE description LIKE ?", like)).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM case_event e JOIN case_file c ON c.id = e.case_id WHERE"
				+ " c.description LIKE ? AND e.action = 'report' AND e.to_status = 'REPORTED' AND e.actor = 'grid1'",
				like)).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM case_idempotency WHERE caller = 'grid1' AND idem_key LIKE ?",
				run + "-%")).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM audit_entry a JOIN case_file c ON a.subject = CAST(c.id AS VARCHAR(20))"
				+ " WHERE a.action = 'CASE_REPORT' AND a.subject_type = 'case' AND a.username = 'grid1'"
				+ " AND a.detail = CONCAT('C0201 ', c.jurisdiction_code) AND c.description LIKE ?", like))
				.isEqualTo(200);
		assertThat(audit.verify().intact()).as("the audit chain holds with entries appended in batches").isTrue();
		CaseIntake.Figures after = intake.figures();
		assertThat(after.reports() - before.reports()).as("every report written in a batch").isEqualTo(200);
		assertThat(after.failedBatches()).isEqualTo(before.failedBatches());
		assertThat(after.batches() - before.batches()).as("reports shared batches").isLessThan(200);
		assertThat(after.largestBatch()).isGreaterThanOrEqualTo(16);
		// the listeners got every CaseReported (the command center's read model counts each case once)
		await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM command_item i JOIN case_file c"
				+ " ON i.kind = 'CASE' AND i.item_id = c.id WHERE c.description LIKE ?", like) == 200);
	}

	@Test
	void aRetriedKeyIsOneCaseInTheSameBatchAndInConcurrentBatches() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Runnable release = holdWriters();
		List<Future<Answer>> futures = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			// keys 0..3 twice, 4..7 once
			String key = run + "-" + (i < 8 ? i % 4 : i - 4);
			String description = "同批重试 " + run + " " + i;
			futures.add(pool.submit(() -> send(description, key)));
		}
		releaseWhenWaiting(release, 12);
		List<Answer> answers = new ArrayList<>();
		for (Future<Answer> future : futures) {
			answers.add(future.get());
		}
		for (int k = 0; k < 4; k++) {
			assertThat(answers.get(k + 4).id()).as("key " + k + " in the same batch").isEqualTo(answers.get(k).id());
			assertThat(answers.get(k + 4).number()).isEqualTo(answers.get(k).number());
		}
		assertThat(answers.stream().map(Answer::id).distinct()).hasSize(8);
		assertThat(count("SELECT COUNT(*) FROM case_file WHERE description LIKE ?", "同批重试 " + run + " %"))
				.isEqualTo(8);
		// the same keys again, each twice, all at once: whatever batches they land in, each is its first case
		List<Callable<Answer>> retries = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String key = run + "-" + (i % 8);
			retries.add(() -> send("同批重试 " + run + " retry", key));
		}
		List<Future<Answer>> retried = pool.invokeAll(retries);
		for (int i = 0; i < 16; i++) {
			Answer first = answers.get(i % 8 < 4 ? i % 8 : i % 8 + 4);
			assertThat(retried.get(i).get().id()).as("retried key " + (i % 8)).isEqualTo(first.id());
		}
		assertThat(count("SELECT COUNT(*) FROM case_file WHERE description LIKE ?", "同批重试 " + run + " %"))
				.isEqualTo(8);
		assertThat(count("SELECT COUNT(*) FROM case_idempotency WHERE caller = 'grid1' AND idem_key LIKE ?",
				run + "-%")).isEqualTo(8);
	}

	@Test
	void aBadReportFailsAloneItsBatchNeighboursAreWritten() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		CaseIntake.Figures before = intake.figures();
		// a reporter longer than the column: passes the checks, the database refuses the row (and with it the batch)
		String tooLong = "r".repeat(80);
		Runnable release = holdWriters();
		List<Future<Long>> good = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			NewCase report = report("批内坏行 " + run + " " + i);
			good.add(pool.submit(() -> cases.reportAs("alert-" + run, report, null)));
		}
		Future<Long> bad = pool.submit(() -> cases.reportAs(tooLong, report("批内坏行 " + run + " bad"), null));
		releaseWhenWaiting(release, 7);
		Set<Long> ids = new HashSet<>();
		for (Future<Long> future : good) {
			ids.add(future.get());
		}
		assertThat(ids).hasSize(6);
		assertThatThrownBy(bad::get).hasCauseInstanceOf(DataAccessException.class);
		assertThat(count("SELECT COUNT(*) FROM case_file WHERE description LIKE ? AND reporter = ?",
				"批内坏行 " + run + " %", "alert-" + run)).isEqualTo(6);
		assertThat(count("SELECT COUNT(*) FROM case_file WHERE description = ?", "批内坏行 " + run + " bad"))
				.isZero();
		assertThat(count("SELECT COUNT(*) FROM case_event e JOIN case_file c ON c.id = e.case_id"
				+ " WHERE c.reporter = ? AND e.action = 'report'", "alert-" + run)).isEqualTo(6);
		assertThat(intake.figures().failedBatches()).isGreaterThan(before.failedBatches());
	}

	@Test
	void aFailedBatchAnswersNobodyAndWritesNothing() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String bad = "r".repeat(79) + run.charAt(0);
		List<CaseIntake.Pending> batch = List.of(pending("alert-" + run, run + "-1"), pending(bad, null),
				pending("alert-" + run, run + "-2"));
		intake.writeBatch(batch);
		assertThat(batch).allSatisfy(p -> assertThat(p.answer).isCompletedWithValue(null));
		// rolled back as a whole: no case, no history line, no audit entry of any of the three
		assertThat(count("SELECT COUNT(*) FROM case_file WHERE reporter = ?", "alert-" + run)).isZero();
		assertThat(count("SELECT COUNT(*) FROM case_event WHERE actor = ?", "alert-" + run)).isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE username IN (?, ?)", "alert-" + run,
				bad.substring(0, 64))).isZero();
		assertThat(count("SELECT COUNT(*) FROM case_idempotency WHERE idem_key LIKE ?", run + "-%")).isZero();
		// written alone, the good ones are cases and the bad one fails
		assertThat(intake.writeAlone(batch.get(0).report).created()).isNotNull();
		assertThatThrownBy(() -> intake.writeAlone(batch.get(1).report)).isInstanceOf(DataAccessException.class);
		assertThat(intake.writeAlone(batch.get(2).report).created()).isNotNull();
		// a key already written fails a batch too; alone, it answers the earlier case
		CaseIntake.Pending again = pending("alert-" + run, run + "-1");
		intake.writeBatch(List.of(again, pending("alert-" + run, run + "-3")));
		assertThat(again.answer).isCompletedWithValue(null);
		CaseIntake.Reported earlier = intake.writeAlone(again.report);
		assertThat(earlier.created()).isNull();
		assertThat(earlier.id()).isEqualTo(count("SELECT case_id FROM case_idempotency WHERE idem_key = ?",
				run + "-1"));
	}

	@Test
	void switchedOffEachReportIsWrittenAloneWithTheSameResult() throws Exception {
		intake.enabled(false);
		CaseIntake.Figures before = intake.figures();
		String key = UUID.randomUUID().toString();
		Answer first = send("单条上报", key);
		Answer second = send("单条上报", key);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(first.number()).matches("\\d{14}");
		assertThat(intake.figures()).isEqualTo(before);
		assertThat(count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = 'report'", first.id()))
				.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CASE_REPORT' AND subject = ?",
				String.valueOf(first.id()))).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedBeforeTheQueue() throws Exception {
		CaseIntake.Figures before = intake.figures();
		mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "x".repeat(101))
				.content("{\"categoryCode\":\"C0201\",\"description\":\"x\",\"jurisdictionCode\":\"" + GRID1 + "\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"C0201\",\"description\":\" \",\"jurisdictionCode\":\"" + GRID1 + "\"}"))
				.andExpect(status().isBadRequest());
		assertThat(intake.figures()).isEqualTo(before);
	}

	static NewCase report(String description) {
		return new NewCase("C0201", description, GRID1, null, null, "", CaseSource.ALERT, null);
	}

	static CaseIntake.Pending pending(String reporter, String key) {
		return new CaseIntake.Pending(new CaseIntake.Report(reporter, CaseSource.ALERT, "C0201", "批 " + reporter, "",
				"", GRID1, null, null, key, null));
	}
}
