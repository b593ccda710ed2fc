package org.gridlink.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gridlink.cases.CaseWork;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeChart;
import org.gridlink.quarantine.MonitoringBoard;
import org.gridlink.support.Demo;
import org.gridlink.support.SignIn;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home pages' trends: the last 14 days, counted over exactly the cases and check-ins of the user's scope, drawn
 * on the homes of the roles that watch an area and not on the grid worker's task page.
 */
@WebTest
class HomeTrendsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseWork work;

	@Autowired
	MonitoringBoard board;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	CurrentUser as(String username) {
		return SignIn.as(users, username);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theCaseTrendCountsTheCasesOfTheUsersScopePerDistrictDay() {
		CaseWork.Trend district = work.trend(as("center"), 14);
		CaseWork.Trend community = work.trend(as("community1"), 14);
		LocalDate today = LocalDate.now(clock);
		assertThat(district.days()).hasSize(14).startsWith(today.minusDays(13)).endsWith(today);
		assertThat(district.reported()).hasSize(14);
		assertThat(sum(district.reported())).as("the demo has cases in the last two weeks").isPositive();
		// written out independently: every case reported since the district's midnight 13 days ago
		ZoneId zone = clock.getZone();
		long inCommunity = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE jurisdiction_code LIKE ? AND reported_at >= ?")
			.param(Demo.COMMUNITY1 + "%").param(today.minusDays(13).atStartOfDay(zone).toOffsetDateTime())
			.query(Long.class).single();
		assertThat(sum(community.reported())).isEqualTo(inCommunity).isLessThan(sum(district.reported()));
		long closedInCommunity = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE jurisdiction_code LIKE ? AND closed_at >= ?")
			.param(Demo.COMMUNITY1 + "%").param(today.minusDays(13).atStartOfDay(zone).toOffsetDateTime())
			.query(Long.class).single();
		assertThat(sum(community.closed())).isEqualTo(closedInCommunity);
		assertThat(sum(work.trend(as("auditor"), 14).reported())).as("the auditor reads no cases").isZero();
	}

	@Test
	void theCheckInTrendStaysInScopeAndIsRefusedToOthers() {
		MonitoringBoard.Trend trend = board.trend(as("street1"), 14);
		assertThat(trend.days()).hasSize(14);
		assertThat(trend.checkIns()).hasSize(14).allMatch(n -> n >= 0);
		assertThatThrownBy(() -> board.trend(as("dept1"), 14)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void areaHomesDrawTrendsAndTheGridWorkersTaskPageDoesNot() throws Exception {
		String center = page("center");
		assertThat(center).contains("id=\"home-charts\"", "近 14 天案件", "data-chart=", "/js/home-charts.js");
		assertThat(page("dept1")).contains("近 14 天案件").doesNotContain("近 14 天居家隔离打卡");
		assertThat(page("grid1")).doesNotContain("home-charts", "echarts");
		assertThat(page("auditor")).doesNotContain("home-charts");
	}

	@Test
	void aChartHasAValuePerDay() {
		assertThatThrownBy(() -> new HomeChart("t", "/", List.of(LocalDate.of(2026, 1, 1)),
				List.of(new HomeChart.Series("s", HomeChart.Tone.OPEN, List.of(1L, 2L)))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private String page(String user) throws Exception {
		return mvc.perform(get("/").with(Demo.as(user))).andReturn().getResponse().getContentAsString();
	}

	private static long sum(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).sum();
	}
}
