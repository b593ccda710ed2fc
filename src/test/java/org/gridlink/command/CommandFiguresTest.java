package org.gridlink.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.DISTRICT;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.GRID2;
import static org.gridlink.support.Demo.STREET1;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gridlink.cases.ActionInput;
import org.gridlink.cases.CaseAction;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.CaseView;
import org.gridlink.cases.NewCase;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Scope;
import org.gridlink.platform.security.AccountPrincipal;
import org.gridlink.quarantine.Contacts;
import org.gridlink.quarantine.ExposureType;
import org.gridlink.quarantine.IdKind;
import org.gridlink.quarantine.NewContact;
import org.gridlink.quarantine.NewOrder;
import org.gridlink.quarantine.OrderType;
import org.gridlink.quarantine.OrderView;
import org.gridlink.quarantine.QuarantineOrders;
import org.gridlink.quarantine.RiskLevel;
import org.gridlink.quarantine.SourceKind;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The read model follows the modules' events: after a scripted day (reports, a dispatch run overdue, a closure, a
 * quarantine order and a release) every figure equals a direct count of the modules' tables, at district, street,
 * community and grid; the API keeps a street to its subtree; the live feed reaches only clients in scope.
 */
/**
 * Compares every figure with a direct count over the whole district, so it runs on a database of its own: the shared
 * one carries what the other test classes (and the second instance some of them start) are still doing to cases.
 */
