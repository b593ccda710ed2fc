package org.gridlink.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.DemoData;
import org.gridlink.residents.HouseholdFacts;
import org.gridlink.residents.HouseholdView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo project: the first township with villages rebuilds 511 homes over three sites in its first three villages,
 * for 250 million CNY, handed over 120 days from today (so construction is about half-way). The 511 households are
 * the registry's households of the township's village grids, in walking order, each with its head's masked name; all
 * are surveyed and the eligibility list is final (its notice period long over, two objections answered). One
 * transaction, batch inserts;
 * loaded only when there is no project yet. The other parts of rural housing load their demo data after this one
 * (higher {@code @Order}).
 */
@DemoData
@Order(85)
class DemoHousingLoader implements ApplicationRunner {

	static final int HOUSEHOLDS = 511;
	private static final Logger LOG = LoggerFactory.getLogger(DemoHousingLoader.class);
	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");
	private static final int[] PLOTS = { 180, 170, 161 };
	private static final int[] BUILDINGS = { 12, 11, 10 };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final HouseholdFacts households;
	private final Clock clock;
	private final HousingProjects projects;
	private final HousingLists lists;

	DemoHousingLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			HouseholdFacts households, Clock clock, HousingProjects projects, HousingLists lists) {
		this.projects = projects;
		this.lists = lists;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.households = households;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		Long projects = jdbc.queryForObject("SELECT COUNT(*) FROM housing_project", Long.class);
		if (projects != null && projects > 0) {
			return;
		}
		Integer loaded = transactions.execute(tx -> load());
		LOG.info("Demo rural housing: {} households loaded in {} ms", loaded,
				(System.nanoTime() - started) / 1_000_000);
	}

	private int load() {
		// village grids by village, villages in code order, of the first township that has villages
		Map<String, List<String>> gridsByVillage = new LinkedHashMap<>();
		for (ResidentialGrid grid : jurisdictions.residentialGrids()) {
			if (grid.village()) {
				gridsByVillage.computeIfAbsent(grid.code().substring(0, 12), k -> new ArrayList<>()).add(grid.code());
			}
		}
		if (gridsByVillage.isEmpty()) {
			return 0;
		}
		String township = jurisdictions.find(gridsByVillage.keySet().iterator().next())
				.map(JurisdictionNode::parentCode).orElse(null);
		if (township == null) {
			return 0;
		}
		List<String> villages = gridsByVillage.keySet().stream()
				.filter(v -> jurisdictions.find(v).map(n -> township.equals(n.parentCode())).orElse(false)).toList();
		String townshipName = jurisdictions.find(township).map(JurisdictionNode::name).orElse(township);
		Map<String, String> villageNames = jurisdictions.names(villages);
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate handOver = LocalDate.now(clock.withZone(DISTRICT_ZONE)).plusDays(120);
		jdbc.update("INSERT INTO housing_project (name, township_code, budget_fen, hand_over_on, created_at, created_by) "
				+ "VALUES (?, ?, ?, ?, ?, 'demo')", townshipName + "农房改善项目", township, 25_000_000_000L, handOver, now);
		long projectId = jdbc.queryForObject("SELECT MAX(id) FROM housing_project", Long.class);
		jdbc.batchUpdate("INSERT INTO housing_project_village (project_id, village_code) VALUES (?, ?)",
				villages.stream().map(v -> new Object[] { projectId, v }).toList());
		List<Object[]> sites = new ArrayList<>();
		for (int i = 0; i < PLOTS.length && i < villages.size(); i++) {
			String village = villages.get(i);
			sites.add(new Object[] { projectId, villageNames.getOrDefault(village, village) + "新村安置点", village,
					villageNames.getOrDefault(village, village) + "村部东侧", BUILDINGS[i], PLOTS[i] });
		}
		jdbc.batchUpdate("INSERT INTO housing_site (project_id, name, village_code, address, buildings, plots) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", sites);
		List<HouseholdView> found = new ArrayList<>();
		Map<Long, String> villageOf = new LinkedHashMap<>();
		outer: for (String village : villages) {
			for (String grid : gridsByVillage.get(village)) {
				for (HouseholdView household : households.ofGrid(grid)) {
					found.add(household);
					villageOf.put(household.id(), village);
					if (found.size() == HOUSEHOLDS) {
						break outer;
					}
				}
			}
		}
		int loaded = projects.insertHouseholds(projectId, found, villageOf, HOUSEHOLDS);
		surveyAndFinalise(projectId, now, LocalDate.now(clock.withZone(DISTRICT_ZONE)));
		return loaded;
	}

	/**
	 * Every household surveyed (all houses grade C or D, or none: the villages rebuild), the rules (the four groups
	 * first, a group not required), the list computed, its notice period 150 days ago with two objections answered,
	 * and made final — the state of a project in mid-construction.
	 */
	private void surveyAndFinalise(long projectId, OffsetDateTime now, LocalDate today) {
		List<Object[]> members = jdbc.query("SELECT id, family_size FROM housing_household WHERE project_id = ? ORDER BY id",
				(rs, i) -> new Object[] { rs.getLong(1), rs.getInt(2) }, projectId);
		List<Object[]> surveys = new ArrayList<>();
		String[] needs = { "", "", "", "老人行动不便，希望住一楼", "", "家中有轮椅使用者，需无障碍通道", "" };
		for (int i = 0; i < members.size(); i++) {
			long member = (Long) members.get(i)[0];
			boolean hasHouse = i % 23 != 0;
			String grade = hasHouse ? (i % 3 == 0 ? "D" : "C") : null;
			String groups = i % 11 == 0 ? PriorityGroup.LOW_INCOME_REGISTERED.name()
					: i % 29 == 0 ? PriorityGroup.DISABLED_FAMILY.name() : "";
			surveys.add(new Object[] { projectId, member, new UUID(projectId, member).toString(), hasHouse, grade,
					"WILLING", members.get(i)[1], groups, needs[i % needs.length],
					now.minusDays(200 - (i % 20)), "demo" });
		}
		jdbc.batchUpdate("INSERT INTO housing_survey (project_id, member_id, client_id, has_house, safety_grade, "
				+ "willingness, family_size, group_codes, special_needs, surveyed_at, surveyed_by) VALUES (?, ?, ?, ?, ?, ?,"
				+ " ?, ?, ?, ?, ?)", surveys);
		jdbc.update("INSERT INTO housing_rule_set (project_id, priority_groups, unsafe_grades, group_required, updated_at,"
				+ " updated_by) VALUES (?, ?, 'C,D', FALSE, ?, 'demo')", projectId,
				"LOW_INCOME_REGISTERED,MINIMUM_ALLOWANCE,EXTREME_POVERTY,DISABLED_FAMILY", now.minusDays(175));
		lists.store(projectId, lists.evaluate(projectId));
		jdbc.update("INSERT INTO housing_notice (project_id, starts_on, ends_on, opened_at, opened_by) VALUES (?, ?, ?, ?,"
				+ " 'demo')", projectId, today.minusDays(160), today.minusDays(153), now.minusDays(160));
		List<Object[]> firstTwo = jdbc.query("SELECT id, village_code FROM housing_household WHERE project_id = ? ORDER BY"
				+ " id LIMIT 2", (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }, projectId);
		String[][] objections = {
			{ "邻居家房屋为 B 级，为何不在名单内？", "经复核，该户房屋为 C 级（部分承重墙开裂），已按规则列入名单。" },
			{ "希望安置点离原宅基地近一些。", "安置点按村规划选址，选房时可按顺序优先选择靠近本组的地块。" } };
		for (int i = 0; i < firstTwo.size(); i++) {
			jdbc.update("INSERT INTO housing_objection (project_id, member_id, village_code, body, raised_on, recorded_at,"
					+ " recorded_by, answer, answered_at, answered_by) VALUES (?, ?, ?, ?, ?, ?, 'demo', ?, ?, 'demo')",
					projectId, i == 0 ? firstTwo.get(i)[0] : null, firstTwo.get(i)[1], objections[i][0],
					today.minusDays(158), now.minusDays(158), objections[i][1], now.minusDays(155));
		}
		lists.writeFinal(projectId, "demo");
	}
}
