package org.gridlink.cases;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The residents' public page with its status page and rate limit, and the case settings pages per role. */
@WebTest
class CasePublicAndSettingsPagesTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Each test reports from its own client address so the per-address limit of one never touches another. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String freshAddress() {
		return "10.9.0." + ADDRESSES.getAndIncrement();
	}

	MockHttpServletRequestBuilder publicReport(String address, String description) {
		return post("/report").with(csrf()).with(from(address)).param("categoryCode", "E0101")
				.param("description", description).param("address", "翠柳路 8 号门口")
				.param("key", UUID.randomUUID().toString());
	}

	@Test
	void aResidentReportsWithoutLoginAndFollowsThePublicStatus() throws Exception {
		mvc.perform(get("/report")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"public-report-form\"")))
				.andExpect(content().string(containsString("name=\"_csrf\"")))
				.andExpect(content().string(not(containsString("id=\"gl-menu\""))));
		String typed = "路灯坏了" + UUID.randomUUID().toString().substring(0, 6);
		String location = mvc.perform(publicReport(freshAddress(), typed).param("phone", "13900001111"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/report/*"))
				.andReturn().getResponse().getRedirectedUrl();
		String link = location.substring("/report/".length(), location.indexOf('?'));
		assertThat(link).as("an unguessable link, not the case number").matches("[A-Za-z0-9_-]{43}");
		String number = jdbc.sql("SELECT number FROM case_file WHERE description = ?").param(typed)
				.query(String.class).single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_public_link WHERE token_hash = ?")
				.param(org.gridlink.platform.Hashes.sha256Hex(link)).query(Long.class).single())
				.as("stored only as its hash").isEqualTo(1);
		assertThat(jdbc.sql("SELECT source || ' ' || reporter || ' ' || jurisdiction_code FROM case_file WHERE number = ?")
				.param(number).query(String.class).single()).isEqualTo("RESIDENT public 320819000000");
		assertThat(jdbc.sql("SELECT reporter_contact FROM case_file WHERE number = ?").param(number)
				.query(String.class).single()).isNotBlank().doesNotContain("13900001111");
		mvc.perform(get(location)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"public-created\"")))
				.andExpect(content().string(containsString(number)))
				.andExpect(content().string(containsString("/report/" + link)))
				.andExpect(content().string(containsString("已上报")))
				// no personal data and nothing internal on the public page
				.andExpect(content().string(not(containsString(typed))))
				.andExpect(content().string(not(containsString("翠柳路"))))
				.andExpect(content().string(not(containsString("1111"))));
		// the center answers; the reason shows on the public page, who answered does not
		long id = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(number).query(Long.class).single();
		mvc.perform(post("/cases/" + id + "/actions/reject").with(as("center")).with(csrf()).param("note", "不属于城市管理范围，已转 12345"))
				.andExpect(status().is3xxRedirection());
		// the sequential number alone opens nothing; the link does
		mvc.perform(get("/report/" + number)).andExpect(status().isNotFound());
		mvc.perform(get("/report/" + link)).andExpect(status().isOk())
				.andExpect(content().string(containsString("不予立案")))
				.andExpect(content().string(containsString("不属于城市管理范围")))
				.andExpect(content().string(not(containsString(">center"))));
		// staff reports and unknown numbers have no public page
		String staffNumber = jdbc.sql("SELECT number FROM case_file WHERE source <> 'RESIDENT' AND source <> 'OPEN311' ORDER BY id DESC LIMIT 1")
				.query(String.class).optional().orElse("20260101999999");
		mvc.perform(get("/report/" + staffNumber)).andExpect(status().isNotFound());
		mvc.perform(get("/report/abc")).andExpect(status().isNotFound());
		mvc.perform(get("/report/" + "A".repeat(43))).andExpect(status().isNotFound());
		// the staff pages stay closed
		mvc.perform(get("/cases")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void badPublicReportsKeepWhatWasTyped() throws Exception {
		String typed = "垃圾" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/report").with(csrf()).with(from(freshAddress())).param("categoryCode", "E0101")
				.param("description", typed).param("phone", "call me"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"address-error\"")))
				.andExpect(content().string(containsString("id=\"phone-error\"")))
				.andExpect(content().string(containsString(typed)))
				.andExpect(content().string(containsString("call me")));
		mvc.perform(post("/report").with(csrf()).with(from(freshAddress())).param("categoryCode", "E0101")
				.param("description", typed).param("lat", "10.0").param("lng", "10.0"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"location-error\"")))
				.andExpect(content().string(containsString("不在本区任何网格内")));
		mvc.perform(post("/report").with(csrf()).with(from(freshAddress())).param("categoryCode", "NOPE")
				.param("description", typed).param("address", "x"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"categoryCode-error\"")));
		// CSRF stays on for the open form
		mvc.perform(post("/report").with(from(freshAddress())).param("categoryCode", "E0101").param("description", typed)
				.param("address", "x")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(typed).query(Long.class)
				.single()).isZero();
	}

	@Test
	void aClientAddressMayReportFiveTimesInTenMinutes() throws Exception {
		String address = freshAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(publicReport(address, "限流测试 " + i)).andExpect(status().is3xxRedirection());
		}
		mvc.perform(publicReport(address, "限流测试 6")).andExpect(status().isTooManyRequests())
				.andExpect(content().string(containsString("提交过于频繁")))
				.andExpect(content().string(containsString("限流测试 6")));
		mvc.perform(publicReport(freshAddress(), "另一个地址")).andExpect(status().is3xxRedirection());
	}

	@Test
	void onlyTheAdminEditsCategories() throws Exception {
		mvc.perform(get("/cases/admin/categories").with(as("center"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/admin/categories").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(post("/cases/admin/categories").with(as("center")).with(csrf()).param("code", "E0199"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/cases/admin/categories").with(as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-major=\"E01\"")))
				.andExpect(content().string(containsString("data-code=\"E0101\"")));
		mvc.perform(get("/cases/admin/categories").param("edit", "E0101").with(as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("readonly")));
		mvc.perform(post("/cases/admin/categories").with(as("admin")).with(csrf()).param("code", "Q1")
				.param("nameZh", "坏编码").param("nameEn", "Bad"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"error-summary\"")))
				.andExpect(content().string(containsString("坏编码")));
		mvc.perform(post("/cases/admin/categories").with(as("admin")).with(csrf()).param("code", "E0198")
				.param("nameZh", "测试小类").param("nameEn", "Test class").param("timeLimit", "abc"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("处置时限")));
		mvc.perform(post("/cases/admin/categories").with(as("admin")).with(csrf()).param("code", "E0198")
				.param("nameZh", "测试小类").param("nameEn", "Test class").param("timeLimit", "6")
				.param("timeUnit", "WORK_HOURS").param("active", "true"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", containsString("E0198")));
		mvc.perform(get("/cases/admin/categories").with(as("admin")))
				.andExpect(content().string(containsString("data-code=\"E0198\"")));
		mvc.perform(get("/cases/report").with(as("grid1"))).andExpect(content().string(containsString("value=\"E0198\"")));
	}

	@Test
	void theCenterKeepsRoutingRulesAndTheCalendar() throws Exception {
		mvc.perform(get("/cases/admin/routing").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/admin/calendar").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/admin/routing").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("区城市管理局")))
				.andExpect(content().string(not(containsString("/cases/admin/categories\""))));
		mvc.perform(post("/cases/admin/routing").with(as("center")).with(csrf()).param("categoryCode", "S0501")
				.param("jurisdiction", "99").param("leadUnitId", "999999"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("请选择主办单位")));
		mvc.perform(post("/cases/admin/routing").with(as("center")).with(csrf()).param("categoryCode", "S0501")
				.param("jurisdiction", "12345").param("leadUnitId", "10"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"error-summary\"")));
		// well-formed but unknown: the field's message, the form kept
		mvc.perform(post("/cases/admin/routing").with(as("center")).with(csrf()).param("categoryCode", "S0501")
				.param("jurisdiction", COMMUNITY1 + "999").param("leadUnitId", "10"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"jurisdiction-error\"")))
				.andExpect(content().string(containsString("value=\"" + COMMUNITY1 + "999\"")));
		mvc.perform(post("/cases/admin/routing").with(as("center")).with(csrf()).param("categoryCode", "S0501")
				.param("jurisdiction", COMMUNITY1).param("leadUnitId", "10").param("assistingUnitIds", "9")
				.param("suggestPolice", "true")).andExpect(status().is3xxRedirection());
		long rule = jdbc.sql("SELECT id FROM case_routing_rule WHERE category_code = 'S0501' AND jurisdiction_prefix = ?")
				.param(COMMUNITY1.substring(0, 12).replaceAll("0+$", "").length() > 0 ? prefixOf(COMMUNITY1) : COMMUNITY1)
				.query(Long.class).single();
		mvc.perform(get("/cases/admin/routing").with(as("admin"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-rule=\"" + rule + "\"")))
				.andExpect(content().string(containsString("区民政局")));
		mvc.perform(post("/cases/admin/routing/" + rule + "/delete").with(as("center")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_routing_rule WHERE id = ?").param(rule).query(Long.class)
				.single()).isZero();

		int nextYear = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
		boolean nextYearListed = jdbc.sql("SELECT COUNT(*) FROM working_calendar_day WHERE calendar_date BETWEEN ? AND ?")
				.params(LocalDate.of(nextYear, 1, 1), LocalDate.of(nextYear, 12, 31)).query(Long.class).single() > 0;
		mvc.perform(get("/cases/admin/calendar").param("year", "2026").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-day=\"2026-10-01\"")))
				.andExpect(content().string(nextYearListed ? not(containsString("id=\"next-year-missing\""))
						: containsString("id=\"next-year-missing\"")));
		mvc.perform(post("/cases/admin/calendar").with(as("center")).with(csrf()).param("day", "2099-13-01"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("请填写有效日期")));
		mvc.perform(post("/cases/admin/calendar").with(as("center")).with(csrf()).param("day", "2028-05-02")
				.param("working", "false").param("note", "x".repeat(51)))
				.andExpect(status().isOk()).andExpect(content().string(containsString("备注不超过 50 个字")));
		mvc.perform(post("/cases/admin/calendar").with(as("center")).with(csrf()).param("day", "2028-05-02")
				.param("working", "false").param("note", "劳动节"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/admin/calendar?year=2028"));
		mvc.perform(get("/cases/admin/calendar").param("year", "2028").with(as("center")))
				.andExpect(content().string(containsString("data-day=\"2028-05-02\"")));
		mvc.perform(post("/cases/admin/calendar/remove").with(as("center")).with(csrf()).param("day", "2028-05-02"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM working_calendar_day WHERE calendar_date = ?")
				.param(LocalDate.of(2028, 5, 2)).query(Long.class).single()).isZero();
	}

	private static String prefixOf(String code) {
		return org.gridlink.shared.JurisdictionCode.of(code).prefix();
	}

	@Test
	void theFormsKeyIsScopedToTheSession() throws Exception {
		String key = UUID.randomUUID().toString();
		// two browsers: each its own session cookie from the form
		jakarta.servlet.http.Cookie[] first = mvc.perform(get("/report")).andReturn().getResponse().getCookies();
		jakarta.servlet.http.Cookie[] second = mvc.perform(get("/report")).andReturn().getResponse().getCookies();
		assertThat(first).isNotEmpty();
		String description = "井盖缺失" + UUID.randomUUID().toString().substring(0, 6);
		java.util.function.Function<jakarta.servlet.http.Cookie[], MockHttpServletRequestBuilder> report = session -> post(
				"/report").with(csrf()).with(from(freshAddress())).cookie(session).param("categoryCode", "E0101")
				.param("description", description).param("address", "翠柳路 9 号").param("key", key);
		mvc.perform(report.apply(first)).andExpect(status().is3xxRedirection());
		mvc.perform(report.apply(first)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(description)
				.query(Long.class).single()).as("a retried post of one session is one case").isEqualTo(1);
		mvc.perform(report.apply(second)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(description)
				.query(Long.class).single()).as("another session with the same key makes its own case").isEqualTo(2);
	}
}
