package org.gridlink.supplies.necessities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.DemoData;
import org.gridlink.quarantine.QuarantineHouseholds;
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
 * Demo necessities, in one transaction with batch inserts: 20 suppliers (baskets and items, streets they serve), the
 * households of the demo's home quarantine (those registered as residents) and of two sealed compounds with orders for
 * yesterday, today and tomorrow (some handed over, some left without a delivery so the board flags them), 30 produce
 * offers and 8 buyers' needs. Runs after residents and quarantine; skipped when suppliers exist.
 */
@DemoData
@Order(55)
class DemoNecessitiesLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoNecessitiesLoader.class);
	private static final long SEED = 20220401L;
	static final String[] SUPPLIERS = { "苏果超市江滨店", "大润发江滨店", "永辉超市城东店", "华润万家翔宇店", "欧尚超市城南店",
			"盒马鲜生江滨店", "物美超市金桥店", "家家悦城北店", "联华超市工业园店", "世纪联华滨江店", "京东物流江滨站", "顺丰速运江滨站",
			"美团买菜江滨站", "叮咚买菜城东站", "中通快递城南站", "江滨农贸配送中心", "邮政江滨分公司", "德邦物流工业园站",
			"韵达快递城北站", "菜鸟驿站江滨中心" };
	static final Object[][] BASKETS = { { "蔬菜套餐", "份", 3900, "白菜 2 kg、土豆 1 kg、西红柿 1 kg、青椒 0.5 kg、胡萝卜 1 kg" },
			{ "肉蛋套餐", "份", 8800, "猪肉 1 kg、鸡蛋 30 枚、鸡腿 1 kg" },
			{ "米面粮油套餐", "份", 12800, "大米 10 kg、面粉 5 kg、食用油 5 L" } };
	static final Object[][] ITEMS = { { "大米", "10 kg", 5500 }, { "鸡蛋", "30 枚", 2600 }, { "牛奶", "箱", 6000 },
			{ "食用油", "5 L", 7900 }, { "卫生纸", "提", 3200 } };
	static final String[] PRODUCE = { "白菜", "土豆", "西红柿", "苹果", "梨", "萝卜", "黄瓜", "葡萄", "大葱", "西瓜" };
	static final String[] FARMERS = { "王家庄合作社", "李庄果蔬合作社", "张大伯", "城南蔬菜基地", "金桥果园", "刘家湾农场" };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final HouseholdFacts households;
	private final QuarantineHouseholds quarantine;
	private final Clock clock;

	DemoNecessitiesLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			HouseholdFacts households, QuarantineHouseholds quarantine, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.households = households;
		this.quarantine = quarantine;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Long suppliers = jdbc.queryForObject("SELECT COUNT(*) FROM necessity_supplier", Long.class);
		List<String> grids = jurisdictions.residentialGrids().stream().map(ResidentialGrid::code).toList();
		if (suppliers == null || suppliers > 0 || grids.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int[] counts = transactions.execute(tx -> load(grids));
		LOG.info("Demo necessities: {} suppliers, {} households, {} orders, {} produce offers loaded in {} ms",
				SUPPLIERS.length, counts[0], counts[1], 30, (System.nanoTime() - started) / 1_000_000);
	}

	private int[] load(List<String> grids) {
		Random random = new Random(SEED);
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = now.toLocalDate();
		List<String> streets = new ArrayList<>(new TreeSet<>(grids.stream().map(Suppliers::streetOf).toList()));
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < SUPPLIERS.length; i++) {
			rows.add(new Object[] { SUPPLIERS[i], i >= 10 ? "LOGISTICS" : "SUPERMARKET",
					"400-" + (800 + i) + "-" + (1000 + 37 * i), now });
		}
		jdbc.batchUpdate("INSERT INTO necessity_supplier (name, kind, contact, created_by, created_at)"
				+ " VALUES (?, ?, ?, 'center', ?)", rows);
		List<Long> ids = jdbc.queryForList("SELECT id FROM necessity_supplier ORDER BY id", Long.class);
		List<Object[]> served = new ArrayList<>();
		List<Object[]> items = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			Set<String> to = new TreeSet<>();
			if (i < 4) {
				to.addAll(streets);
			}
			else {
				to.add(streets.get(i % streets.size()));
				to.add(streets.get((i + 1) % streets.size()));
			}
			for (String street : to) {
				served.add(new Object[] { ids.get(i), street });
			}
			for (Object[] b : BASKETS) {
				items.add(new Object[] { ids.get(i), b[0], b[1], (int) b[2] + 100 * (i % 5), true, b[3] });
			}
			for (Object[] it : ITEMS) {
				items.add(new Object[] { ids.get(i), it[0], it[1], (int) it[2] + 50 * (i % 4), false, "" });
			}
		}
		jdbc.batchUpdate("INSERT INTO necessity_supplier_street (supplier_id, street_code) VALUES (?, ?)", served);
		jdbc.batchUpdate("INSERT INTO necessity_item (supplier_id, name, unit, price_cents, basket, contents)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", items);
		int[] counts = orders(grids, today, now, random);
		produce(streets, grids, today, now, random);
		return counts;
	}

	/** Households of the demo's home quarantine and of two sealed compounds, with orders around today. */
	private int[] orders(List<String> grids, LocalDate today, OffsetDateTime now, Random random) {
		String district = grids.get(0).substring(0, 6) + "000000";
		Set<Long> watched = new HashSet<>();
		List<HouseholdView> chosen = new ArrayList<>();
		List<QuarantineHouseholds.AtHome> atHome = quarantine.atHome(List.of(district));
		Map<Long, Long> ofResident = households.householdsOf(atHome.stream()
				.map(QuarantineHouseholds.AtHome::residentId).toList());
		for (Long id : ofResident.values()) {
			if (watched.add(id)) {
				households.household(id).ifPresent(chosen::add);
			}
		}
		List<HouseholdView> sealed = new ArrayList<>();
		for (String grid : List.of(grids.get(0), grids.get(grids.size() / 2))) {
			List<HouseholdView> ofGrid = households.ofGrid(grid);
			String compound = ofGrid.isEmpty() ? "" : ofGrid.get(0).compound();
			for (HouseholdView h : ofGrid) {
				if (h.compound().equals(compound) && sealed.size() < 120 && watched.add(h.id())) {
					sealed.add(h);
					chosen.add(h);
				}
			}
		}
		List<Object[]> rows = new ArrayList<>();
		Set<Long> sealedIds = new HashSet<>();
		sealed.forEach(h -> sealedIds.add(h.id()));
		for (HouseholdView h : chosen) {
			rows.add(new Object[] { h.id(), h.gridCode().substring(0, 6), h.gridCode(), h.compound(), h.label(),
					sealedIds.contains(h.id()) ? today.minusDays(5) : null, now });
		}
		jdbc.batchUpdate("INSERT INTO necessity_household (household_id, district_code, grid_code, compound, label,"
				+ " sealed_since, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, 'grid1', ?)", rows);
		Map<String, List<Object[]>> itemsOfStreet = new java.util.HashMap<>();
		jdbc.query("SELECT t.street_code, i.id, i.name, i.unit, i.price_cents, i.supplier_id FROM necessity_item i"
				+ " JOIN necessity_supplier_street t ON t.supplier_id = i.supplier_id ORDER BY t.street_code, i.id",
				rs -> {
					itemsOfStreet.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
							rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6) });
				});
		List<Object[]> orders = new ArrayList<>();
		List<Object[][]> lines = new ArrayList<>();
		int n = 0;
		for (HouseholdView h : chosen) {
			List<Object[]> offered = itemsOfStreet.getOrDefault(Suppliers.streetOf(h.gridCode()), List.of());
			if (offered.isEmpty() || n++ % 5 == 4) {
				continue; // every fifth household has not ordered: the board flags it
			}
			Object[] first = offered.get(random.nextInt(offered.size()));
			long supplier = (long) first[4];
			List<Object[]> ofSupplier = offered.stream().filter(o -> (long) o[4] == supplier).toList();
			for (int day = -1; day <= 1; day++) {
				Object[][] picked = { ofSupplier.get(0), ofSupplier.get(3 + random.nextInt(ofSupplier.size() - 3)) };
				int[] q = { 1, 1 + random.nextInt(2) };
				int total = (int) picked[0][3] * q[0] + (int) picked[1][3] * q[1];
				boolean delivered = day < 0;
				orders.add(new Object[] { "demo-" + h.id() + "-" + (day + 1), h.id(), h.gridCode().substring(0, 6),
						h.gridCode(), h.compound(), h.label(), supplier, today.plusDays(day), total,
						delivered ? "DELIVERED" : "PLACED", day == 1 ? "LINK" : "STAFF", now.minusDays(2 - day),
						delivered ? "grid1" : null, delivered ? now.minusDays(1) : null });
				lines.add(new Object[][] { { picked[0], q[0] }, { picked[1], q[1] } });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO necessity_order (client_id, household_id, district_code, grid_code, compound, label,
				supplier_id, delivery_date, total_cents, status, placed_via, placed_by, placed_at, delivered_by,
				delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'grid1', ?, ?, ?)""", orders);
		Map<String, Long> idOf = new java.util.HashMap<>();
		jdbc.query("SELECT client_id, id FROM necessity_order", rs -> {
			idOf.put(rs.getString(1), rs.getLong(2));
		});
		List<Object[]> lineRows = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			long id = idOf.get((String) orders.get(i)[0]);
			int no = 0;
			for (Object[] l : lines.get(i)) {
				Object[] item = (Object[]) l[0];
				lineRows.add(new Object[] { id, ++no, item[0], item[1], item[2], item[3], l[1] });
			}
		}
		jdbc.batchUpdate("INSERT INTO necessity_order_line (order_id, line_no, item_id, name, unit, price_cents,"
				+ " quantity) VALUES (?, ?, ?, ?, ?, ?, ?)", lineRows);
		return new int[] { chosen.size(), orders.size() };
	}

	private void produce(List<String> streets, List<String> grids, LocalDate today, OffsetDateTime now,
			Random random) {
		List<Object[]> offers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			BigDecimal q = BigDecimal.valueOf(200 + random.nextInt(40) * 50L);
			boolean coordinates = i % 6 != 5;
			offers.add(new Object[] { FARMERS[i % FARMERS.length], i % 3 == 0 ? "FARMER" : "COOPERATIVE",
					PRODUCE[i % PRODUCE.length], "kg", q, q, 150 + random.nextInt(600),
					FARMERS[i % FARMERS.length] + "村口", coordinates ? 33.5 + random.nextDouble() * 0.3 : null,
					coordinates ? 119.0 + random.nextDouble() * 0.36 : null, streets.get(i % streets.size()),
					today.plusDays(5 + i % 20), now });
		}
		jdbc.batchUpdate("""
				INSERT INTO produce_offer (seller, seller_kind, item, unit, quantity, remaining, price_cents, place, lat,
				lng, jurisdiction_code, available_until, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'center', ?)""", offers);
		String[][] buyers = { { "苏果超市江滨店", "SUPERMARKET" }, { "江滨区机关食堂", "CANTEEN" }, { "金桥社区团购", "COMMUNITY" },
				{ "大润发江滨店", "SUPERMARKET" }, { "江滨中学食堂", "CANTEEN" }, { "翔宇社区团购", "COMMUNITY" },
				{ "永辉超市城东店", "SUPERMARKET" }, { "工业园食堂", "CANTEEN" } };
		List<Object[]> needs = new ArrayList<>();
		for (int i = 0; i < buyers.length; i++) {
			needs.add(new Object[] { buyers[i][0], buyers[i][1], PRODUCE[i % PRODUCE.length], "kg",
					BigDecimal.valueOf(100 + 50L * i), buyers[i][0], 33.5 + random.nextDouble() * 0.3,
					119.0 + random.nextDouble() * 0.36, i % 3 == 2 ? grids.get(i % grids.size()).substring(0, 12)
							: streets.get(i % streets.size()), today.plusDays(3 + i), now });
		}
		jdbc.batchUpdate("""
				INSERT INTO produce_need (buyer, buyer_kind, item, unit, quantity, place, lat, lng, jurisdiction_code,
				needed_by, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'center', ?)""", needs);
	}
}
