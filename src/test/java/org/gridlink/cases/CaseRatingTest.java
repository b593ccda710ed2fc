package org.gridlink.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The reporter's one-time rating link: works once without login, an unknown token opens nothing, "not satisfied"
 * reopens the case for the center's review (duty desk queue, only the center verifies it) and counts in the unit's
 * KPIs; and what the notifier reads about the reporter.
 */
@WebTest
class CaseRatingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseManagement cases;

	@Autowired
	DutyRoster duty;

	@Autowired
	Organization organization;

	@Autowired
	Accounts accounts;

	long unit;
	String handler;

	@BeforeEach
	void unitOfItsOwn() {
		String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
		unit = organization.createUnit("RT" + suffix, "评价测试单位" + suffix, "DEPARTMENT");
		handler = "rate" + suffix;
		accounts.create(new NewAccount(handler, "评价测试员", "Rate#Test2026", Set.of(Role.DEPT), Set.of(DISTRICT), unit));
	}

	void step(String who, long id, String action, String body) throws Exception {
		CaseRequests.step(mvc, who, id, action, body, "en").andExpect(status().isOk());
	}

	/** A case grid1 reported, taken through the loop to CLOSED by the center and the test unit. */
	long closed(String what) throws Exception {
		long id = CaseRequests.reportInGrid1(mvc, what);
		step("center", id, "file", "{}");
		step("center", id, "dispatch", "{\"unitId\":" + unit + "}");
		step(handler, id, "accept", "{}");
		step(handler, id, "feedback", "{\"note\":\"已清运完毕\"}");
		step("center", id, "verify", "{\"passed\":true}");
		step("center", id, "close", "{\"note\":\"已结案，感谢监督\"}");
		return id;
	}

	String token(long id) {
		String path = cases.newRatingLink(id);
		assertThat(path).matches("/rate/[A-Za-z0-9_-]{43}");
		return path.substring("/rate/".length());
	}

	String number(long id) {
		return jdbc.sql("SELECT number FROM case_file WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void theLinkShowsThePublicAnswerAndRatesOnce() throws Exception {
		long id = closed("垃圾满溢" + UUID.randomUUID());
		String token = token(id);
		mvc.perform(get("/rate/" + token).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
				.andExpect(content().string(containsString(number(id))))
				.andExpect(content().string(containsString("已清运完毕")))
				.andExpect(content().string(containsString("已结案，感谢监督")))
				.andExpect(content().string(containsString("基本满意")))
				.andExpect(content().string(containsString("id=\"rate-form\"")))
				// what the public may not read: the description and who reported
				.andExpect(content().string(not(containsString("垃圾满溢"))))
				.andExpect(content().string(not(containsString("id=\"gl-menu\""))));
		mvc.perform(get("/rate/" + token).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Basically satisfied")));

		mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "3").param("comment", "很及时"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/rate/" + token + "?done=true"));
		assertThat(jdbc.sql("SELECT status || ':' || satisfaction FROM case_file WHERE id = ?").param(id)
				.query(String.class).single()).isEqualTo("EVALUATED:3");
		mvc.perform(get("/rate/" + token).param("done", "true").param("lang", "en"))
				.andExpect(content().string(containsString("id=\"rate-done\"")));

		// the second use: already rated, nothing changes
		mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "1").param("lang", "en"))
				.andExpect(status().isConflict()).andExpect(content().string(containsString("id=\"rate-used\"")))
				.andExpect(content().string(containsString("already rated")));
		mvc.perform(get("/rate/" + token)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"rate-used\"")))
				.andExpect(content().string(not(containsString("id=\"rate-form\""))));
		assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("EVALUATED");

		// the rating shows in the case history in words, by the reporter
		mvc.perform(get("/cases/" + id).with(as("center")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("rated \u201cSatisfied\u201d")))
				.andExpect(content().string(containsString("很及时")));
	}

	@Test
	void unknownOrMalformedTokensAnswer404WithoutDetails() throws Exception {
		long id = closed("不存在的链接" + UUID.randomUUID());
		String unknown = "A".repeat(43);
		for (String token : List.of(unknown, "abc", String.valueOf(id), number(id), "A".repeat(44))) {
			mvc.perform(get("/rate/" + token)).andExpect(status().isNotFound())
					.andExpect(content().string(not(containsString(number(id)))));
			mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "1"))
					.andExpect(status().isNotFound());
		}
		assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("CLOSED");
	}

	@Test
	void badInputIsRefusedAndTheLinkStaysUsable() throws Exception {
		long id = closed("评价输入" + UUID.randomUUID());
		String token = token(id);
		for (String bad : List.of("0", "4", "x", "")) {
			mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", bad).param("lang", "en"))
					.andExpect(status().isBadRequest())
					.andExpect(content().string(containsString("id=\"rate-error\"")));
		}
		mvc.perform(post("/rate/" + token).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "2").param("comment", "长".repeat(501)))
				.andExpect(status().isBadRequest());
		// without the CSRF token of the page's form: refused
		mvc.perform(post("/rate/" + token).param("satisfaction", "2")).andExpect(status().isForbidden());
		// (the reporter's own closing message may hold a second link of the case: this one is looked up by its hash)
		assertThat(jdbc.sql("SELECT used_at IS NULL FROM case_rating_link WHERE token_hash = ?")
				.param(org.gridlink.platform.Hashes.sha256Hex(token)).query(Boolean.class).single()).isTrue();
		mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "2"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT status || ':' || satisfaction FROM case_file WHERE id = ?").param(id)
				.query(String.class).single()).isEqualTo("EVALUATED:2");
	}

	@Test
	void notSatisfiedReopensForTheCentersReviewAndCountsForTheUnit() throws Exception {
		long id = closed("不满意" + UUID.randomUUID());
		String kpis = "/api/v1/cases/kpis?from=" + LocalDate.now().minusDays(1) + "&to="
				+ LocalDate.now().plusDays(60) + "&unit=" + unit;
		mvc.perform(get(kpis).with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.units[0].closed").value(1)).andExpect(jsonPath("$.units[0].dissatisfied").value(0));

		String token = token(id);
		mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "1").param("comment", "没有清理干净"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/rate/" + token).param("done", "true").param("lang", "en"))
				.andExpect(content().string(containsString("the center will review")));
		record Row(String status, int satisfaction, int dissatisfied, boolean review, boolean closed) {
		}
		Row row = jdbc.sql("SELECT status, satisfaction, dissatisfied_count, under_review, closed_at IS NOT NULL"
				+ " FROM case_file WHERE id = ?").param(id)
				.query((rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
						rs.getBoolean(5))).single();
		assertThat(row).isEqualTo(new Row("HANDLED", 1, 1, true, false));

		// in the center's duty desk queue, and the case page says so
		CurrentUser center = new CurrentUser(0, "center", "Center", Set.of(Role.CENTER), Scope.of(List.of(DISTRICT)), null);
		assertThat(duty.queue(center, 500).review()).extracting(CaseLine::id).contains(id);
		mvc.perform(get("/cases/duty").with(as("center")).param("lang", "en"))
				.andExpect(content().string(containsString("Not satisfied, to review")));
		mvc.perform(get("/").with(as("center")).param("lang", "en"))
				.andExpect(content().string(containsString("Not satisfied: cases to review")));
		mvc.perform(get("/cases/" + id).with(as("center")).param("lang", "en"))
				.andExpect(content().string(containsString("id=\"case-under-review\"")))
				.andExpect(content().string(containsString("Not satisfied: back to the center for review")))
				.andExpect(content().string(containsString("没有清理干净")));

		// counted for the unit: not satisfied 1 of 1 rated, and no longer closed
		mvc.perform(get(kpis).with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.units[0].dissatisfied").value(1))
				.andExpect(jsonPath("$.units[0].dissatisfiedRate").value(1.0))
				.andExpect(jsonPath("$.units[0].closed").value(0));
		String list = mvc.perform(get("/api/v1/cases/kpis/cases").param("metric", "dissatisfied")
				.param("from", LocalDate.now().minusDays(1).toString()).param("to", LocalDate.now().plusDays(60).toString())
				.param("unit", String.valueOf(unit)).with(as("center"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(list, "$.content[*].id")).containsExactly((int) id);

		// the review is the center's: the grid worker may not verify it, the center may
		CaseRequests.step(mvc, "grid1", id, "verify", "{\"passed\":true}", "en").andExpect(status().isForbidden());
		step("center", id, "verify", "{\"passed\":false,\"note\":\"复核：返工\"}");
		assertThat(jdbc.sql("SELECT status || ':' || under_review FROM case_file WHERE id = ?").param(id)
				.query(String.class).single()).isIn("ACCEPTED:false", "ACCEPTED:FALSE");
		assertThat(duty.queue(center, 500).review()).extracting(CaseLine::id).doesNotContain(id);
	}

	@Test
	void aLinkToACaseThatIsNotClosedCannotRate() throws Exception {
		long id = CaseRequests.reportInGrid1(mvc, "未结案" + UUID.randomUUID());
		String token = token(id);
		mvc.perform(get("/rate/" + token).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"rate-closed\"")))
				.andExpect(content().string(not(containsString("id=\"rate-form\""))));
		mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "1")).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("REPORTED");
	}

	@Test
	void theNotifierReadsTheReporterAndAnUnknownCaseHasNone() throws Exception {
		long staff = CaseRequests.reportInGrid1(mvc, "联系方式" + UUID.randomUUID());
		assertThat(cases.reporterContact(staff)).hasValueSatisfying(c -> {
			assertThat(c.caseNumber()).isEqualTo(number(staff));
			assertThat(c.staffUsername()).isEqualTo("grid1");
			assertThat(c.phone()).isNull();
		});
		long resident = cases.reportAs("public", new NewCase("E0101", "路灯不亮", GRID1, null, null, "", CaseSource.RESIDENT,
				"139 0000 1111"), null);
		assertThat(cases.reporterContact(resident)).hasValueSatisfying(c -> {
			assertThat(c.phone()).isEqualTo("13900001111");
			assertThat(c.staffUsername()).isNull();
		});
		long email = cases.reportAs("public", new NewCase("E0101", "路灯不亮", GRID1, null, null, "", CaseSource.RESIDENT,
				"someone@example.org"), null);
		assertThat(cases.reporterContact(email)).hasValueSatisfying(c -> assertThat(c.phone()).isNull());
		assertThat(cases.reporterContact(-5)).isEmpty();
		assertThatThrownBy(() -> cases.newRatingLink(-5)).isInstanceOf(NotFoundException.class);
	}
}
