package org.gridlink.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The case API: the whole loop, refused steps, concurrency, idempotent intake, scope, location and duplicates. */
@WebTest
class CaseApiTest {

	/** Unit 2 (区城市管理局) is dept1's unit and the demo rule's lead unit for E01 (city environment). */
	static final long CITY_MANAGEMENT = 2;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long report(String user, String body) throws Exception {
		String json = mvc.perform(post("/api/v1/cases").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	long reportInGrid1(String description) throws Exception {
		return report("grid1", "{\"categoryCode\":\"E0101\",\"description\":\"" + description
				+ "\",\"jurisdictionCode\":\"" + GRID1 + "\",\"address\":\"金桥路 1 号\"}");
	}

	ResultActions act(String user, long id, String action, String body) throws Exception {
		return mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(as(user))
				.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void theWholeLoopWithReworkIsRecordedInTheHistory() throws Exception {
		long id = reportInGrid1("路边垃圾堆放");
		mvc.perform(get("/api/v1/cases/" + id).with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REPORTED")).andExpect(jsonPath("$.number").value(matchesPattern("\\d{14}")))
				.andExpect(jsonPath("$.source").value("GRID_WORKER"));
		act("center", id, "file", "{\"note\":\"符合立案条件\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("FILED"));
		mvc.perform(get("/api/v1/cases/" + id + "/route").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.leadUnit.id").value((int) CITY_MANAGEMENT));
		act("center", id, "dispatch", "{}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("DISPATCHED"))
				.andExpect(jsonPath("$.leadUnitId").value((int) CITY_MANAGEMENT))
				.andExpect(jsonPath("$.deadlineAt").isNotEmpty()).andExpect(jsonPath("$.timeLimitMinutes").value(240));
		act("dept1", id, "accept", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
		act("dept1", id, "feedback", "{\"note\":\"已清运\"}").andExpect(jsonPath("$.status").value("HANDLED"));
		act("center", id, "verify", "{\"passed\":false,\"note\":\"仍有残留\"}")
				.andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.reworkCount").value(1));
		act("dept1", id, "feedback", "{\"note\":\"已全部清理\"}").andExpect(jsonPath("$.status").value("HANDLED"));
		act("grid1", id, "verify", "{\"passed\":true}").andExpect(jsonPath("$.status").value("VERIFIED"));
		act("center", id, "close", "{}").andExpect(jsonPath("$.status").value("CLOSED"))
				.andExpect(jsonPath("$.closedOnTime").value(true));
		act("grid1", id, "evaluate", "{\"satisfaction\":3}").andExpect(jsonPath("$.status").value("EVALUATED"))
				.andExpect(jsonPath("$.history", hasSize(10)))
				.andExpect(jsonPath("$.history[*].action", contains("report", "file", "dispatch", "accept", "feedback",
						"verify", "feedback", "verify", "close", "evaluate")))
				.andExpect(jsonPath("$.history[5].note", containsString("rework")))
				.andExpect(jsonPath("$.history[3].actor").value("dept1"));
	}

	@Test
	void impossibleStepsAreRefusedWithAClearMessage() throws Exception {
		long id = reportInGrid1("井盖缺失");
		act("center", id, "close", "{}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("CONFLICT"))
				.andExpect(jsonPath("$.message", containsString("已上报")))
				.andExpect(jsonPath("$.message", not(containsString("REPORTED"))));
		act("center", id, "reject", "{}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", containsString("reject")));
		act("center", id, "fly", "{}").andExpect(status().isNotFound());
		act("dept1", id, "accept", "{}").andExpect(status().isForbidden());
		act("grid1", id, "file", "{}").andExpect(status().isForbidden());
		act("center", id, "void", "{\"note\":\"重复上报\"}").andExpect(jsonPath("$.status").value("VOIDED"));
		act("center", id, "file", "{}").andExpect(status().isConflict());
		act("center", id, "file", "{}").andExpect(jsonPath("$.message", containsString("已作废")));
	}

	@Test
	void aStaleVersionIsToldToReload() throws Exception {
		long id = reportInGrid1("小广告");
		act("center", id, "file", "{\"version\":0}").andExpect(status().isOk());
		mvc.perform(post("/api/v1/cases/" + id + "/actions/urge").with(as("center")).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.message", containsString("Reload")));
	}

	@Test
	void twoHandlersAcceptingAtOnceExactlyOneSucceeds() throws Exception {
		long id = reportInGrid1("路面污染");
		act("center", id, "file", "{}").andExpect(status().isOk());
		act("center", id, "dispatch", "{\"unitId\":" + CITY_MANAGEMENT + "}").andExpect(status().isOk());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Callable<Integer> accept = () -> {
				start.await();
				return act("dept1", id, "accept", "{}").andReturn().getResponse().getStatus();
			};
			answers.add(pool.submit(accept));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = 'accept'").param(id)
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRetriedReportWithTheSameIdempotencyKeyIsOneCase() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = "{\"categoryCode\":\"C0201\",\"description\":\"路灯不亮\",\"jurisdictionCode\":\"" + GRID1 + "\"}";
		String first = mvc.perform(post("/api/v1/cases").with(as("grid1")).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		String second = mvc.perform(post("/api/v1/cases").with(as("grid1")).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		assertThat((Object) JsonPath.read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_idempotency WHERE idem_key = ?").param(key).query(Long.class)
				.single()).isEqualTo(1);
	}

	@Test
	void badReportsAreRefused() throws Exception {
		String[] bodies = { "{\"categoryCode\":\"E01\",\"description\":\"x\",\"jurisdictionCode\":\"" + GRID1 + "\"}",
				"{\"categoryCode\":\"E0101\",\"description\":\"\",\"jurisdictionCode\":\"" + GRID1 + "\"}",
				"{\"categoryCode\":\"E0101\",\"description\":\"x\",\"jurisdictionCode\":\"12345\"}",
				"{\"categoryCode\":\"E0101\",\"description\":\"x\",\"lat\":34.0}",
				"{\"categoryCode\":\"E0101\",\"description\":\"x\",\"lat\":10.0,\"lng\":10.0}" };
		for (String body : bodies) {
			mvc.perform(post("/api/v1/cases").with(as("center")).contentType(MediaType.APPLICATION_JSON).content(body))
					.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		}
		mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"x\",\"jurisdictionCode\":\"" + GRID2 + "\"}"))
				.andExpect(status().isForbidden());
		// the server sets the source from the channel and the role: a grid worker cannot file a "hotline" report
		mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"x\",\"jurisdictionCode\":\"" + GRID1
						+ "\",\"source\":\"HOTLINE\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		mvc.perform(post("/api/v1/cases").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"x\",\"jurisdictionCode\":\"" + GRID1 + "\"}"))
				.andExpect(status().isForbidden());
	}

	@Test
	void scopePerRole() throws Exception {
		long id = reportInGrid1("占道经营");
		mvc.perform(get("/api/v1/cases/" + id).with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/" + id).with(as("community1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/cases/" + id).with(as("leader"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/cases/" + id).with(as("dept1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/" + id).with(as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases?status=REPORTED&size=500").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[?(@.id == " + id + ")]").isEmpty());
		act("center", id, "file", "{}");
		act("center", id, "dispatch", "{\"unitId\":9}").andExpect(jsonPath("$.leadUnitId").value(9));
		mvc.perform(get("/api/v1/cases/" + id).with(as("dept1")))
				.andExpect(status().isForbidden());
		act("police1", id, "accept", "{}").andExpect(status().isOk());
		act("police1", id, "return", "{\"note\":\"不属于公安职责\"}").andExpect(jsonPath("$.status").value("FILED"));
		act("center", id, "dispatch", "{}").andExpect(jsonPath("$.leadUnitId").value((int) CITY_MANAGEMENT));
		mvc.perform(get("/api/v1/cases/" + id).with(as("dept1"))).andExpect(status().isOk());
		act("dept1", id, "return", "{\"note\":\"请重新派遣\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("FILED"));
		mvc.perform(get("/api/v1/cases/" + id).with(as("dept1"))).andExpect(status().isForbidden());
		act("center", id, "dispatch", "{}").andExpect(jsonPath("$.leadUnitId").value((int) CITY_MANAGEMENT));
		String list = mvc.perform(get("/api/v1/cases?size=500").with(as("dept1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		// dept1 sees the cases of its unit, as lead or assisting unit (the demo cases have both)
		List<Integer> ids = JsonPath.read(list, "$.content[*].id");
		assertThat(ids).isNotEmpty().allMatch(c -> jdbc.sql("SELECT COUNT(*) FROM case_unit WHERE case_id = ? AND unit_id = ?")
				.params(c, CITY_MANAGEMENT).query(Long.class).single() == 1);
		mvc.perform(get("/api/v1/cases?jurisdiction=" + GRID1 + "&category=E01&size=5").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.content[0].categoryCode").value(startsWith("E01")));
	}

	@Test
	void theListIsWalkedByCursorInTheSameOrderAsByPages() throws Exception {
		String marker = "翻页" + System.nanoTime() % 100_000;
		for (int i = 0; i < 8; i++) {
			reportInGrid1(marker + "第" + i + "件");
		}
		String filter = "/api/v1/cases?jurisdiction=" + GRID1 + "&q=" + marker;
		List<Integer> byPages = JsonPath.read(mvc.perform(get(filter + "&size=500").with(as("center")))
				.andReturn().getResponse().getContentAsString(), "$.content[*].id");
		assertThat(byPages).hasSize(8);
		List<Integer> byCursor = new java.util.ArrayList<>();
		String after = null;
		do {
			String page = mvc.perform(get(filter + "&size=3" + (after == null ? "" : "&after=" + after)).with(as("center")))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			byCursor.addAll(JsonPath.read(page, "$.content[*].id"));
			if (after != null) {
				assertThat(JsonPath.<Object>read(page, "$.page.number")).as("a cursor page has no number").isNull();
			}
			after = JsonPath.read(page, "$.next");
		}
		while (after != null && byCursor.size() <= byPages.size());
		// cases reported meanwhile (other tests' listeners) may appear in the walk: compare with the list after it
		List<Integer> afterWalk = JsonPath.read(mvc.perform(get(filter + "&size=500").with(as("center")))
				.andReturn().getResponse().getContentAsString(), "$.content[*].id");
		assertThat(byCursor).doesNotHaveDuplicates().containsAll(byPages);
		assertThat(byCursor).containsExactlyElementsOf(afterWalk.stream().filter(byCursor::contains).toList());
		mvc.perform(get(filter + "&after=not-a-cursor").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get(filter + "&after=1-1&page=2").with(as("center"))).andExpect(status().isBadRequest());
	}

	@Test
	void aPointIsLocatedInItsGridAndANearbyReportOfTheSameClassIsOfferedForMerging() throws Exception {
		String grid = JsonPath.read(mvc.perform(get("/api/v1/grids/locate?lat=33.712&lng=119.052").with(as("center")))
				.andReturn().getResponse().getContentAsString(), "$.code");
		String at = "\"lat\":33.712,\"lng\":119.052";
		String near = "\"lat\":33.7125,\"lng\":119.0522"; // about 60 m away
		long first = report("center", "{\"categoryCode\":\"S0501\",\"description\":\"楼道堆物\"," + at + "}");
		long second = report("center", "{\"categoryCode\":\"S0501\",\"description\":\"楼道堆放杂物\"," + near + "}");
		long otherClass = report("center", "{\"categoryCode\":\"S0502\",\"description\":\"墙体开裂\"," + near + "}");
		mvc.perform(get("/api/v1/cases/" + first).with(as("center"))).andExpect(jsonPath("$.jurisdictionCode").value(grid));
		mvc.perform(get("/api/v1/cases/" + second).with(as("center")))
				.andExpect(jsonPath("$.possibleDuplicates[*].id", hasItem((int) first)))
				.andExpect(jsonPath("$.possibleDuplicates[0].distanceMeters", lessThanOrEqualTo(100)));
		mvc.perform(get("/api/v1/cases/" + otherClass).with(as("center")))
				.andExpect(jsonPath("$.possibleDuplicates[*].id", not(hasItem((int) first))));
		act("center", second, "merge", "{\"intoCaseId\":" + first + "}").andExpect(jsonPath("$.status").value("MERGED"))
				.andExpect(jsonPath("$.mergedIntoId").value((int) first));
		mvc.perform(get("/api/v1/cases/" + first).with(as("center")))
				.andExpect(jsonPath("$.history[*].action", hasItem("merged-in")));
	}

	@Test
	void extensionRequestStopsTheClockUntilApproved() throws Exception {
		long id = reportInGrid1("垃圾满溢");
		act("center", id, "file", "{}");
		String dispatched = act("center", id, "dispatch", "{}").andReturn().getResponse().getContentAsString();
		act("dept1", id, "accept", "{}");
		act("dept1", id, "extend", "{\"hours\":8}").andExpect(status().isBadRequest());
		act("dept1", id, "extend", "{\"hours\":8,\"note\":\"需要调用车辆\"}").andExpect(jsonPath("$.paused").value(true))
				.andExpect(jsonPath("$.pendingRequest").value("EXTENSION"));
		act("dept1", id, "approve-extension", "{\"approved\":true}").andExpect(status().isForbidden());
		String approved = act("center", id, "approve-extension", "{\"approved\":true}")
				.andExpect(jsonPath("$.paused").value(false)).andExpect(jsonPath("$.extensionCount").value(1))
				.andExpect(jsonPath("$.timeLimitMinutes").value(240 + 480)).andReturn().getResponse()
				.getContentAsString();
		assertThat(java.time.OffsetDateTime.parse((String) JsonPath.read(approved, "$.deadlineAt")))
				.isAfter(java.time.OffsetDateTime.parse((String) JsonPath.read(dispatched, "$.deadlineAt")));
	}

	@Test
	void aReportWithOnlyAnAddressIsPlacedOnItsGridWhenFiled() throws Exception {
		long id = report("center", "{\"categoryCode\":\"S0402\",\"description\":\"停水三天\",\"jurisdictionCode\":\""
				+ DISTRICT + "\",\"address\":\"金桥路 8 号\"}");
		mvc.perform(get("/api/v1/cases/" + id).with(as("grid1"))).andExpect(status().isForbidden());
		act("center", id, "file", "{\"jurisdictionCode\":\"99\"}").andExpect(status().isBadRequest());
		act("center", id, "file", "{\"jurisdictionCode\":\"" + GRID1 + "\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("FILED")).andExpect(jsonPath("$.jurisdictionCode").value(GRID1));
		mvc.perform(get("/api/v1/cases/" + id).with(as("grid1"))).andExpect(status().isOk());
	}
}