@WebTest
@org.springframework.test.context.TestPropertySource(properties = "spring.datasource.url=${gridlink.test.command-figures-url}")
class CommandFiguresTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseManagement cases;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	QuarantineOrders orders;

	@Autowired
	Contacts contacts;

	@Autowired
	CommandCenter center;

	@Autowired
	Rebuild rebuild;

	@Autowired
	LiveFeed feed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void afterAScriptedDayEveryFigureEqualsADirectCountPerLevel() {
		// events of earlier tests still on their way to the read model would land after the rebuild (a case closed,
		// then reopened without an event, counted closed again): let them arrive first
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
				+ " WHERE listener_id LIKE 'command.%' AND completion_date IS NULL").query(Long.class).single() == 0);
		rebuild.rebuild();
		CurrentUser centerUser = user("center");
		CurrentUser community = user("community1");
		// reports in two streets
		long a = cases.report(centerUser, report(GRID1, "指挥：一"), null).id();
		long b = cases.report(centerUser, report(GRID1, "指挥：二"), null).id();
		cases.report(centerUser, report(GRID2, "指挥：三"), null);
		// one dispatched and run past its deadline, one closed
		cases.act(centerUser, a, CaseAction.FILE, ActionInput.empty());
		cases.act(centerUser, a, CaseAction.DISPATCH, ActionInput.empty());
		CaseView dispatched = cases.get(centerUser, a);
		sweep(dispatched.deadlineAt().plusMinutes(1));
		close(b);
		// a quarantine order in grid 1, and the release of another
		var event = contacts.recordEvent(community, "指挥聚餐" + TestIds.next(), "金桥路 8 号", today().minusDays(2),
				COMMUNITY1);
		var contact = contacts.record(community, new NewContact(SourceKind.EVENT, null, event.id(), null, "钱指挥",
				IdKind.ID, TestIds.next(), null, GRID1, null, today().minusDays(2), ExposureType.MEAL, RiskLevel.HIGH,
				null, null));
		OrderView ordered = orders.order(community, new NewOrder(contact.personId(), OrderType.HOME, null, null, today()));
		var other = contacts.record(community, new NewContact(SourceKind.EVENT, null, event.id(), null, "孙指挥",
				IdKind.ID, TestIds.next(), null, GRID1, null, today().minusDays(2), ExposureType.MEAL, RiskLevel.HIGH,
				null, null));
		OrderView second = orders.order(community, new NewOrder(other.personId(), OrderType.HOME, null, null, today()));
		orders.release(community, second.id(), "提前解除：核酸阴性", second.version());
		assertThat(ordered.id()).isPositive();

		for (String code : List.of(DISTRICT, STREET1, COMMUNITY1, GRID1)) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Figures f = center.figures(centerUser, code, null).figures();
				String prefix = org.gridlink.shared.JurisdictionCode.of(code).prefix() + "%";
				assertThat(f.casesReported()).as(code + " reported").isEqualTo(count(
						"SELECT COUNT(*) FROM case_file WHERE jurisdiction_code LIKE ? AND reported_at >= ? AND reported_at < ?",
						prefix, start(), start().plusDays(1)));
				assertThat(f.casesClosed()).as(code + " closed").isEqualTo(count(
						"SELECT COUNT(*) FROM case_file WHERE jurisdiction_code LIKE ? AND closed_at >= ? AND closed_at < ?",
						prefix, start(), start().plusDays(1)));
				assertThat(f.casesOpen()).as(code + " open").isEqualTo(count("SELECT COUNT(*) FROM case_file WHERE "
						+ "jurisdiction_code LIKE ? AND status NOT IN ('CLOSED','EVALUATED','REJECTED','VOIDED','MERGED')",
						prefix));
				assertThat(f.casesOverdue()).as(code + " overdue").isEqualTo(count("SELECT COUNT(*) FROM case_file WHERE "
						+ "jurisdiction_code LIKE ? AND overdue AND status NOT IN ('CLOSED','EVALUATED','REJECTED','VOIDED','MERGED')",
						prefix));
				long onTime = count("SELECT COUNT(*) FROM case_file WHERE jurisdiction_code LIKE ? AND closed_at >= ? "
						+ "AND closed_at < ? AND closed_on_time", prefix, start(), start().plusDays(1));
				if (f.casesClosed() > 0) {
					assertThat(f.onTimeRate()).as(code + " on time")
							.isEqualTo(Math.round(1000.0 * onTime / f.casesClosed()) / 10.0);
				}
				assertThat(f.inQuarantine()).as(code + " in quarantine").isEqualTo(count("""
						SELECT COUNT(*) FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id
						WHERE o.status = 'ACTIVE' AND p.grid_code LIKE ?""", prefix));
			});
		}
		Figures grid = center.figures(centerUser, GRID1, null).figures();
		assertThat(grid.casesReported()).as("the script's two reports in grid 1 at least").isGreaterThanOrEqualTo(2);
		assertThat(grid.casesOverdue()).isPositive();
		assertThat(grid.inQuarantine()).isPositive();

		// a rebuild from the modules' facts gives the same figures
		Figures before = center.figures(centerUser, STREET1, null).figures();
		rebuild.rebuild();
		Figures after = center.figures(centerUser, STREET1, null).figures();
		assertThat(after.casesOpen()).isEqualTo(before.casesOpen());
		assertThat(after.casesOverdue()).isEqualTo(before.casesOverdue());
		assertThat(after.casesReported()).isEqualTo(before.casesReported());
		assertThat(after.casesClosed()).isEqualTo(before.casesClosed());
		assertThat(after.inQuarantine()).isEqualTo(before.inQuarantine());
	}

	@Autowired
	org.gridlink.screening.Screening screening;

	@Autowired
	org.gridlink.quarantine.QuarantineSites sites;

	@Autowired
	org.gridlink.quarantine.CheckIns checkIns;

	@Autowired
	org.gridlink.passes.Passes passes;

	@Autowired
	org.gridlink.passes.Checkpoints checkpoints;

	@Autowired
	org.gridlink.passes.ScanLog scanLog;

	@Test
	void screeningBedsPassesScansAndAlertsFollowTheirModulesEventsAndEqualDirectCounts() {
		rebuild.rebuild();
		CurrentUser centerUser = user("center");
		CurrentUser community = user("community1");
		// a running campaign in community 1 with one household recorded
		long campaign = screening.create(community, new org.gridlink.screening.NewCampaign("指挥排查" + TestIds.next(),
				COMMUNITY1, today(), today().plusDays(3), org.gridlink.screening.Questionnaire.standard())).id();
		screening.start(community, campaign);
		await().atMost(Duration.ofSeconds(30)).until(() -> screening.get(community, campaign).status()
				== org.gridlink.screening.CampaignStatus.RUNNING);
		CurrentUser gridWorker = user("grid1");
		var household = screening.households(gridWorker, campaign, GRID1).get(0);
		screening.submit(gridWorker, campaign, List.of(new org.gridlink.screening.RecordInput(
				java.util.UUID.randomUUID().toString(), household.householdId(), "ALL_NORMAL", null, null, null)));
		// a site of two beds, one taken by a centralized order
		var site = sites.addRoom(centerUser, sites.create(centerUser, "指挥隔离点" + TestIds.next(), "滨江大道 2 号", STREET1)
				.id(), "101", 1, 2);
		var event = contacts.recordEvent(community, "指挥隔离" + TestIds.next(), "金桥路 9 号", today().minusDays(2),
				COMMUNITY1);
		var admitted = contacts.record(community, new NewContact(SourceKind.EVENT, null, event.id(), null, "周指挥",
				IdKind.ID, TestIds.next(), null, GRID1, null, today().minusDays(2), ExposureType.MEAL, RiskLevel.HIGH,
				null, null));
		orders.order(community, new NewOrder(admitted.personId(), OrderType.CENTRALIZED, site.id(), null, null));
		// a fever on a grid worker's visit: an alert (and its case)
		var home = contacts.record(community, new NewContact(SourceKind.EVENT, null, event.id(), null, "吴指挥",
				IdKind.ID, TestIds.next(), null, GRID1, null, today().minusDays(2), ExposureType.MEAL, RiskLevel.HIGH,
				null, null));
		OrderView homeOrder = orders.order(community, new NewOrder(home.personId(), OrderType.HOME, null, null, today()));
		checkIns.visit(gridWorker, homeOrder.id(), new org.gridlink.quarantine.VisitInput("SEEN", "38.6", null, "发热"));
		// two passes in grid 1, one revoked; three scans at a checkpoint in grid 1
		OffsetDateTime now = OffsetDateTime.now();
		var pass = new org.gridlink.passes.NewPass(org.gridlink.passes.PassType.PERSON, "钱七", null, "上班", List.of(GRID1),
				now.minusMinutes(1), now.plusDays(1));
		passes.issue(community, pass);
		passes.revoke(community, passes.issue(community, pass).id(), "测试");
		var checkpoint = checkpoints.create(community, new org.gridlink.passes.NewCheckpoint("指挥卡口" + TestIds.next(),
				org.gridlink.passes.CheckpointKind.ROAD, GRID1, null, true));
		java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		List<org.gridlink.passes.ScanLog.Scan> scans = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			scans.add(new org.gridlink.passes.ScanLog.Scan(java.util.UUID.randomUUID(), at.minusSeconds(10 + i),
					org.gridlink.passes.ScanLog.Direction.IN, org.gridlink.passes.VerifyResult.VALID,
					org.gridlink.passes.VerifyReason.OK, org.gridlink.passes.PassType.PERSON, "王*明", "0123456789abcdef",
					"DEVICE"));
		}
		scanLog.upload(community, checkpoint.id(), scans, at);

		for (String code : List.of(DISTRICT, STREET1, COMMUNITY1, GRID1)) {
			String prefix = org.gridlink.shared.JurisdictionCode.of(code).prefix() + "%";
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Figures f = center.figures(centerUser, code, null).figures();
				assertThat(f.screened()).as(code + " screened").isEqualTo(count("""
						SELECT COALESCE(SUM(t.screened_households), 0) FROM screening_task t
						JOIN screening_campaign c ON c.id = t.campaign_id WHERE c.status = 'RUNNING' AND t.grid_code LIKE ?""",
						prefix));
				assertThat(f.screeningTotal()).as(code + " screening total").isEqualTo(count("""
						SELECT COALESCE(SUM(t.households), 0) FROM screening_task t
						JOIN screening_campaign c ON c.id = t.campaign_id WHERE c.status = 'RUNNING' AND t.grid_code LIKE ?""",
						prefix));
				assertThat(f.bedsFree()).as(code + " beds free").isEqualTo(count("""
						SELECT COALESCE(SUM((SELECT COUNT(*) FROM quarantine_bed b WHERE b.site_id = s.id AND b.in_service)
						  - (SELECT COUNT(*) FROM quarantine_order o WHERE o.site_id = s.id AND o.occupied_bed_id IS NOT NULL)), 0)
						FROM quarantine_site s WHERE s.jurisdiction_code LIKE ?""", prefix));
				assertThat(f.passesValid()).as(code + " passes valid").isEqualTo(count("""
						SELECT COUNT(*) FROM pass p WHERE p.revoked_at IS NULL AND p.valid_from <= ? AND p.valid_to > ?
						AND (SELECT MIN(zone_code) FROM pass_zone z WHERE z.pass_id = p.id) LIKE ?""",
						OffsetDateTime.now(), OffsetDateTime.now(), prefix));
				assertThat(f.scansToday()).as(code + " scans today").isEqualTo(count("""
						SELECT COUNT(*) FROM checkpoint_scan s JOIN checkpoint c ON c.id = s.checkpoint_id
						WHERE c.jurisdiction_code LIKE ? AND s.scan_day = ?""", prefix, today()));
				assertThat(f.alertsOpen()).as(code + " alerts open").isEqualTo(count("""
						SELECT COUNT(*) FROM quarantine_alert a WHERE a.grid_code LIKE ? AND (a.case_id IS NULL OR
						(SELECT status FROM case_file k WHERE k.id = a.case_id)
						NOT IN ('CLOSED','EVALUATED','REJECTED','VOIDED','MERGED'))""", prefix));
			});
		}
		Figures grid = center.figures(centerUser, GRID1, null).figures();
		assertThat(grid.screened()).isPositive();
		assertThat(grid.screeningTotal()).isGreaterThan(grid.screened() - 1);
		assertThat(grid.passesValid()).isPositive();
		assertThat(grid.scansToday()).isGreaterThanOrEqualTo(3);
		assertThat(grid.alertsOpen()).isPositive();
		assertThat(center.figures(centerUser, STREET1, null).figures().bedsFree()).isPositive();

		// a rebuild gives the same figures; closing the campaign takes its households out of the progress
		Figures before = center.figures(centerUser, STREET1, null).figures();
		rebuild.rebuild();
		Figures after = center.figures(centerUser, STREET1, null).figures();
		assertThat(List.of(after.screened(), after.screeningTotal(), after.bedsFree(), after.passesValid(),
				after.scansToday(), after.alertsOpen())).isEqualTo(List.of(before.screened(), before.screeningTotal(),
						before.bedsFree(), before.passesValid(), before.scansToday(), before.alertsOpen()));
		long total = before.screeningTotal();
		screening.close(community, campaign);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				center.figures(centerUser, STREET1, null).figures().screeningTotal()).isLessThan(total));
	}

	@Test
	void theApiAnswersInTheIssuesShapeAndKeepsAStreetToItsSubtree() throws Exception {
		mvc.perform(get("/api/v1/command/figures").param("jurisdiction", DISTRICT).with(as("leader")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.jurisdiction").value(DISTRICT))
				.andExpect(jsonPath("$.asOf").exists()).andExpect(jsonPath("$.figures.casesOpen").isNumber())
				.andExpect(jsonPath("$.figures.onTimeRate").hasJsonPath())
				.andExpect(jsonPath("$.children[*].code", hasItem(STREET1)))
				.andExpect(jsonPath("$.children[0].figures.casesReported").isNumber());
		mvc.perform(get("/api/v1/command/figures").with(as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.jurisdiction").value(STREET1))
				.andExpect(jsonPath("$.children[*].code", hasItem(COMMUNITY1)));
		mvc.perform(get("/api/v1/command/figures").param("jurisdiction", GRID1).with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.children").isEmpty());
		mvc.perform(get("/api/v1/command/figures").param("jurisdiction", DISTRICT).with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/command/figures").param("jurisdiction", GRID2).with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/command/figures").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/command/trend").param("jurisdiction", STREET1).with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.days.length()").value(30));
		mvc.perform(get("/api/v1/command/events/recent").with(as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/command/events").with(as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/command/events").with(as("grid1"))).andExpect(status().isForbidden());
	}

	/**
	 * The running totals of the stocks equal the sums of their day changes (after the listeners and after a rebuild),
	 * and a past day's stock and the trend's days equal the sum of the changes up to that day.
	 */
	@Test
	void runningTotalsEqualTheSumsOfTheDayChangesAndPastDaysAndTheTrendFollowThem() {
		rebuild.rebuild();
		CurrentUser centerUser = user("center");
		long open = cases.report(centerUser, report(GRID2, "指挥：累计一"), null).id();
		long id = cases.report(centerUser, report(GRID2, "指挥：累计二"), null).id();
		await().atMost(Duration.ofSeconds(20)).until(() -> count(
				"SELECT COUNT(*) FROM command_item WHERE kind = 'CASE' AND item_id IN (?, ?)", open, id) == 2);
		close(id);
		await().atMost(Duration.ofSeconds(20)).until(() -> count(
				"SELECT COUNT(*) FROM command_item WHERE kind = 'CASE' AND item_id = ? AND ended", id) == 1);
		await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM event_publication"
				+ " WHERE listener_id LIKE 'command.%' AND completion_date IS NULL") == 0);
		totalsEqualSums();
		rebuild.rebuild();
		totalsEqualSums();
		CommandCenter.Trend trend = center.trend(centerUser, DISTRICT, today());
		for (int back = 0; back < 3; back++) {
			LocalDate day = today().minusDays(back);
			Figures f = center.figures(centerUser, DISTRICT, day).figures();
			long openCases = count("SELECT COALESCE(SUM(amount), 0) FROM command_count WHERE code = ? "
					+ "AND measure = 'OPEN' AND on_day <= ?", DISTRICT, day);
			long quarantined = count("SELECT COALESCE(SUM(amount), 0) FROM command_count WHERE code = ? "
					+ "AND measure = 'QUARANTINED' AND on_day <= ?", DISTRICT, day);
			assertThat(f.casesOpen()).as("open on " + day).isEqualTo(openCases);
			assertThat(f.inQuarantine()).as("in quarantine on " + day).isEqualTo(quarantined);
			assertThat(trend.open().get(CommandCenter.TREND_DAYS - 1 - back)).as("trend open on " + day)
					.isEqualTo(openCases);
			assertThat(trend.inQuarantine().get(CommandCenter.TREND_DAYS - 1 - back)).isEqualTo(quarantined);
			assertThat(trend.reported().get(CommandCenter.TREND_DAYS - 1 - back)).isEqualTo(f.casesReported());
		}
		assertThat(center.figures(centerUser, DISTRICT, null).figures().casesOpen()).isPositive();
	}

	private void totalsEqualSums() {
		List<String> sums = jdbc.sql("""
				SELECT code || ':' || measure || '=' || SUM(amount) FROM command_count
				WHERE measure IN ('OPEN', 'OVERDUE', 'QUARANTINED', 'ALERTS_OPEN', 'SCREENED', 'SCREENING_TOTAL',
				  'BEDS_FREE', 'PASSES_VALID')
				GROUP BY code, measure HAVING SUM(amount) <> 0 ORDER BY 1""").query(String.class).list();
		List<String> totals = jdbc.sql("SELECT code || ':' || measure || '=' || amount FROM command_total "
				+ "WHERE amount <> 0 ORDER BY 1").query(String.class).list();
		assertThat(totals).isNotEmpty().isEqualTo(sums);
	}

	@Test
	void theLiveFeedReachesOnlyTheClientsWhoseScopeCoversThePlace() {
		List<LiveFeed.Line> street1 = new CopyOnWriteArrayList<>();
		List<LiveFeed.Line> street2 = new CopyOnWriteArrayList<>();
		LiveFeed.Client one = new LiveFeed.Client(Scope.of(Set.of(STREET1)), street1::add, () -> {
		});
		LiveFeed.Client two = new LiveFeed.Client(Scope.of(Set.of("320819002000")), street2::add, () -> {
		});
		feed.register(one);
		feed.register(two);
		try {
			long id = cases.report(user("center"), report(GRID1, "指挥：直播"), null).id();
			await().atMost(Duration.ofSeconds(20)).until(() -> street1.stream()
					.anyMatch(l -> l.kind().equals("CASE_REPORTED") && l.ref().equals(String.valueOf(id))));
			assertThat(street2).noneMatch(l -> l.ref().equals(String.valueOf(id)));
			assertThat(new ArrayList<>(street1)).allMatch(l -> l.code().startsWith("320819001"));
		}
		finally {
			feed.unregister(one);
			feed.unregister(two);
		}
	}

	private void close(long id) {
		CurrentUser c = user("center");
		cases.act(c, id, CaseAction.FILE, ActionInput.empty());
		cases.act(c, id, CaseAction.DISPATCH, ActionInput.empty());
		CurrentUser dept = user("dept1");
		cases.act(dept, id, CaseAction.ACCEPT, ActionInput.empty());
		cases.act(dept, id, CaseAction.FEEDBACK, ActionInput.note("已处置"));
		cases.act(c, id, CaseAction.VERIFY, new ActionInput(null, null, null, true, null, null, null, null, null, null, null));
		cases.act(c, id, CaseAction.CLOSE, ActionInput.empty());
	}

	/** The SLA watcher's sweep at a moment (the watcher is internal to cases: reached by reflection in this test). */
	private void sweep(OffsetDateTime at) {
		try {
			Object watcher = context.getBean(Class.forName("org.gridlink.cases.SlaWatcher"));
			var method = org.springframework.aop.support.AopUtils.getTargetClass(watcher).getDeclaredMethod("sweep", OffsetDateTime.class);
			method.setAccessible(true);
			method.invoke(watcher, at);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	private static OffsetDateTime start() {
		return today().atStartOfDay(ZONE).toOffsetDateTime();
	}

	private static NewCase report(String grid, String description) {
		return new NewCase("E0101", description, grid, null, null, null, CaseSource.HOTLINE, "13800001111");
	}

	private CurrentUser user(String name) {
		return ((AccountPrincipal) users.loadUserByUsername(name)).toCurrentUser();
	}
}
