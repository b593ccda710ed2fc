package org.gridlink.supplies;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.shared.JurisdictionLevel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's reserves and requests, in bulk (one transaction, batched inserts), only into empty tables:
 * three district warehouses (kept by 区城市管理局 — dept1's unit —, 区卫生健康委员会 and 区商务局), one warehouse per street
 * (six), two lots per item with expiry dates and their IN rows, minimum levels (a few items below them), and a
 * month of requests of every community in every state: old ones received (some short), recent ones shipped,
 * allocated, approved or waiting for the street, a few refused and a few overdue. Shipments leave the stock
 * first-expiry-first with their OUT rows, so every balance is its ledger's sum. Demo mode only.
 */
@DemoData
@Order(61)
class DemoSuppliesLoader implements ApplicationRunner {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoSuppliesLoader.class);

	static final int DAYS = 30;
	static final String[] PROTECTION = { "MASK-MED", "MASK-N95", "SUIT", "GLOVES", "GOGGLES", "FACE-SHIELD",
			"DISINF-84", "ALCOHOL", "THERMO", "ANTIGEN" };
	static final String[] FOOD = { "RICE", "FLOUR", "OIL", "NOODLES", "WATER", "MILK", "BAGS" };
	static final String[] REASONS = { "封控小区居民生活物资告急", "核酸采样点防护物资补充", "隔离观察户消杀物资不足",
			"卡口执勤人员防护用品补充", "独居老人、困难家庭生活保障", "志愿者上岗防护物资" };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final Clock clock;

	DemoSuppliesLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		transactions.executeWithoutResult(tx -> load());
		LOG.info("Demo supplies: {} requests loaded in {} ms",
				jdbc.queryForObject("SELECT COUNT(*) FROM supply_request", Long.class),
				(System.nanoTime() - start) / 1_000_000);
	}

	private static final class Lot {
		final int warehouse;
		final String item;
		final String lot;
		final LocalDate expires;
		final long in;
		long balance;

		Lot(int warehouse, String item, String lot, LocalDate expires, long in) {
			this.warehouse = warehouse;
			this.item = item;
			this.lot = lot;
			this.expires = expires;
			this.in = in;
			this.balance = in;
		}
	}

	private record Out(Lot lot, long quantity, int request, OffsetDateTime at, String who) {
	}

	void load() {
		Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM supply_warehouse", Long.class);
		List<String> districts = jurisdictions.districtCodes();
		if ((existing != null && existing > 0) || districts.isEmpty()) {
			return;
		}
		String district = districts.get(0);
		CurrentUser system = new CurrentUser(0, "system", "GridLink", Set.of(Role.CENTER), Scope.of(districts), null);
		List<JurisdictionNode> streets = jurisdictions.list(system, JurisdictionLevel.STREET, null,
				PageRequest.of(0, 100)).getContent();
		List<JurisdictionNode> communities = jurisdictions.list(system, JurisdictionLevel.COMMUNITY, null,
				PageRequest.of(0, 5000)).getContent();
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = now.toLocalDate();
		Random random = new Random(19);

		// warehouses: name, level, place, unit
		List<Object[]> warehouses = new ArrayList<>();
		warehouses.add(new Object[] { "区应急物资储备一号库", "DISTRICT", district, 2L, "经开大道 18 号" });
		warehouses.add(new Object[] { "区医疗防护物资储备库", "DISTRICT", district, 22L, "健康路 6 号" });
		warehouses.add(new Object[] { "区生活物资储备库", "DISTRICT", district, 20L, "物流园区 3 号仓" });
		Map<String, Integer> streetWarehouse = new HashMap<>();
		for (JurisdictionNode s : streets) {
			streetWarehouse.put(s.code(), warehouses.size());
			warehouses.add(new Object[] { s.name() + "应急物资仓库", "STREET", s.code(), null, s.name() + "便民服务中心" });
		}
		jdbc.batchUpdate("INSERT INTO supply_warehouse (name, level, jurisdiction_code, unit_id, address) VALUES"
				+ " (?, ?, ?, ?, ?)", warehouses);
		List<Long> warehouseIds = jdbc.queryForList("SELECT id FROM supply_warehouse ORDER BY id", Long.class);

		// lots: two per item; district stores hold more
		List<Lot> lots = new ArrayList<>();
		for (int w = 0; w < warehouses.size(); w++) {
			boolean districtLevel = w < 3;
			List<String> items = new ArrayList<>();
			if (w != 2) {
				items.addAll(List.of(PROTECTION));
			}
			if (w != 1) {
				items.addAll(List.of(FOOD));
			}
			for (String item : items) {
				boolean food = List.of(FOOD).contains(item);
				for (int n = 1; n <= 2; n++) {
					long quantity = (districtLevel ? 2000 : 150) + random.nextInt(districtLevel ? 8000 : 600);
					if (item.equals("THERMO") || item.equals("GOGGLES")) {
						quantity /= 10;
					}
					LocalDate expires = today.plusDays((food ? 40 : 200) * n + random.nextInt(food ? 60 : 400));
					lots.add(new Lot(w, item, String.format("%s-%02d%d", item.substring(0, Math.min(4, item.length())),
							w + 1, n), expires, quantity));
				}
			}
		}

		// requests: two or three per community over the month, in every state
		List<Object[]> requests = new ArrayList<>();
		List<List<long[]>> requestLines = new ArrayList<>(); // per request: [item index, requested, approved, shipped, received]
		List<String[]> lineItems = new ArrayList<>();
		List<Out> outs = new ArrayList<>();
		for (JurisdictionNode c : communities) {
			String street = c.code().substring(0, 9) + "000";
			int count = 2 + random.nextInt(2);
			for (int k = 0; k < count; k++) {
				int hoursBack = random.nextInt(DAYS * 24);
				OffsetDateTime at = now.minusHours(hoursBack).minusMinutes(random.nextInt(60));
				String status;
				if (hoursBack > 7 * 24) {
					status = random.nextInt(12) == 0 ? "REFUSED" : random.nextInt(10) == 0 ? "SHIPPED" : "RECEIVED";
				}
				else if (hoursBack > 3 * 24) {
					int roll = random.nextInt(10);
					status = roll < 5 ? "RECEIVED" : roll < 8 ? "SHIPPED" : "ALLOCATED";
				}
				else if (hoursBack > 24) {
					int roll = random.nextInt(10);
					status = roll < 3 ? "SHIPPED" : roll < 6 ? "ALLOCATED" : roll < 9 ? "APPROVED" : "REQUESTED";
				}
				else {
					status = random.nextInt(3) == 0 ? "APPROVED" : "REQUESTED";
				}
				boolean food = random.nextBoolean();
				String[] pool = food ? FOOD : PROTECTION;
				int lineCount = 1 + random.nextInt(3);
				List<String> items = new ArrayList<>();
				while (items.size() < lineCount) {
					String item = pool[random.nextInt(pool.length)];
					if (!items.contains(item)) {
						items.add(item);
					}
				}
				int warehouse = random.nextInt(3) == 0 ? (food ? 2 : 1)
						: streetWarehouse.getOrDefault(street, food ? 2 : 0);
				int index = requests.size();
				int rank = List.of("REQUESTED", "APPROVED", "ALLOCATED", "SHIPPED", "RECEIVED").indexOf(status);
				OffsetDateTime approvedAt = at.plusHours(2 + random.nextInt(10));
				OffsetDateTime allocatedAt = approvedAt.plusHours(1 + random.nextInt(8));
				OffsetDateTime shippedAt = allocatedAt.plusHours(2 + random.nextInt(20));
				OffsetDateTime receivedAt = shippedAt.plusHours(1 + random.nextInt(6));
				approvedAt = min(approvedAt, now.minusMinutes(20));
				allocatedAt = min(allocatedAt, now.minusMinutes(15));
				shippedAt = min(shippedAt, now.minusMinutes(10));
				receivedAt = min(receivedAt, now.minusMinutes(5));
				boolean refused = status.equals("REFUSED");
				List<long[]> lines = new ArrayList<>();
				for (String item : items) {
					long requested = item.startsWith("MASK") || item.equals("GLOVES") ? 200 + random.nextInt(800)
							: 5 + random.nextInt(60);
					Long approved = null;
					if (refused) {
						approved = 0L;
					}
					else if (rank >= 1) {
						approved = random.nextInt(4) == 0 ? requested * 3 / 4 : requested;
					}
					Long shipped = null;
					if (rank >= 3 && approved != null) {
						long want = random.nextInt(5) == 0 ? approved * 2 / 3 : approved;
						shipped = take(lots, warehouse, item, want, index, shippedAt, outs);
					}
					Long received = null;
					if (rank >= 4 && shipped != null) {
						received = random.nextInt(8) == 0 ? shipped - shipped / 10 : shipped;
					}
					lines.add(new long[] { requested, approved == null ? -1 : approved, shipped == null ? -1 : shipped,
							received == null ? -1 : received });
				}
				lineItems.add(items.toArray(String[]::new));
				requestLines.add(lines);
				OffsetDateTime stepEntered = switch (status) {
					case "REQUESTED" -> at;
					case "APPROVED" -> approvedAt;
					case "ALLOCATED" -> allocatedAt;
					case "SHIPPED" -> shippedAt;
					default -> null;
				};
				int hours = switch (status) {
					case "ALLOCATED" -> 48;
					default -> 24;
				};
				OffsetDateTime due = stepEntered == null ? null : stepEntered.plusHours(hours);
				requests.add(new Object[] { c.code(), street, REASONS[random.nextInt(REASONS.length)], status,
						rank >= 2 ? warehouseIds.get(warehouse) : null, "community1", ts(at),
						rank >= 1 || refused ? "street1" : null, rank >= 1 || refused ? ts(approvedAt) : null,
						rank >= 2 ? "center" : null, rank >= 2 ? ts(allocatedAt) : null,
						rank >= 3 ? (warehouse < 3 ? "dept1" : "street1") : null, rank >= 3 ? ts(shippedAt) : null,
						rank >= 4 ? "community1" : null, rank >= 4 ? ts(receivedAt) : null,
						due == null ? null : ts(due), due != null && due.isBefore(now.minusHours(12)) });
			}
		}

		// write: lots with their final balances, IN rows, requests, lines, OUT rows, minimums
		jdbc.batchUpdate("INSERT INTO supply_lot (warehouse_id, item_code, lot, expires_on, balance) VALUES (?, ?, ?, ?, ?)",
				lots.stream().map(l -> new Object[] { warehouseIds.get(l.warehouse), l.item, l.lot, l.expires,
						l.balance }).toList());
		Map<String, Long> lotIds = new HashMap<>();
		jdbc.query("SELECT id, warehouse_id, item_code, lot FROM supply_lot", rs -> {
			lotIds.put(rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4), rs.getLong(1));
		});
		Timestamp stocked = ts(now.minusDays(DAYS + 10));
		jdbc.batchUpdate("INSERT INTO supply_movement (warehouse_id, lot_id, item_code, kind, quantity, reason, done_by,"
				+ " done_at) VALUES (?, ?, ?, 'IN', ?, ?, 'center', ?)", lots.stream()
				.map(l -> new Object[] { warehouseIds.get(l.warehouse), lotIds.get(key(warehouseIds, l)), l.item, l.in,
						"储备入库", stocked }).toList());
		jdbc.batchUpdate("INSERT INTO supply_request (jurisdiction_code, street_code, reason, status, warehouse_id,"
				+ " requested_by, requested_at, approved_by, approved_at, allocated_by, allocated_at, shipped_by,"
				+ " shipped_at, received_by, received_at, step_due_at, urged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " ?, ?, ?, ?, ?, ?)", requests);
		List<Long> requestIds = jdbc.queryForList("SELECT id FROM supply_request ORDER BY id", Long.class);
		List<Object[]> lineRows = new ArrayList<>();
		for (int r = 0; r < requestLines.size(); r++) {
			for (int i = 0; i < requestLines.get(r).size(); i++) {
				long[] l = requestLines.get(r).get(i);
				lineRows.add(new Object[] { requestIds.get(r), lineItems.get(r)[i], i + 1, l[0], l[1] < 0 ? null : l[1],
						l[2] < 0 ? null : l[2], l[3] < 0 ? null : l[3] });
			}
		}
		jdbc.batchUpdate("INSERT INTO supply_request_line (request_id, item_code, position, requested, approved, shipped,"
				+ " received) VALUES (?, ?, ?, ?, ?, ?, ?)", lineRows, new int[] { java.sql.Types.BIGINT,
						java.sql.Types.VARCHAR, java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.BIGINT,
						java.sql.Types.BIGINT, java.sql.Types.BIGINT });
		jdbc.batchUpdate("INSERT INTO supply_movement (warehouse_id, lot_id, item_code, kind, quantity, reason, request_id,"
				+ " done_by, done_at) VALUES (?, ?, ?, 'OUT', ?, ?, ?, ?, ?)", outs.stream()
				.map(o -> new Object[] { warehouseIds.get(o.lot().warehouse), lotIds.get(key(warehouseIds, o.lot())),
						o.lot().item, -o.quantity(), "#" + requestIds.get(o.request()), requestIds.get(o.request()),
						o.who(), ts(o.at()) }).toList());
		List<Object[]> minimums = new ArrayList<>();
		Map<String, Long> totals = new HashMap<>();
		for (Lot l : lots) {
			totals.merge(l.warehouse + "|" + l.item, l.balance, Long::sum);
		}
		totals.forEach((k, total) -> {
			String[] p = k.split("\\|");
			int w = Integer.parseInt(p[0]);
			boolean low = random.nextInt(8) == 0;
			long minimum = low ? total + 50 : Math.max(10, total / 4);
			minimums.add(new Object[] { warehouseIds.get(w), p[1], minimum, low ? ts(now.minusDays(2)) : null });
		});
		jdbc.batchUpdate("INSERT INTO supply_minimum (warehouse_id, item_code, minimum, low_since) VALUES (?, ?, ?, ?)",
				minimums, new int[] { java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.BIGINT,
						java.sql.Types.TIMESTAMP });
	}

	private static String key(List<Long> warehouseIds, Lot l) {
		return warehouseIds.get(l.warehouse) + "|" + l.item + "|" + l.lot;
	}

	private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	private static Timestamp ts(OffsetDateTime at) {
		return Timestamp.from(at.toInstant());
	}

	/** Takes up to {@code want} first-expiry-first from the warehouse's lots of the item; answers what was taken. */
	private static long take(List<Lot> lots, int warehouse, String item, long want, int request, OffsetDateTime at,
			List<Out> outs) {
		long left = want;
		for (Lot l : lots.stream().filter(l -> l.warehouse == warehouse && l.item.equals(item))
				.sorted(Comparator.comparing(l -> l.expires)).toList()) {
			long part = Math.min(left, l.balance);
			if (part > 0) {
				l.balance -= part;
				left -= part;
				outs.add(new Out(l, part, request, at, "dept1"));
			}
		}
		return want - left;
	}
}
