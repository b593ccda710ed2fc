package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.quarantine.web.CheckInLimit;
import org.gridlink.support.SignIn;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.quarantine.CheckInFixtures.ZONE;
import static org.gridlink.quarantine.CheckInFixtures.today;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The board's figures equal direct counts, its lists match them, and every page and API keeps to the user's scope. */
@WebTest
class CheckInBoardAndScopeTest {

	/** A grid of community 1 (金桥社区) next to grid 1. */
	static final String GRID1_2 = "320819001001002";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonitoringBoard board;

	@Autowired
	CheckInLimit limit;

	@Autowired
	UserDetailsService users;

	@Autowired
	CheckInLinks links;

	@Autowired
	CheckIns checkIns;

	CheckInFixtures fixtures;

	@Test
	void theCheckInsNameWhoRecordedThem() throws Exception {
		long order = fixtures.homeOrder(GRID1_2);
		CurrentUser community = signIn("community1");
		String token = links.issue(community, order).token();
		checkIns.selfReport(token, new CheckInInput("36.6", java.util.List.of(), ""));
		String html = mvc.perform(get("/quarantine/orders/" + order + "/monitoring").with(as("community1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String list = html.substring(html.indexOf("id=\"checkins-list\""));
		assertThat(list).contains("· 本人自报").doesNotContain("· self");
	}

	@BeforeEach
	void setUp() {
		fixtures = new CheckInFixtures(jdbc);
		limit.reset();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	CurrentUser signIn(String username) {
		return SignIn.as(users, username);
	}

	/** Direct counts over the orders of a code prefix, figure by figure, in plain Java over plain rows. */
	long[] direct(String prefix) {
		LocalDate today = today();
		OffsetDateTime dayStart = today.atStartOfDay(ZONE).toOffsetDateTime();
		long[] c = new long[4];
		List<Object[]> orders = jdbc.sql("""
				SELECT o.id, o.type, o.status, o.start_date, o.released_at FROM quarantine_order o
				JOIN quarantine_person p ON p.id = o.person_id WHERE p.grid_code LIKE ?""").param(prefix + "%")
				.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class) })
				.list();
		for (Object[] o : orders) {
			if (!"HOME".equals(o[1])) {
				continue;
			}
			long id = (Long) o[0];
			boolean active = "ACTIVE".equals(o[2]) && !((LocalDate) o[3]).isAfter(today);
			if (active) {
				c[0]++;
				boolean checkedIn = jdbc.sql("SELECT counted FROM quarantine_checkin WHERE order_id = ? AND checkin_date = ?")
						.params(id, today).query(Boolean.class).list().contains(true);
				if (!checkedIn) {
					c[1]++;
				}
			}
			if (fixtures.alerts(id, "MISSED") > 0 && jdbc.sql(
					"SELECT COUNT(*) FROM quarantine_alert WHERE order_id = ? AND kind = 'MISSED' AND alert_date = ?")
					.params(id, today).query(Long.class).single() > 0) {
				c[2]++;
			}
			OffsetDateTime released = (OffsetDateTime) o[4];
			if ("RELEASED".equals(o[2]) && released != null && !released.isBefore(dayStart)
					&& released.isBefore(dayStart.plusDays(1))) {
				c[3]++;
			}
		}
		return c;
	}

	static long[] of(MonitoringBoard.Counts counts) {
		return new long[] { counts.inQuarantine(), counts.dueToday(), counts.missed(), counts.released() };
	}

	void seed() throws Exception {
		long checkedIn = fixtures.homeOrder(GRID1_2);
		String json = mvc.perform(post("/api/v1/quarantine/orders/" + checkedIn + "/checkin-link").with(as("community1")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String url = JsonPath.read(json, "$.url");
		mvc.perform(post("/api/v1/checkin/" + url.substring(url.lastIndexOf('/') + 1))
				.contentType(MediaType.APPLICATION_JSON).content("{\"temperature\":\"36.4\"}"))
				.andExpect(status().isCreated());
		fixtures.homeOrder(GRID1_2);
		fixtures.homeOrder(GRID1_2, today().plusDays(1), today().plusDays(14), OffsetDateTime.now(ZONE));
		long released = fixtures.homeOrder(GRID1_2);
		fixtures.release(released, OffsetDateTime.now(ZONE));
		long missed = fixtures.homeOrder(GRID1_2);
		jdbc.sql("""
				INSERT INTO quarantine_alert (district_code, order_id, grid_code, alert_date, kind, reason, raised_at)
				VALUES ('320819', ?, ?, ?, 'MISSED', 'MISSED', ?)""")
				.params(missed, GRID1_2, today(), OffsetDateTime.now(ZONE)).update();
		fixtures.order(GRID1_2, "CENTRALIZED", today().minusDays(1), today().plusDays(7), OffsetDateTime.now(ZONE));
	}

	@Test
	void boardFiguresEqualDirectCountsAtEveryLevelAndTheListsHoldThem() throws Exception {
		seed();
		CurrentUser community = signIn("community1");
		MonitoringBoard.Board ofCommunity = board.board(community, COMMUNITY1);
		MonitoringBoard.Row row = ofCommunity.rows().stream().filter(r -> r.code().equals(GRID1_2)).findFirst()
				.orElseThrow();
		long[] grid = direct(GRID1_2);
		assertThat(of(row.counts())).containsExactly(grid);
		assertThat(grid[0]).isGreaterThanOrEqualTo(3);
		assertThat(grid[1]).isGreaterThanOrEqualTo(2);
		assertThat(grid[2]).isGreaterThanOrEqualTo(1);
		assertThat(grid[3]).isGreaterThanOrEqualTo(1);
		assertThat(of(ofCommunity.total())).containsExactly(direct(COMMUNITY1));
		assertThat(of(board.board(community, GRID1_2).total())).containsExactly(grid);

		MonitoringBoard.Board ofDistrict = board.board(signIn("center"), DISTRICT);
		assertThat(of(ofDistrict.total())).containsExactly(direct("320819"));
		long[] sum = new long[4];
		for (MonitoringBoard.Row r : ofDistrict.rows()) {
			long[] c = of(r.counts());
			for (int i = 0; i < 4; i++) {
				sum[i] += c[i];
			}
		}
		assertThat(sum).containsExactly(of(ofDistrict.total()));
		assertThat(of(board.board(signIn("street1"), STREET1).total())).containsExactly(direct("320819001"));

		for (MonitoringBoard.Figure figure : MonitoringBoard.Figure.values()) {
			var lines = board.list(community, GRID1_2, figure, PageRequest.of(0, 500));
			assertThat(lines.getTotalElements()).as(figure.name()).isEqualTo(grid[figure.ordinal()]);
			assertThat(lines.getContent()).extracting(MonitoringBoard.Line::gridCode).containsOnly(GRID1_2);
		}
	}

	@Test
	void pagesRenderTheBoardListsAlertsAndOrderInBothLanguages() throws Exception {
		seed();
		mvc.perform(get("/quarantine/monitoring").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("今日待打卡"))).andExpect(content().string(containsString("城东街道")));
		mvc.perform(get("/quarantine/monitoring?code=" + COMMUNITY1 + "&lang=en").with(as("community1")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Due today")))
				.andExpect(content().string(containsString("data-code=\"" + GRID1_2 + "\"")));
		mvc.perform(get("/quarantine/monitoring/people?figure=DUE_TODAY&code=" + GRID1_2).with(as("community1")))
				.andExpect(status().isOk()).andExpect(content().string(containsString(CheckInFixtures.MASKED_NAME)))
				.andExpect(content().string(not(containsString(CheckInFixtures.FULL_NAME))));
		mvc.perform(get("/quarantine/alerts?day=").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("未按时打卡")));
		mvc.perform(get("/quarantine/monitoring/people?figure=NOPE").with(as("center")))
				.andExpect(status().isBadRequest());
		long order = fixtures.homeOrder(GRID1_2);
		mvc.perform(get("/quarantine/orders/" + order + "/monitoring").with(as("community1")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("生成打卡链接")))
				.andExpect(content().string(containsString("登记走访")));
		mvc.perform(post("/quarantine/orders/" + order + "/monitoring/link").with(as("community1")).with(csrf()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("/q/")))
				.andExpect(content().string(containsString("<svg")));
		mvc.perform(get("/quarantine/orders/" + order + "/monitoring").with(as("community1")))
				.andExpect(content().string(containsString("重新生成链接")));
		mvc.perform(post("/quarantine/orders/" + order + "/monitoring/visits").with(as("community1")).with(csrf())
				.param("result", "SEEN").param("temperature", "50"))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写 34.0 至 43.0")));
	}

	@Test
	void everyReadAndWriteKeepsToTheUsersScope() throws Exception {
		long order = fixtures.homeOrder(GRID1);
		String base = "/api/v1/quarantine/orders/" + order;
		// a grid worker of another grid, a department handler
		for (String outsider : List.of("grid2", "dept1")) {
			mvc.perform(get(base + "/monitoring").with(as(outsider))).andExpect(status().isForbidden());
			mvc.perform(post(base + "/visits").with(as(outsider)).contentType(MediaType.APPLICATION_JSON)
					.content("{\"result\":\"SEEN\",\"temperature\":\"36.5\"}")).andExpect(status().isForbidden());
			mvc.perform(post(base + "/checkin-link").with(as(outsider))).andExpect(status().isForbidden());
			mvc.perform(get("/quarantine/orders/" + order + "/monitoring").with(as(outsider)))
					.andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/quarantine/monitoring/board?code=" + COMMUNITY1).with(as(outsider)))
					.andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/quarantine/monitoring/people?figure=IN_QUARANTINE&code=" + GRID1)
					.with(as(outsider))).andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin WHERE order_id = ?").param(order)
				.query(Long.class).single()).isZero();
		// the leader reads but neither visits nor issues links; grid1 and community staff do both
		mvc.perform(get(base + "/monitoring").with(as("leader"))).andExpect(status().isOk());
		mvc.perform(post(base + "/checkin-link").with(as("leader"))).andExpect(status().isForbidden());
		mvc.perform(post(base + "/visits").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"result\":\"SEEN\",\"temperature\":\"36.5\"}")).andExpect(status().isCreated());
		mvc.perform(get(base + "/monitoring").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.checkIns", hasSize(1)));

		// lists and boards: grid2's own scope holds nothing of grid 1
		long alerted = fixtures.homeOrder(GRID1);
		jdbc.sql("""
				INSERT INTO quarantine_alert (district_code, order_id, grid_code, alert_date, kind, reason, raised_at)
				VALUES ('320819', ?, ?, ?, 'MISSED', 'MISSED', ?)""")
				.params(alerted, GRID1, today(), OffsetDateTime.now(ZONE)).update();
		List<Integer> seenByGrid2 = new ArrayList<>(JsonPath.read(mvc.perform(get("/api/v1/quarantine/alerts?size=500")
				.with(as("grid2"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				"$.content[*].orderId"));
		assertThat(seenByGrid2).doesNotContain((int) alerted);
		mvc.perform(get("/api/v1/quarantine/alerts?size=500").with(as("grid1")))
				.andExpect(jsonPath("$.content[*].orderId", hasItem((int) alerted)));
		mvc.perform(get("/api/v1/quarantine/monitoring/board").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.code").value(GRID2));
		mvc.perform(get("/quarantine/monitoring")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/quarantine/alerts")).andExpect(status().isUnauthorized());
	}
}
