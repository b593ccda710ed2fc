package org.gridlink.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;


import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The loop's promises that a conformance run found broken: a final status accepts nothing (a voided case settles its
 * pending request), a merge changes both cases under their versions, a refused step names the pending request.
 */
@WebTest
class CasePromisesApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long report(String description) throws Exception {
		return CaseRequests.reportInGrid1(mvc, description);
	}

	ResultActions act(String user, long id, String action, String body) throws Exception {
		return CaseRequests.step(mvc, user, id, action, body, "en");
	}

	/** A case accepted by the city management bureau (dept1's unit). */
	long accepted(String description) throws Exception {
		long id = report(description);
		act("center", id, "file", "{}").andExpect(status().isOk());
		act("center", id, "dispatch", "{}").andExpect(status().isOk())
				.andExpect(jsonPath("$.workingMinutesLeft").isNumber())
				.andExpect(jsonPath("$.workingMinutesLeft", lessThanOrEqualTo(240)));
		act("dept1", id, "accept", "{}").andExpect(status().isOk());
		return id;
	}

	int version(long id) {
		return jdbc.sql("SELECT version FROM case_file WHERE id = ?").param(id).query(Integer.class).single();
	}

	@Test
	void aVoidedCaseWithdrawsItsPendingExtensionAndAcceptsNoDecision() throws Exception {
		long id = accepted("垃圾满溢");
		act("dept1", id, "extend", "{\"hours\":8,\"note\":\"需要调用车辆\"}").andExpect(status().isOk());
		act("center", id, "void", "{\"note\":\"重复上报\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("VOIDED")).andExpect(jsonPath("$.pendingRequest").isEmpty())
				.andExpect(jsonPath("$.history[*].action", hasItem("withdraw-request")));
		act("center", id, "approve-extension", "{\"approved\":true}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.message", containsString("“Decide on the extension” is not possible")))
				.andExpect(jsonPath("$.message", containsString("status “Void”")))
				.andExpect(jsonPath("$.message", not(containsString("VOIDED"))));
		mvc.perform(get("/api/v1/cases/" + id).with(as("center"))).andExpect(jsonPath("$.status").value("VOIDED"))
				.andExpect(jsonPath("$.timeLimitMinutes").value(240)).andExpect(jsonPath("$.extensionCount").value(0));
	}

	@Test
	void aVoidedCaseIsNeitherDeferredNorResumed() throws Exception {
		long id = accepted("井盖松动");
		act("dept1", id, "defer", "{\"note\":\"等待配件\"}").andExpect(status().isOk());
		act("center", id, "void", "{\"note\":\"误报\"}").andExpect(status().isOk());
		act("center", id, "approve-deferral", "{\"approved\":true}").andExpect(status().isConflict());
		act("center", id, "resume", "{}").andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("VOIDED");
	}

	@Test
	void aStepBlockedByAPendingRequestNamesTheRequest() throws Exception {
		long deferring = accepted("路面破损");
		act("dept1", deferring, "defer", "{\"note\":\"等待施工季节\"}").andExpect(status().isOk());
		act("dept1", deferring, "feedback", "{\"note\":\"已修复\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.message", containsString("deferral request is pending")));
		mvc.perform(get("/api/v1/cases/" + deferring).with(as("center")))
				.andExpect(jsonPath("$.pendingRequest").value("DEFERRAL")).andExpect(jsonPath("$.status").value("ACCEPTED"));
		long extending = accepted("护栏损坏");
		act("dept1", extending, "extend", "{\"hours\":4,\"note\":\"材料未到\"}").andExpect(status().isOk());
		act("dept1", extending, "return", "{\"note\":\"非本单位职责\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.message", containsString("extension request is pending")))
				.andExpect(jsonPath("$.message", not(containsString("DISPATCHED"))));
	}

	@Test
	void aMergeRaisesTheTargetsVersionAndRecordsAStepOnIt() throws Exception {
		long target = report("垃圾堆放 A");
		long duplicate = report("垃圾堆放 B");
		int before = version(target);
		act("center", duplicate, "merge", "{\"intoCaseId\":" + target + "}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("MERGED"));
		assertThat(version(target)).isEqualTo(before + 1);
		act("center", target, "urge", "{\"version\":" + before + "}").andExpect(status().isConflict());
	}

	@Test
	void nothingIsMergedIntoAClosedCase() throws Exception {
		long closed = accepted("垃圾清运");
		act("dept1", closed, "feedback", "{\"note\":\"已清运\"}").andExpect(status().isOk());
		act("center", closed, "verify", "{\"passed\":true}").andExpect(status().isOk());
		act("center", closed, "close", "{}").andExpect(jsonPath("$.status").value("CLOSED"));
		long duplicate = report("垃圾清运 重复");
		act("center", duplicate, "merge", "{\"intoCaseId\":" + closed + "}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.message", containsString("open case")));
	}

	/**
	 * A merge into a case and a void of that case at once: one of them loses (409), or they ran one after the other
	 * (the void saw the merge). Before the merge wrote the target under its version, both won on the same version.
	 */
	@Test
	void aMergeIntoACaseVoidedAtTheSameMomentDoesNotBothWinOnOneVersion() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				long target = report("油污 " + round);
				long duplicate = report("油污 重复 " + round);
				CountDownLatch start = new CountDownLatch(1);
				Future<Integer> merge = pool.submit(() -> {
					start.await();
					return act("center", duplicate, "merge", "{\"intoCaseId\":" + target + "}").andReturn()
							.getResponse().getStatus();
				});
				Future<Integer> voiding = pool.submit(() -> {
					start.await();
					return act("center", target, "void", "{\"note\":\"误报\"}").andReturn().getResponse().getStatus();
				});
				start.countDown();
				List<Integer> statuses = new ArrayList<>(List.of(merge.get(), voiding.get()));
				assertThat(statuses).as("round " + round).contains(200).doesNotContain(500);
				if (!statuses.contains(409)) {
					// both succeeded: only one after the other, the void on the version the merge left
					assertThat(version(target)).as("round " + round + ": both steps counted on the target")
							.isEqualTo(2);
					assertThat(jdbc.sql("SELECT action FROM case_event WHERE case_id = ? ORDER BY id").param(target)
							.query(String.class).list()).as("round " + round).containsExactly("report", "merged-in",
									"void");
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}
}
