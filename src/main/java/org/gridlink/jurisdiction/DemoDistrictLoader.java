package org.gridlink.jurisdiction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.DemoLoading;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads {@link DemoDistrict} into an empty database in demo mode ({@link DemoData}: the default with the embedded
 * H2 database). Rows go in by JDBC batches, a few statements per table, so start-up stays within seconds; all in one
 * transaction, so a start stopped during the load leaves an empty database and the next start loads it again.
 */
@DemoData
@Order(0)
class DemoDistrictLoader implements ApplicationRunner {

	static final String DEMO_PASSWORD = "Demo#2026";
	private static final Logger LOG = LoggerFactory.getLogger(DemoDistrictLoader.class);
	private static final int COMPANIES = 40;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Accounts accounts;
	private final GridLocator locator;
	private final DemoLoading demoLoading;

	DemoDistrictLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Accounts accounts, GridLocator locator,
			DemoLoading demoLoading) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.accounts = accounts;
		this.locator = locator;
		this.demoLoading = demoLoading;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM jurisdiction", Integer.class);
		if (existing == null || existing > 0) {
			return;
		}
		demoLoading.start("district");
		try {
			long start = System.nanoTime();
			// one transaction (the identity restarts too, on H2 as on PostgreSQL): a stopped load leaves nothing
			transactions.executeWithoutResult(status -> load());
			locator.invalidate();
			LOG.info("Demo district loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		finally {
			demoLoading.finish("district");
		}
	}

	private void load() {
		List<DemoDistrict.Node> tree = DemoDistrict.stored();
		jdbc.batchUpdate("""
				INSERT INTO jurisdiction (code, prefix, name, level, kind, parent_code, district_code, boundary, center_lat, center_lng)
				VALUES (?, ?, ?, ?, ?, ?, '320819', ?, ?, ?)""",
				tree.stream().map(n -> new Object[] { n.code(), n.prefix(), n.name(), n.level(), n.kind(), n.parentCode(),
						n.wkt(), n.centreLat(), n.centreLng() }).toList());
		List<DemoDistrict.Node> grids = tree.stream().filter(n -> n.level().equals("GRID")).toList();
		List<DemoDistrict.Node> communities = tree.stream().filter(n -> n.level().equals("COMMUNITY")).toList();
		Map<String, DemoDistrict.Node> byCode = tree.stream()
				.collect(Collectors.toMap(DemoDistrict.Node::code, Function.identity()));

		List<Object[]> units = new ArrayList<>();
		for (int i = 0; i < DemoDistrict.UNITS.length; i++) {
			units.add(new Object[] { (long) i + 1, String.format("U%02d", i + 1), DemoDistrict.UNITS[i],
					i == 0 ? "COMMAND_CENTER" : "DEPARTMENT" });
		}
		jdbc.batchUpdate("INSERT INTO unit (id, code, name, kind, district_code) VALUES (?, ?, ?, ?, '320819')", units);

		List<Object[]> companies = new ArrayList<>();
		for (int i = 1; i <= COMPANIES; i++) {
			companies.add(new Object[] { (long) i, DemoDistrict.personName(i * 3).substring(0, 1)
					+ new String[] { "安", "嘉", "恒", "华", "瑞", "鑫", "康", "宏" }[i % 8] + "物业服务有限公司" + (i > 8 ? "第" + i + "分公司" : "") });
		}
		jdbc.batchUpdate("INSERT INTO property_company (id, name, district_code) VALUES (?, ?, '320819')", companies);

		List<Object[]> compounds = new ArrayList<>();
		List<Object[]> buildings = new ArrayList<>();
		long buildingId = 1;
		long compoundId = 1;
		for (DemoDistrict.Node grid : grids) {
			if (!byCode.get(grid.parentCode()).kind().equals("COMMUNITY")) {
				continue; // villages have village addresses, no compounds
			}
			long company = (compoundId - 1) % COMPANIES + 1;
			compounds.add(new Object[] { compoundId, DemoDistrict.compoundName((int) compoundId,
					byCode.get(grid.parentCode()).name()), grid.code(), company });
			int count = (int) (compoundId % 5) + 4;
			for (int b = 1; b <= count; b++) {
				buildings.add(new Object[] { buildingId++, compoundId, String.format("%05d", b), b + "号楼",
						grid.code(), 6 + (b % 4) * 6 });
			}
			compoundId++;
		}
		jdbc.batchUpdate("""
				INSERT INTO compound (id, name, grid_code, property_company_id, district_code)
				VALUES (?, ?, ?, ?, '320819')""", compounds);
		jdbc.batchUpdate("""
				INSERT INTO building (id, compound_id, code, name, grid_code, floors, district_code)
				VALUES (?, ?, ?, ?, ?, ?, '320819')""", buildings);

		List<Object[]> policeGrids = new ArrayList<>();
		List<Object[]> links = new ArrayList<>();
		for (DemoDistrict.Node community : communities) {
			String code = "JG" + community.code();
			policeGrids.add(new Object[] { code, community.name() + "警格", community.code() });
			grids.stream().filter(g -> g.parentCode().equals(community.code()))
					.forEach(g -> links.add(new Object[] { code, g.code() }));
		}
		jdbc.batchUpdate("INSERT INTO police_grid (code, name, community_code, district_code) VALUES (?, ?, ?, '320819')",
				policeGrids);
		jdbc.batchUpdate("INSERT INTO police_grid_link (police_grid_code, grid_code) VALUES (?, ?)", links);

		List<Object[]> staff = new ArrayList<>();
		List<Object[]> gridAssignments = new ArrayList<>();
		List<Object[]> officerAssignments = new ArrayList<>();
		List<Object[]> posts = new ArrayList<>();
		long staffId = 1;
		int person = 0;
		for (DemoDistrict.Node grid : grids) {
			String username = grid.code().equals(GRID1) ? "grid1" : grid.code().equals(GRID2) ? "grid2" : null;
			staff.add(new Object[] { staffId, remember(username, DemoDistrict.personName(person++)), "GRID_WORKER", null,
					null, username });
			gridAssignments.add(new Object[] { staffId++, grid.code() });
		}
		for (DemoDistrict.Node community : communities) {
			String username = community.code().equals(COMMUNITY1) ? "police1" : null;
			staff.add(new Object[] { staffId, remember(username, DemoDistrict.personName(person++)), "OFFICER", 9L, null,
					username });
			officerAssignments.add(new Object[] { staffId++, "JG" + community.code() });
		}
		List<DemoDistrict.Node> urban = communities.stream().filter(c -> c.kind().equals("COMMUNITY")).toList();
		for (int i = 0; i < DemoDistrict.CADRES; i++) {
			long unit = i % DemoDistrict.UNITS.length + 1;
			staff.add(new Object[] { staffId, DemoDistrict.personName(person++), "CADRE", unit, null, null });
			posts.add(new Object[] { staffId++, urban.get(i % urban.size()).code(), unit,
					LocalDate.of(2026, 1, 6) });
		}
		for (int i = 1; i <= COMPANIES; i++) {
			String username = i == 1 ? "property1" : null;
			staff.add(new Object[] { staffId++, remember(username, DemoDistrict.personName(person++)), "PROPERTY", null,
					(long) i, username });
		}
		jdbc.batchUpdate("""
				INSERT INTO staff (id, name, kind, unit_id, property_company_id, username, district_code)
				VALUES (?, ?, ?, ?, ?, ?, '320819')""", staff);
		jdbc.batchUpdate("INSERT INTO grid_assignment (staff_id, grid_code) VALUES (?, ?)", gridAssignments);
		jdbc.batchUpdate("INSERT INTO officer_assignment (staff_id, police_grid_code) VALUES (?, ?)",
				officerAssignments);
		jdbc.batchUpdate("INSERT INTO post (staff_id, community_code, unit_id, since) VALUES (?, ?, ?, ?)", posts);

		for (String table : List.of("unit", "property_company", "compound", "building", "staff")) {
			Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
			jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
		}
		// posted cadres on duty (docs/mobilization.md): cadre1 is the first cadre posted to community1's community
		staffNames.put("cadre1", jdbc.queryForObject("SELECT name FROM staff WHERE id = (SELECT MIN(staff_id) FROM post"
				+ " WHERE community_code = ?)", String.class, COMMUNITY1));
		jdbc.update("UPDATE staff SET username = 'cadre1' WHERE id = (SELECT MIN(staff_id) FROM post"
				+ " WHERE community_code = ?)", COMMUNITY1);
		cadre1Unit = jdbc.queryForObject("SELECT unit_id FROM staff WHERE username = 'cadre1'", Long.class);
		accounts.createDemoAccounts(demoUsers(grids), DEMO_PASSWORD);
	}

	/** Names of the staff members who have a demo account, so that the account shows the same person. */
	private final java.util.Map<String, String> staffNames = new java.util.HashMap<>();

	private String remember(String username, String name) {
		if (username != null) {
			staffNames.put(username, name);
		}
		return name;
	}

	/** The unit of the demo cadre cadre1 (posted cadres on duty). */
	private Long cadre1Unit;

	static final String GRID1 = "320819001001001";
	static final String GRID2 = "320819002001001";
	static final String COMMUNITY1 = "320819001001";

	private List<NewAccount> demoUsers(List<DemoDistrict.Node> grids) {
		Set<String> district = Set.of(DemoDistrict.DISTRICT);
		Set<String> policeGrids = grids.stream().map(DemoDistrict.Node::code).filter(c -> c.startsWith(COMMUNITY1))
				.collect(Collectors.toCollection(TreeSet::new));
		Set<String> propertyGrids = new TreeSet<>(jdbc.queryForList(
				"SELECT DISTINCT grid_code FROM compound WHERE property_company_id = 1", String.class));
		return List.of(
				new NewAccount("admin", "张明", DEMO_PASSWORD, Set.of(Role.ADMIN), district, null),
				new NewAccount("auditor", "李静", DEMO_PASSWORD, Set.of(Role.AUDITOR), Set.of(), null),
				new NewAccount("center", "陈敏", DEMO_PASSWORD, Set.of(Role.CENTER), district, 1L),
				new NewAccount("leader", "赵建华", DEMO_PASSWORD, Set.of(Role.LEADER), district, null),
				new NewAccount("dept1", "刘洋", DEMO_PASSWORD, Set.of(Role.DEPT), district, 2L),
				new NewAccount("street1", "孙丽", DEMO_PASSWORD, Set.of(Role.STREET), Set.of("320819001000"),
						null),
				new NewAccount("community1", "周芳", DEMO_PASSWORD, Set.of(Role.COMMUNITY), Set.of(COMMUNITY1),
						null),
				new NewAccount("grid1", staffNames.get("grid1"), DEMO_PASSWORD, Set.of(Role.GRID_WORKER), Set.of(GRID1), null),
				new NewAccount("grid2", staffNames.get("grid2"), DEMO_PASSWORD, Set.of(Role.GRID_WORKER), Set.of(GRID2), null),
				new NewAccount("police1", staffNames.get("police1"), DEMO_PASSWORD, Set.of(Role.POLICE), policeGrids, 9L),
				new NewAccount("property1", staffNames.get("property1"), DEMO_PASSWORD, Set.of(Role.PROPERTY), propertyGrids, null),
				new NewAccount("inspector1", "吴涛", DEMO_PASSWORD, Set.of(Role.INSPECTOR), district, null),
				new NewAccount("checkpoint1", "郭勇", DEMO_PASSWORD, Set.of(Role.CHECKPOINT),
						Set.of("320819001002"), null),
				new NewAccount("liaison1", "何志强", DEMO_PASSWORD, Set.of(Role.LIAISON), Set.of("320819003000"),
						null),
				// a party member registered as a volunteer with community1's community (mobilization: volunteers)
				new NewAccount("volunteer1", "王志刚", DEMO_PASSWORD, Set.of(Role.VOLUNTEER), Set.of(), null),
				new NewAccount("cadre1", staffNames.get("cadre1"), DEMO_PASSWORD, Set.of(Role.CADRE), Set.of(COMMUNITY1),
						cadre1Unit),
				// the site manager of the demo rural housing project (housing: construction assigns the sites)
				new NewAccount("site1", "梁建国", DEMO_PASSWORD, Set.of(Role.SITE_MANAGER), Set.of(), null));
	}
}
