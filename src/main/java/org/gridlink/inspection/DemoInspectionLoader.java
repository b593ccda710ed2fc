package org.gridlink.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.DemoHandOff;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.DemoData;
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
 * (800) failed items handed off. The hand-offs' cases are written in bulk through the cases facade
 * ({@link CaseManagement#demoHandOffs}, a few seconds) during the start, each taken as far as its state at times within
 * and after its round: with the unit, accepted, fixed and waiting for the group, sent back once, rectified (verified
 * and closed), or a community's waiting for dispatch; the older rounds' open hand-offs are overdue. Hand-offs left
 * without a case (a stop in the middle) get theirs at the next start. Demo mode only; fixed seed.
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

	DemoInspectionLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			Organization organization, CaseManagement cases, Inspections inspections, Clock clock,
			@Value("${gridlink.demo.inspection.hand-offs:800}") int handOffs) {
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
		// the hand-off cases in bulk through the cases facade, during the start (a few seconds)
		casesLogged();
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
		// failures per round so that about handOffs of the results fail; rectification within 7 days, the last round's
		// within 21 (so that some of its open hand-offs are still within their deadline, the older ones overdue)
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
					when.toLocalDate().plusDays((long) f[1] == ROUNDS ? 21 : 7), when });
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

	/**
	 * Writes the case of every demo hand-off without one in bulk ({@link CaseManagement#demoHandOffs}), taken as far as
	 * its fate at times within and after its round, and links them; returns how many.
	 */
	private int openCases() {
		record Pending(long id, int round, String item, String category, String community,
				@org.jspecify.annotations.Nullable Long unit, String problem, String fix, LocalDate deadline,
				OffsetDateTime created) {
		}
		List<Pending> pending = jdbc.query("SELECT h.id, r.number, c.text, c.category, h.community_code, h.unit_id,"
				+ " h.problem, h.fix, h.deadline, h.created_at FROM inspection_hand_off h JOIN inspection_round r ON"
				+ " r.id = h.round_id JOIN inspection_check_item c ON c.id = h.check_item_id WHERE h.case_id IS NULL"
				+ " AND h.state = 'OPEN' AND h.result_id IN (SELECT id FROM inspection_result WHERE client_id LIKE"
				+ " 'demo-%') ORDER BY h.id",
				(rs, i) -> new Pending(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
						rs.getObject(9, LocalDate.class), rs.getObject(10, OffsetDateTime.class)));
		if (pending.isEmpty()) {
			return 0;
		}
		Map<Long, String> units = inspections.unitNames();
		Map<String, String> names = inspections.placeNames(pending.stream().map(Pending::community).distinct()
				.toList());
		OffsetDateTime now = OffsetDateTime.now(clock);
		Random random = new Random(SEED + 1);
		List<DemoHandOff> handOffs = new ArrayList<>();
		List<OffsetDateTime> rectified = new ArrayList<>();
		for (Pending p : pending) {
			Fate fate = p.unit() == null ? Fate.WITH_UNIT : fate(p.round(), p.id());
			String responsible = p.unit() != null ? units.getOrDefault(p.unit(), "#" + p.unit())
					: names.getOrDefault(p.community(), p.community());
			// accepted within hours, fixed within days, verified within a day or two (all before now)
			OffsetDateTime accepted = cap(p.created().plusMinutes(30 + random.nextInt(8 * 60)), now);
			OffsetDateTime handled = cap(accepted.plusHours(12 + random.nextInt(24 * 6)), now);
			OffsetDateTime verified = cap(handled.plusHours(2 + random.nextInt(40)), now);
			handOffs.add(new DemoHandOff("inspector1", p.category(), Inspections.caseDescription(p.round(), p.item(),
					p.problem(), p.fix(), p.deadline(), responsible), p.community(), p.unit(),
					Inspections.caseKey(p.id()), p.created(), fate == Fate.WITH_UNIT ? null : accepted,
					fate == Fate.WITH_UNIT || fate == Fate.ACCEPTED ? null : handled,
					fate == Fate.SENT_BACK || fate == Fate.RECTIFIED ? verified : null, fate == Fate.RECTIFIED,
					"inspector1"));
			rectified.add(fate == Fate.RECTIFIED ? verified : null);
		}
		List<Long> caseIds = cases.demoHandOffs(handOffs);
		List<Object[]> links = new ArrayList<>();
		for (int i = 0; i < pending.size(); i++) {
			Pending p = pending.get(i);
			Fate fate = p.unit() == null ? Fate.WITH_UNIT : fate(p.round(), p.id());
			links.add(new Object[] { caseIds.get(i), fate == Fate.SENT_BACK ? 1 : 0, rectified.get(i) != null
					? "RECTIFIED" : "OPEN", rectified.get(i), rectified.get(i) != null ? "inspector1" : null, p.id() });
		}
		jdbc.batchUpdate("UPDATE inspection_hand_off SET case_id = ?, returned = returned + ?, state = ?,"
				+ " rectified_at = ?, verified_by = ? WHERE id = ? AND case_id IS NULL", links,
				new int[] { java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
						java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR, java.sql.Types.BIGINT });
		return pending.size();
	}

	private static OffsetDateTime cap(OffsetDateTime at, OffsetDateTime now) {
		return at.isAfter(now) ? now.minusMinutes(1) : at;
	}
}
