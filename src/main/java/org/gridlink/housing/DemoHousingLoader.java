package org.gridlink.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * the registry's households of the township's village grids, in walking order. One transaction, batch inserts;
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

	DemoHousingLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			HouseholdFacts households, Clock clock) {
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
		List<Object[]> rows = new ArrayList<>();
		outer: for (String village : villages) {
			for (String grid : gridsByVillage.get(village)) {
				for (HouseholdView household : households.ofGrid(grid)) {
					rows.add(new Object[] { projectId, household.id(), village, household.label(),
							Math.max(1, household.members()) });
					if (rows.size() == HOUSEHOLDS) {
						break outer;
					}
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO housing_household (project_id, household_id, village_code, head_masked, "
				+ "family_size) VALUES (?, ?, ?, ?, ?)", rows);
		return rows.size();
	}
}
