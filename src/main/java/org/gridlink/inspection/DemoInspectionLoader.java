package org.gridlink.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gridlink.cases.ActionInput;
import org.gridlink.cases.CaseAction;
import org.gridlink.cases.CaseManagement;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.DemoLoading;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo supervision: a library of 8 check items, 3 groups drawn from 45 units (inspector1 a member of the first),
 * each covering a third of the 87 urban communities and 15 units; 15 past rounds, two weeks apart, visiting every
 * community with the whole checklist (results in bulk, one transaction); about {@code gridlink.demo.inspection.hand-offs}
 * (800) failed items handed off. Each hand-off's case is opened through the cases facade
 * ({@link CaseManagement#handOff}) and taken as far as its state: with the unit, accepted, fixed and waiting for the
 * group, sent back once, rectified (verified and closed), or a community's waiting for dispatch; the older rounds'
 * open hand-offs are overdue. A stop in the middle continues at the next start with the hand-offs that have no case
 * yet. The cases are opened on a background thread after the start (the readiness check says loading until they
 * are all there; {@code gridlink.demo.inspection.background=false} opens them during the start, as the tests do).
 * Demo mode only; fixed seed.
 */
@DemoData
@Order(45)
class DemoInspectionLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoInspectionLoader.class);
	private static final long SEED = 16016L;
	private static final int ROUNDS = 15;
	private static final String[][] ITEMS = { { "小区卡口登记到位，进出人员扫码测温", "S0601", "3" },
			{ "居家隔离户每日上门走访并有记录", "S0601", "3" }, { "防控通告、告知书张贴到位", "S0603", "1" },
			{ "重点人员台账完整、及时更新", "S0602", "2" }, { "值守人员在岗在位", "S0604", "2" },
			{ "网格员每日巡查记录完整", "S0602", "1" }, { "消毒记录齐全", "S0601", "1" },
			{ "单位值班值守制度落实", "S0604", "2" } };
	private static final String[] FIXES = { "立即整改，补齐登记并落实专人值守", "补齐台账，建立每日更新机制", "重新张贴并指定专人维护",
			"落实24小时值守，排班表上墙" };
	private static final String[] GROUP_NAMES = { "第一督导组", "第二督导组", "第三督导组" };
	private static final String[] LEADERS = { "王建国", "李志华", "张卫东" };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final CaseManagement cases;
	private final Inspections inspections;
	private final Clock clock;
	private final int handOffs;
	private final boolean background;
	private final DemoLoading loading;

	DemoInspectionLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			Organization organization, CaseManagement cases, Inspections inspections, Clock clock,
			@Value("${gridlink.demo.inspection.hand-offs:800}") int handOffs,
			@Value("${gridlink.demo.inspection.background:true}") boolean background, DemoLoading loading) {
		this.background = background;
		this.loading = loading;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.cases = cases;
		this.inspections = inspections;
		this.clock = clock;
		this.handOffs = handOffs;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (handOffs <= 0) {
			return;
		}
		long started = System.nanoTime();
		Long groups = jdbc.queryForObject("SELECT COUNT(*) FROM inspection_group", Long.class);
		if (groups != null && groups == 0) {
			transactions.executeWithoutResult(tx -> load());
		}
		long loaded = System.nanoTime();
		LOG.info("Demo supervision: tables loaded in {} ms", (loaded - started) / 1_000_000);
		if (!background) {
			casesLogged();
			return;
		}
		// the cases go one by one through the cases facade (it has no bulk intake): after the start, while the
		// readiness check and the login page say the demo is still loading
		loading.start("inspection");
		Thread thread = new Thread(() -> {
			try {
				casesLogged();
			}
			catch (RuntimeException ex) {
				LOG.warn("Demo supervision: opening the hand-off cases stopped; the next start continues", ex);
			}
			finally {
				loading.finish("inspection");
			}
		}, "demo-inspection-cases");
		thread.setDaemon(true);
		thread.start();
	}

	private void casesLogged() {
		long started = System.nanoTime();
		int opened = openCases();
		LOG.info("Demo supervision: {} hand-off cases opened in {} ms", opened, (System.nanoTime() - started) / 1_000_000);
	}

	private void load() {
		Random random = new Random(SEED);
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<String> communities = jurisdictions.residentialGrids().stream().filter(g -> !g.village())
				.map(g -> g.code().substring(0, 12)).distinct().sorted().toList();
		List<UnitView> units = organization.allUnits().stream().filter(u -> !"COMMAND_CENTER".equals(u.kind()))
				.sorted((a, b) -> Long.compare(a.id(), b.id())).limit(45).toList();
		if (communities.isEmpty() || units.size() < 3) {
			return;
		}
		String district = communities.get(0).substring(0, 6);
		List<Object[]> items = new ArrayList<>();
		for (int i = 0; i < ITEMS.length; i++) {
			items.add(new Object[] { (long) i + 1, district, ITEMS[i][0], ITEMS[i][1], Integer.parseInt(ITEMS[i][2]),
					i == 7 ? "UNIT" : "COMMUNITY,UNIT", i + 1 });
		}
		jdbc.batchUpdate("INSERT INTO inspection_check_item (id, district_code, text, category, weight, target_kinds,"
				+ " sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)", items);
		List<Object[]> members = new ArrayList<>();
		List<Object[]> covered = new ArrayList<>();
		List<Object[]> coveredUnits = new ArrayList<>();
		for (int g = 0; g < 3; g++) {
			jdbc.update("INSERT INTO inspection_group (id, district_code, name, leader_name, leader_unit_id,"
					+ " created_at) VALUES (?, ?, ?, ?, ?, ?)", (long) g + 1, district, GROUP_NAMES[g], LEADERS[g],
					units.get(g * 15).id(), now.minusDays(ROUNDS * 14 + 7));
		}
		for (int u = 0; u < units.size(); u++) {
			long group = u / 15 + 1;
			String username = u == 1 ? "inspector1" : null;
			members.add(new Object[] { group, units.get(u).id(), username != null ? "吴涛" : "督导员" + (u + 1),
					username });
			coveredUnits.add(new Object[] { (long) (u % 3) + 1, units.get(u).id() });
		}
		for (int c = 0; c < communities.size(); c++) {
			covered.add(new Object[] { (long) (c % 3) + 1, communities.get(c) });
		}
		jdbc.batchUpdate("INSERT INTO inspection_group_member (group_id, unit_id, name, username) VALUES (?, ?, ?, ?)",
				members);
		jdbc.batchUpdate("INSERT INTO inspection_group_community (group_id, community_code) VALUES (?, ?)", covered);
		jdbc.batchUpdate("INSERT INTO inspection_group_unit (group_id, unit_id) VALUES (?, ?)", coveredUnits);
		// failures per round so that about handOffs of the results fail
		int resultsPerRound = communities.size() * 7;
		double failRate = Math.min(0.5, handOffs / (double) (ROUNDS * resultsPerRound));
		List<Object[]> roundItems = new ArrayList<>();
		List<Object[]> targets = new ArrayList<>();
		List<Object[]> results = new ArrayList<>();
		List<Object[]> failures = new ArrayList<>();
		long resultId = 1;
		for (int r = 1; r <= ROUNDS; r++) {
			LocalDate starts = today.minusDays((ROUNDS - r + 1) * 14L);
			OffsetDateTime at = starts.atTime(10, 0).atZone(zone).toOffsetDateTime();
			jdbc.update("INSERT INTO inspection_round (id, district_code, number, title, starts_on, ends_on,"
					+ " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'center', ?)", (long) r, district, r,
					"第" + r + "轮疫情防控督查", starts, starts.plusDays(4), at.minusDays(3));
			for (int i = 0; i < 7; i++) {
				roundItems.add(new Object[] { (long) r, (long) i + 1, i });
			}
			for (int c = 0; c < communities.size(); c++) {
				String code = communities.get(c);
				targets.add(new Object[] { (long) r, code, (long) (c % 3) + 1, "COMMUNITY", code, null });
				for (int i = 0; i < 7; i++) {
					boolean fail = random.nextDouble() < failRate;
					String result = fail ? "FAIL" : random.nextInt(20) == 0 ? "NA" : "PASS";
					OffsetDateTime when = at.plusDays(c % 4).plusMinutes(i * 3L + c);
					results.add(new Object[] { resultId, (long) r, code, (long) i + 1, result,
							fail ? "现场检查发现未落实" : "", "demo-" + r + "-" + code + "-" + i, "inspector1", when });
					if (fail) {
						failures.add(new Object[] { resultId, (long) r, code, (long) i + 1, units.get(
								random.nextInt(units.size())).id(), when, random.nextInt(10) == 0 });
					}
					resultId++;
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO inspection_round_item (round_id, check_item_id, sort_order) VALUES (?, ?, ?)",
				roundItems);
		jdbc.batchUpdate("INSERT INTO inspection_target (round_id, target_code, group_id, kind, community_code,"
				+ " unit_id) VALUES (?, ?, ?, ?, ?, ?)", targets);
		jdbc.batchUpdate("INSERT INTO inspection_result (id, round_id, target_code, check_item_id, result, note,"
				+ " client_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", results);
		List<Object[]> rows = new ArrayList<>();
		for (Object[] f : failures) {
			OffsetDateTime when = (OffsetDateTime) f[5];
			boolean community = (boolean) f[6];
			int item = (int) (long) f[3];
			rows.add(new Object[] { f[0], f[1], district, f[2], f[2], f[3], community ? null : f[4],
					community ? f[2] : null, ITEMS[item - 1][0] + "：现场检查发现未落实", FIXES[item % FIXES.length],
					when.toLocalDate().plusDays(7), when });
		}
		jdbc.batchUpdate("INSERT INTO inspection_hand_off (result_id, round_id, district_code, target_code,"
				+ " community_code, check_item_id, unit_id, jurisdiction_code, problem, fix, deadline, state,"
				+ " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)", rows);
		for (String table : List.of("inspection_check_item", "inspection_group", "inspection_round",
				"inspection_result")) {
			Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
			jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
		}
	}

	/** What a demo hand-off's case goes through, by its round's age (older rounds are mostly rectified). */
	enum Fate {
		WITH_UNIT, ACCEPTED, FIXED, SENT_BACK, RECTIFIED
	}

	static Fate fate(int round, long id) {
		int roll = (int) ((id * 7919) % 100);
		if (round <= 10) {
			return roll < 88 ? Fate.RECTIFIED : roll < 95 ? Fate.ACCEPTED : Fate.WITH_UNIT;
		}
		if (round <= 13) {
			return roll < 50 ? Fate.RECTIFIED : roll < 65 ? Fate.FIXED : roll < 75 ? Fate.SENT_BACK
					: roll < 90 ? Fate.ACCEPTED : Fate.WITH_UNIT;
		}
		return roll < 20 ? Fate.RECTIFIED : roll < 45 ? Fate.FIXED : roll < 55 ? Fate.SENT_BACK
				: roll < 80 ? Fate.ACCEPTED : Fate.WITH_UNIT;
	}

	/** Opens the case of every hand-off without one and takes it as far as its fate; returns how many. */
	private int openCases() {
		record Pending(long id, int round, @org.jspecify.annotations.Nullable Long unit, OffsetDateTime created) {
		}
		List<Pending> pending = jdbc.query("SELECT h.id, r.number, h.unit_id, h.created_at FROM inspection_hand_off h"
				+ " JOIN inspection_round r ON r.id = h.round_id WHERE h.case_id IS NULL AND h.state = 'OPEN'"
				+ " AND h.result_id IN (SELECT id FROM inspection_result WHERE client_id LIKE 'demo-%') ORDER BY h.id",
				(rs, i) -> new Pending(rs.getLong(1), rs.getInt(2), rs.getObject(3, Long.class),
						rs.getObject(4, OffsetDateTime.class)));
		Random random = new Random(SEED + 1);
		for (Pending p : pending) {
			long caseId = inspections.openCase("inspector1", p.id());
			Fate fate = fate(p.round(), p.id());
			if (p.unit() == null || fate == Fate.WITH_UNIT) {
				continue;
			}
			CurrentUser unit = new CurrentUser(0, "demo-unit-" + p.unit(), "demo", Set.of(Role.DEPT), Scope.none(),
					p.unit());
			cases.act(unit, caseId, CaseAction.ACCEPT, ActionInput.empty());
			if (fate == Fate.ACCEPTED) {
				continue;
			}
			cases.act(unit, caseId, CaseAction.FEEDBACK, ActionInput.note("已按要求整改"));
			if (fate == Fate.FIXED) {
				continue;
			}
			if (fate == Fate.SENT_BACK) {
				cases.verifyHandOff("inspector1", caseId, false, "整改不到位，请重新整改");
				jdbc.update("UPDATE inspection_hand_off SET returned = returned + 1 WHERE id = ?", p.id());
				continue;
			}
			cases.verifyHandOff("inspector1", caseId, true, "复核通过");
			jdbc.update("UPDATE inspection_hand_off SET state = 'RECTIFIED', rectified_at = ?, verified_by ="
					+ " 'inspector1' WHERE id = ?", p.created().plusHours(12 + random.nextInt(24 * 9)), p.id());
		}
		return pending.size();
	}
}
