package org.gridlink.supplies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gridlink.notices.Notifications;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency reserves: warehouses, the item catalogue, lots and the stock ledger. Every change of a lot's balance is a
 * ledger row written in the same transaction as the balance ({@code supply_lot.balance} = the sum of the lot's
 * {@code supply_movement.quantity}); a take is a conditional update ({@code balance >= quantity}) on rows locked in
 * a fixed order, so concurrent takes never drive a lot below zero (409 instead). Minimum levels mark an item low
 * once per crossing and send one inbox note to the warehouse's keepers.
 */
@Service
public class Reserves {

	static final long MAX_QUANTITY = 10_000_000;
	static final Set<String> KINDS = Set.of("IN", "OUT", "TRANSFER", "ADJUST");
	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditTrail audit;
	private final Accounts accounts;
	private final Notifications notifications;
	private final MessageSource messages;

	Reserves(JdbcClient jdbc, Clock clock, AuditTrail audit, Accounts accounts, Notifications notifications,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
	}

	// ------------------------------------------------------------------ catalogue and warehouses

	public List<Item> items() {
		return jdbc.sql("SELECT code, name_zh, name_en, unit_zh, unit_en, category FROM supply_item ORDER BY position")
				.query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6)))
				.list();
	}

	/** The catalogue by code (pages show names). */
	public Map<String, Item> itemsByCode() {
		Map<String, Item> all = new LinkedHashMap<>();
		for (Item item : items()) {
			all.put(item.code(), item);
		}
		return all;
	}

	String knownItem(@Nullable String code) {
		if (code == null || code.isBlank() || jdbc.sql("SELECT COUNT(*) FROM supply_item WHERE code = ?")
				.param(code.trim()).query(Long.class).single() == 0) {
			throw new InvalidInputException("supplies.item.unknown", code == null ? "" : code);
		}
		return code.trim();
	}

	private static final String WAREHOUSE = "SELECT w.id, w.name, w.level, w.jurisdiction_code, w.unit_id, w.address,"
			+ " w.active FROM supply_warehouse w";

	private static Warehouse warehouse(ResultSet rs, int i) throws SQLException {
		Long unit = rs.getObject(5, Long.class);
		return new Warehouse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), unit, rs.getString(6),
				rs.getBoolean(7));
	}

	/** The warehouses the user reads, district first, then by place and name. */
	public List<Warehouse> warehouses(CurrentUser user) {
		return jdbc.sql(WAREHOUSE + " WHERE " + SupplyAccess.warehouseSql(user) + " ORDER BY CASE w.level WHEN"
				+ " 'DISTRICT' THEN 0 WHEN 'STREET' THEN 1 ELSE 2 END, w.jurisdiction_code, w.name, w.id")
				.query(Reserves::warehouse).list();
	}

	/** Every active warehouse in the user's scope that a request can be allocated to (center). */
	public List<Warehouse> allocatable(CurrentUser user) {
		if (!user.has(Role.CENTER)) {
			return List.of();
		}
		return jdbc.sql(WAREHOUSE + " WHERE w.active = TRUE AND " + user.scope().sqlCondition("w.jurisdiction_code")
				+ " ORDER BY CASE w.level WHEN 'DISTRICT' THEN 0 WHEN 'STREET' THEN 1 ELSE 2 END, w.jurisdiction_code,"
				+ " w.id").query(Reserves::warehouse).list();
	}

	Warehouse warehouse(long id) {
		return jdbc.sql(WAREHOUSE + " WHERE w.id = ?").param(id).query(Reserves::warehouse).optional()
				.orElseThrow(() -> new NotFoundException("supplies.warehouse.not.found", String.valueOf(id)));
	}

	/** One warehouse the user reads (404 unknown, 403 outside the scope). */
	public Warehouse warehouse(CurrentUser user, long id) {
		Warehouse w = warehouse(id);
		if (!SupplyAccess.readsWarehouse(user, w)) {
			throw new OutOfScopeException("warehouse", String.valueOf(id));
		}
		return w;
	}

	/** A warehouse's name for a page that shows where a request comes from (no stock, so no scope check). */
	public String warehouseName(long id) {
		return jdbc.sql("SELECT name FROM supply_warehouse WHERE id = ?").param(id).query(String.class).optional()
				.orElse("");
	}

	public boolean canKeep(CurrentUser user, Warehouse w) {
		return SupplyAccess.keeps(user, w);
	}

	public boolean canReadReserves(CurrentUser user) {
		return SupplyAccess.readsReserves(user);
	}

	// ------------------------------------------------------------------ stock

	private static LotBalance lot(ResultSet rs, int i) throws SQLException {
		return new LotBalance(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getLong(6));
	}

	private static final String LOTS = "SELECT l.id, l.warehouse_id, l.item_code, l.lot, l.expires_on, l.balance"
			+ " FROM supply_lot l";
	/** First expiry first out: lots without a date last, then the older lot. */
	static final String FEFO = " ORDER BY CASE WHEN l.expires_on IS NULL THEN 1 ELSE 0 END, l.expires_on, l.id";

	/**
	 * The balance per lot of the warehouses the user reads, for one warehouse and/or one item when given (lots with a
	 * zero balance left out), per item first-expiry-first.
	 */
	public List<LotBalance> stock(CurrentUser user, @Nullable Long warehouseId, @Nullable String itemCode) {
		StringBuilder sql = new StringBuilder(LOTS + " JOIN supply_warehouse w ON w.id = l.warehouse_id WHERE "
				+ SupplyAccess.warehouseSql(user) + " AND l.balance > 0");
		List<Object> params = new ArrayList<>();
		if (warehouseId != null) {
			warehouse(user, warehouseId);
			sql.append(" AND l.warehouse_id = ?");
			params.add(warehouseId);
		}
		if (itemCode != null && !itemCode.isBlank()) {
			params.add(knownItem(itemCode));
			sql.append(" AND l.item_code = ?");
		}
		sql.append(" ORDER BY l.warehouse_id, l.item_code, CASE WHEN l.expires_on IS NULL THEN 1 ELSE 0 END,"
				+ " l.expires_on, l.id");
		return jdbc.sql(sql.toString()).params(params).query(Reserves::lot).list();
	}

	/** A warehouse's stock per item of the catalogue that it holds or has a minimum for, in catalogue order. */
	public List<ItemStock> itemStock(CurrentUser user, long warehouseId) {
		warehouse(user, warehouseId);
		Map<String, List<LotBalance>> lots = new LinkedHashMap<>();
		for (LotBalance l : stock(user, warehouseId, null)) {
			lots.computeIfAbsent(l.itemCode(), k -> new ArrayList<>()).add(l);
		}
		Map<String, Object[]> minimums = new LinkedHashMap<>();
		jdbc.sql("SELECT item_code, minimum, low_since FROM supply_minimum WHERE warehouse_id = ?").param(warehouseId)
				.query(rs -> {
					minimums.put(rs.getString(1), new Object[] { rs.getLong(2), rs.getObject(3) != null });
				});
		List<ItemStock> out = new ArrayList<>();
		for (Item item : items()) {
			List<LotBalance> its = lots.getOrDefault(item.code(), List.of());
			Object[] min = minimums.get(item.code());
			if (its.isEmpty() && min == null) {
				continue;
			}
			long total = its.stream().mapToLong(LotBalance::balance).sum();
			out.add(new ItemStock(item.code(), total, min == null ? null : (Long) min[0],
					min != null && total < (Long) min[0], its));
		}
		return out;
	}

	/** The ledger of a warehouse, newest first, at most {@code limit} rows (an item's only when given). */
	public List<Movement> ledger(CurrentUser user, long warehouseId, @Nullable String itemCode, int limit) {
		warehouse(user, warehouseId);
		String item = itemCode == null || itemCode.isBlank() ? null : knownItem(itemCode);
		return jdbc.sql("SELECT m.id, m.warehouse_id, m.item_code, l.lot, l.expires_on, m.kind, m.quantity, m.reason,"
				+ " m.transfer_ref, m.request_id, m.done_by, m.done_at FROM supply_movement m JOIN supply_lot l ON"
				+ " l.id = m.lot_id WHERE m.warehouse_id = ?" + (item == null ? "" : " AND m.item_code = ?")
				+ " ORDER BY m.done_at DESC, m.id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)))
				.params(item == null ? List.of(warehouseId) : List.of(warehouseId, item))
				.query((rs, i) -> new Movement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7), rs.getString(8),
						rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11),
						rs.getObject(12, OffsetDateTime.class)))
				.list();
	}

	/**
	 * The first-expiry-first-out suggestion for taking {@code quantity} of an item from a warehouse: the lots in
	 * expiry order, as much of each as it holds, until the quantity is covered (less when the stock is short).
	 */
	public List<Pick> suggest(long warehouseId, String itemCode, long quantity) {
		List<Pick> picks = new ArrayList<>();
		long left = quantity;
		for (LotBalance l : jdbc.sql(LOTS + " WHERE l.warehouse_id = ? AND l.item_code = ? AND l.balance > 0" + FEFO)
				.params(warehouseId, itemCode).query(Reserves::lot).list()) {
			if (left <= 0) {
				break;
			}
			long take = Math.min(left, l.balance());
			picks.add(new Pick(itemCode, l.lot(), l.expiresOn(), take));
			left -= take;
		}
		return picks;
	}

	// ------------------------------------------------------------------ movements

	/** Records a movement for a keeper of the warehouse; answers the ledger rows written. */
	@Transactional
	public List<Movement> move(CurrentUser user, MovementInput in) {
		if (in.warehouseId() == null) {
			throw new InvalidInputException("supplies.warehouse.required");
		}
		Warehouse w = warehouse(in.warehouseId());
		if (!SupplyAccess.keeps(user, w)) {
			throw new OutOfScopeException("warehouse", String.valueOf(w.id()));
		}
		String kind = in.kind() == null ? "" : in.kind().trim().toUpperCase(Locale.ROOT);
		if (!KINDS.contains(kind)) {
			throw new InvalidInputException("supplies.kind.invalid", in.kind() == null ? "" : in.kind());
		}
		String item = knownItem(in.itemCode());
		long quantity = in.quantity() == null ? 0 : in.quantity();
		boolean adjust = "ADJUST".equals(kind);
		if (in.quantity() == null || Math.abs(quantity) > MAX_QUANTITY || (adjust ? quantity == 0 : quantity <= 0)) {
			throw new InvalidInputException(adjust ? "supplies.adjust.quantity.invalid" : "supplies.quantity.invalid",
					MAX_QUANTITY);
		}
		String reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().trim();
		if (reason != null && reason.length() > 300) {
			throw new InvalidInputException("supplies.reason.too.long", 300);
		}
		if (reason == null && (adjust || "TRANSFER".equals(kind))) {
			throw new InvalidInputException("supplies.reason.required");
		}
		String lot = in.lot() == null || in.lot().isBlank() ? null : in.lot().trim();
		if (lot != null && (lot.length() > 40 || lot.chars().anyMatch(Character::isISOControl))) {
			throw new InvalidInputException("supplies.lot.invalid");
		}
		if (lot == null && ("IN".equals(kind) || adjust)) {
			throw new InvalidInputException("supplies.lot.required");
		}
		LocalDate expires = parseDate(in.expiresOn());
		String who = user.username();
		List<Movement> rows = new ArrayList<>();
		switch (kind) {
			case "IN" -> rows.add(put(w, item, lot, expires, quantity, "IN", reason, null, null, who));
			case "OUT" -> rows.addAll(take(w, item, lot, quantity, "OUT", reason, null, null, who));
			case "ADJUST" -> {
				if (quantity > 0) {
					rows.add(put(w, item, lot, expires, quantity, "ADJUST", reason, null, null, who));
				}
				else {
					if (lotId(w.id(), item, lot) == null) {
						throw new InvalidInputException("supplies.lot.unknown", lot);
					}
					rows.addAll(take(w, item, lot, -quantity, "ADJUST", reason, null, null, who));
				}
			}
			default -> {
				if (in.toWarehouseId() == null || in.toWarehouseId() == w.id()) {
					throw new InvalidInputException("supplies.transfer.target.invalid");
				}
				Warehouse to = jdbc.sql(WAREHOUSE + " WHERE w.id = ? AND w.active = TRUE").param(in.toWarehouseId())
						.query(Reserves::warehouse).optional()
						.orElseThrow(() -> new InvalidInputException("supplies.transfer.target.invalid"));
				String ref = "T-" + UUID.randomUUID().toString().substring(0, 13);
				for (Movement out : take(w, item, lot, quantity, "TRANSFER", reason, ref, null, who)) {
					rows.add(out);
					rows.add(put(to, item, out.lot(), out.expiresOn(), -out.quantity(), "TRANSFER", reason, ref, null,
							who));
				}
			}
		}
		audit.record("supplies.stock." + kind.toLowerCase(Locale.ROOT), "warehouse", String.valueOf(w.id()),
				AuditTrail.SUCCESS, item + " " + (lot == null ? "FEFO" : lot) + " " + quantity);
		return rows;
	}

	private static @Nullable LocalDate parseDate(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("supplies.expiry.invalid", text);
		}
	}

	private @Nullable Long lotId(long warehouseId, String item, String lot) {
		return jdbc.sql("SELECT id FROM supply_lot WHERE warehouse_id = ? AND item_code = ? AND lot = ?")
				.params(warehouseId, item, lot).query(Long.class).optional().orElse(null);
	}

	/** Adds to a lot (created when new) and writes its ledger row. */
	Movement put(Warehouse w, String item, String lot, @Nullable LocalDate expires, long quantity, String kind,
			@Nullable String reason, @Nullable String ref, @Nullable Long requestId, String who) {
		Long id = lotId(w.id(), item, lot);
		if (id == null) {
			jdbc.sql("INSERT INTO supply_lot (warehouse_id, item_code, lot, expires_on, balance) VALUES (?, ?, ?, ?, 0)"
					+ " ON CONFLICT DO NOTHING").params(w.id(), item, lot, expires).update();
			id = java.util.Objects.requireNonNull(lotId(w.id(), item, lot));
		}
		LocalDate expiry = jdbc.sql("SELECT expires_on FROM supply_lot WHERE id = ?").param(id)
				.query(LocalDate.class).optional().orElse(null);
		jdbc.sql("UPDATE supply_lot SET balance = balance + ? WHERE id = ?").params(quantity, id).update();
		Movement m = ledgerRow(w.id(), id, item, lot, expiry, kind, quantity, reason, ref, requestId, who);
		checkMinimum(w, item);
		return m;
	}

	/**
	 * Takes {@code quantity} of an item out of a warehouse: from the given lot, or first-expiry-first from its lots.
	 * The lots are locked in a fixed order; each take is a conditional update; too little stock is a 409 and
	 * nothing is taken (the transaction rolls back).
	 */
	List<Movement> take(Warehouse w, String item, @Nullable String lot, long quantity, String kind,
			@Nullable String reason, @Nullable String ref, @Nullable Long requestId, String who) {
		List<LotBalance> lots = jdbc.sql(LOTS + " WHERE l.warehouse_id = ? AND l.item_code = ?"
				+ (lot == null ? "" : " AND l.lot = ?") + " ORDER BY l.id FOR UPDATE")
				.params(lot == null ? List.of(w.id(), item) : List.of(w.id(), item, lot)).query(Reserves::lot).list();
		lots = new ArrayList<>(lots);
		lots.sort(java.util.Comparator.comparing((LotBalance l) -> l.expiresOn() == null ? 1 : 0)
				.thenComparing(l -> l.expiresOn() == null ? LocalDate.MAX : l.expiresOn())
				.thenComparingLong(LotBalance::lotId));
		long available = lots.stream().mapToLong(LotBalance::balance).sum();
		if (available < quantity) {
			throw new ConflictException("supplies.stock.short", available, quantity);
		}
		List<Movement> rows = new ArrayList<>();
		long left = quantity;
		for (LotBalance l : lots) {
			if (left == 0) {
				break;
			}
			long part = Math.min(left, l.balance());
			if (part == 0) {
				continue;
			}
			int updated;
			try {
				updated = jdbc.sql("UPDATE supply_lot SET balance = balance - ? WHERE id = ? AND balance >= ?")
						.params(part, l.lotId(), part).update();
			}
			catch (DataIntegrityViolationException ex) {
				updated = 0;
			}
			if (updated == 0) {
				throw new ConflictException("supplies.stock.short", available, quantity);
			}
			rows.add(ledgerRow(w.id(), l.lotId(), item, l.lot(), l.expiresOn(), kind, -part, reason, ref, requestId,
					who));
			left -= part;
		}
		checkMinimum(w, item);
		return rows;
	}

	private Movement ledgerRow(long warehouseId, long lotId, String item, String lot, @Nullable LocalDate expiry,
			String kind, long quantity, @Nullable String reason, @Nullable String ref, @Nullable Long requestId,
			String who) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO supply_movement (warehouse_id, lot_id, item_code, kind, quantity, reason, transfer_ref,"
				+ " request_id, done_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(warehouseId, lotId, item, kind, quantity, reason, ref, requestId, who, now).update(keys, "id");
		return new Movement(java.util.Objects.requireNonNull(keys.getKey()).longValue(), warehouseId, item, lot, expiry,
				kind, quantity, reason, ref, requestId, who, now);
	}

	// ------------------------------------------------------------------ minimum levels and the low-stock alert

	/** Sets (or with null removes) the minimum level of an item in a warehouse (its keepers). */
	@Transactional
	public void setMinimum(CurrentUser user, long warehouseId, @Nullable String itemCode, @Nullable Long minimum) {
		Warehouse w = warehouse(warehouseId);
		if (!SupplyAccess.keeps(user, w)) {
			throw new OutOfScopeException("warehouse", String.valueOf(warehouseId));
		}
		String item = knownItem(itemCode);
		if (minimum != null && (minimum < 0 || minimum > MAX_QUANTITY)) {
			throw new InvalidInputException("supplies.minimum.invalid", MAX_QUANTITY);
		}
		jdbc.sql("DELETE FROM supply_minimum WHERE warehouse_id = ? AND item_code = ?").params(warehouseId, item)
				.update();
		if (minimum != null) {
			jdbc.sql("INSERT INTO supply_minimum (warehouse_id, item_code, minimum) VALUES (?, ?, ?)")
					.params(warehouseId, item, minimum).update();
			checkMinimum(w, item);
		}
		audit.record("supplies.minimum", "warehouse", String.valueOf(warehouseId), AuditTrail.SUCCESS,
				item + " " + minimum);
	}

	/**
	 * Marks the item low when its total fell below the minimum (a conditional update, so one note per crossing even
	 * when two takes cross together) and sends the keepers one inbox note; clears the mark once it is back.
	 */
	void checkMinimum(Warehouse w, String item) {
		Long minimum = jdbc.sql("SELECT minimum FROM supply_minimum WHERE warehouse_id = ? AND item_code = ?")
				.params(w.id(), item).query(Long.class).optional().orElse(null);
		if (minimum == null) {
			return;
		}
		long total = jdbc.sql("SELECT COALESCE(SUM(balance), 0) FROM supply_lot WHERE warehouse_id = ? AND item_code = ?")
				.params(w.id(), item).query(Long.class).single();
		if (total >= minimum) {
			jdbc.sql("UPDATE supply_minimum SET low_since = NULL WHERE warehouse_id = ? AND item_code = ?"
					+ " AND low_since IS NOT NULL").params(w.id(), item).update();
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (jdbc.sql("UPDATE supply_minimum SET low_since = ? WHERE warehouse_id = ? AND item_code = ?"
				+ " AND low_since IS NULL").params(now, w.id(), item).update() == 0) {
			return;
		}
		Item it = itemsByCode().get(item);
		String name = it == null ? item : it.nameZh();
		String unit = it == null ? "" : it.unitZh();
		String title = messages.getMessage("supplies.low.title", new Object[] { name, w.name() }, DISTRICT);
		String body = messages.getMessage("supplies.low.body", new Object[] { name, w.name(), total, minimum, unit },
				DISTRICT);
		for (AccountView a : keepersOf(w)) {
			notifications.toUser(a.id(), title, body, "/supplies?warehouse=" + w.id(),
					"supply-low:" + w.id() + ":" + item + ":" + now.toInstant().toEpochMilli() + ":" + a.id());
		}
	}

	/** Who keeps a warehouse: its unit's members, or the staff of its level in its place. */
	List<AccountView> keepersOf(Warehouse w) {
		if (w.unitId() != null) {
			return accounts.membersOf(w.unitId()).stream()
					.filter(a -> a.roles().contains(Role.DEPT) || a.roles().contains(Role.CENTER)).toList();
		}
		Role keeper = switch (w.level()) {
			case "DISTRICT" -> Role.CENTER;
			case "STREET" -> Role.STREET;
			default -> Role.COMMUNITY;
		};
		return accounts.staffWithin(Set.of(keeper), null, Scope.of(List.of(w.jurisdictionCode())));
	}
}
