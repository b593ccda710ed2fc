package org.gridlink.supplies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Word;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community supply requests: a community asks (items, quantities, reason); its street approves and may only cut;
 * the center allocates a warehouse; the warehouse's keepers ship (partial quantities allowed; the stock leaves the
 * warehouse first-expiry-first through {@link Reserves}); the community confirms what arrived. Each step is one
 * versioned update ({@code WHERE version = ?}, 0 rows → 409) with its lines, audit entry and the next step's time
 * limit ({@code gridlink.supplies.hours.*}); an overdue step is urged once by {@link SupplyUrging}.
 */
@Service
public class SupplyRequests {

	static final int MAX_LINES = 30;
	static final long MAX_QUANTITY = 1_000_000;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditTrail audit;
	private final Reserves reserves;
	private final Map<RequestStatus, Duration> limits = new HashMap<>();

	SupplyRequests(JdbcClient jdbc, Clock clock, AuditTrail audit, Reserves reserves,
			@Value("${gridlink.supplies.hours.approve:24}") long approve,
			@Value("${gridlink.supplies.hours.allocate:24}") long allocate,
			@Value("${gridlink.supplies.hours.ship:48}") long ship,
			@Value("${gridlink.supplies.hours.receive:24}") long receive) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.reserves = reserves;
		limits.put(RequestStatus.REQUESTED, Duration.ofHours(approve));
		limits.put(RequestStatus.APPROVED, Duration.ofHours(allocate));
		limits.put(RequestStatus.ALLOCATED, Duration.ofHours(ship));
		limits.put(RequestStatus.SHIPPED, Duration.ofHours(receive));
	}

	/** The time limit of the step due in this status (null when final). */
	public @Nullable Duration limitOf(RequestStatus status) {
		return limits.get(status);
	}

	private @Nullable OffsetDateTime dueAfter(RequestStatus status, OffsetDateTime now) {
		Duration limit = limits.get(status);
		return limit == null ? null : now.plus(limit);
	}

	// ------------------------------------------------------------------ create

	@Transactional
	public SupplyRequestView create(CurrentUser user, NewSupplyRequest in) {
		String code = in.jurisdictionCode() == null ? "" : in.jurisdictionCode().trim();
		if (!JurisdictionCode.isValid(code)
				|| JurisdictionCode.of(code).level() != org.gridlink.shared.JurisdictionLevel.COMMUNITY) {
			throw new InvalidInputException("supplies.request.place.invalid", code);
		}
		if (!SupplyAccess.mayRequest(user, code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		String reason = in.reason() == null ? "" : in.reason().trim();
		if (reason.isEmpty() || reason.length() > 500) {
			throw new InvalidInputException("supplies.request.reason.invalid", 500);
		}
		List<LineInput> lines = in.lines() == null ? List.of() : in.lines();
		if (lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new InvalidInputException("supplies.request.lines.invalid", MAX_LINES);
		}
		Map<String, Long> quantities = new LinkedHashMap<>();
		for (LineInput line : lines) {
			if (line == null) {
				throw new InvalidInputException("supplies.request.lines.invalid", MAX_LINES);
			}
			String item = reserves.knownItem(line.itemCode());
			Long q = line.quantity();
			if (q == null || q <= 0 || q > MAX_QUANTITY) {
				throw new InvalidInputException("supplies.quantity.invalid", MAX_QUANTITY);
			}
			if (quantities.put(item, q) != null) {
				throw new InvalidInputException("supplies.request.item.twice", item);
			}
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO supply_request (jurisdiction_code, street_code, reason, status, requested_by,"
				+ " requested_at, step_due_at) VALUES (?, ?, ?, 'REQUESTED', ?, ?, ?)")
				.params(code, code.substring(0, 9) + "000", reason, user.username(), now,
						dueAfter(RequestStatus.REQUESTED, now))
				.update(keys, "id");
		long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		int position = 0;
		for (Map.Entry<String, Long> e : quantities.entrySet()) {
			jdbc.sql("INSERT INTO supply_request_line (request_id, item_code, position, requested) VALUES (?, ?, ?, ?)")
					.params(id, e.getKey(), ++position, e.getValue()).update();
		}
		audit.record("supplies.request.create", "supply-request", String.valueOf(id), AuditTrail.SUCCESS, code);
		return load(id);
	}

	// ------------------------------------------------------------------ steps

	/** One step: {@code approve}, {@code allocate}, {@code ship} or {@code receive}. */
	@Transactional
	public SupplyRequestView act(CurrentUser user, long id, String action, StepInput in) {
		SupplyRequestView r = get(user, id);
		String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
		if (note != null && note.length() > 500) {
			throw new InvalidInputException("supplies.note.too.long", 500);
		}
		RequestStatus expected = switch (action) {
			case "approve" -> RequestStatus.REQUESTED;
			case "allocate" -> RequestStatus.APPROVED;
			case "ship" -> RequestStatus.ALLOCATED;
			case "receive" -> RequestStatus.SHIPPED;
			default -> throw new InvalidInputException("supplies.action.unknown", action);
		};
		boolean allowed = switch (action) {
			case "approve" -> SupplyAccess.mayApprove(user, r.jurisdictionCode());
			case "allocate" -> SupplyAccess.mayAllocate(user, r.jurisdictionCode());
			case "ship" -> r.warehouseId() != null && SupplyAccess.keeps(user, reserves.warehouse(r.warehouseId()));
			default -> SupplyAccess.mayReceive(user, r.jurisdictionCode());
		};
		if (!allowed) {
			throw new OutOfScopeException("supply-request", String.valueOf(id));
		}
		if (r.status() != expected) {
			throw new ConflictException("supplies.step.not.now", new Word("supplies.action." + action),
					new Word("supplies.status." + r.status().name()));
		}
		if (in.version() != null && in.version() != r.version()) {
			throw new ConflictException("supplies.stale");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		String who = user.username();
		switch (action) {
			case "approve" -> {
				Map<String, Long> approved = quantities(r, in.lines(), RequestLine::requested, "supplies.approve.only.cut");
				boolean any = approved.values().stream().anyMatch(q -> q > 0);
				RequestStatus next = any ? RequestStatus.APPROVED : RequestStatus.REFUSED;
				step(r, next, "approved_by = ?, approved_at = ?", List.of(who, now), note, now);
				setLines(r.id(), "approved", approved);
			}
			case "allocate" -> {
				if (in.warehouseId() == null) {
					throw new InvalidInputException("supplies.warehouse.required");
				}
				Warehouse w = reserves.allocatable(user).stream().filter(x -> x.id() == in.warehouseId()).findFirst()
						.orElseThrow(() -> new InvalidInputException("supplies.warehouse.not.allocatable"));
				step(r, RequestStatus.ALLOCATED, "allocated_by = ?, allocated_at = ?, warehouse_id = ?",
						List.of(who, now, w.id()), note, now);
			}
			case "ship" -> {
				Map<String, Long> shipped = quantities(r, in.lines(), l -> l.approved() == null ? 0 : l.approved(),
						"supplies.ship.over.approved");
				step(r, RequestStatus.SHIPPED, "shipped_by = ?, shipped_at = ?", List.of(who, now), note, now);
				Warehouse w = reserves.warehouse(java.util.Objects.requireNonNull(r.warehouseId()));
				Map<String, String> lots = new HashMap<>();
				for (LineInput l : in.lines() == null ? List.<LineInput>of() : in.lines()) {
					if (l != null && l.itemCode() != null && l.lot() != null && !l.lot().isBlank()) {
						lots.put(l.itemCode().trim(), l.lot().trim());
					}
				}
				for (Map.Entry<String, Long> e : shipped.entrySet()) {
					if (e.getValue() > 0) {
						reserves.take(w, e.getKey(), lots.get(e.getKey()), e.getValue(), "OUT",
								"#" + r.id(), null, r.id(), who);
					}
				}
				setLines(r.id(), "shipped", shipped);
			}
			default -> {
				Map<String, Long> received = quantities(r, in.lines(), l -> l.shipped() == null ? 0 : l.shipped(),
						"supplies.receive.over.shipped");
				step(r, RequestStatus.RECEIVED, "received_by = ?, received_at = ?", List.of(who, now), note, now);
				setLines(r.id(), "received", received);
			}
		}
		audit.record("supplies.request." + action, "supply-request", String.valueOf(id), AuditTrail.SUCCESS, null);
		return load(id);
	}

	/**
	 * The quantities of a step per line: a line given gets its quantity (0 up to {@code cap} of the line; more is
	 * {@code overKey}), a line left out keeps {@code cap}. An item not on the request is refused.
	 */
	private Map<String, Long> quantities(SupplyRequestView r, @Nullable List<LineInput> given,
			java.util.function.ToLongFunction<RequestLine> cap, String overKey) {
		Map<String, RequestLine> byItem = new LinkedHashMap<>();
		r.lines().forEach(l -> byItem.put(l.itemCode(), l));
		Map<String, Long> out = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (LineInput l : given == null ? List.<LineInput>of() : given) {
			if (l == null || l.itemCode() == null || !byItem.containsKey(l.itemCode().trim())) {
				throw new InvalidInputException("supplies.line.not.on.request", l == null ? "" : l.itemCode());
			}
			String item = l.itemCode().trim();
			if (!seen.add(item)) {
				throw new InvalidInputException("supplies.request.item.twice", item);
			}
			if (l.quantity() == null || l.quantity() < 0) {
				throw new InvalidInputException("supplies.step.quantity.invalid");
			}
			long max = cap.applyAsLong(byItem.get(item));
			if (l.quantity() > max) {
				throw new InvalidInputException(overKey, item, max);
			}
			out.put(item, l.quantity());
		}
		for (RequestLine l : r.lines()) {
			out.putIfAbsent(l.itemCode(), cap.applyAsLong(l));
		}
		return out;
	}

	private void step(SupplyRequestView r, RequestStatus next, String columns, List<Object> values,
			@Nullable String note, OffsetDateTime now) {
		List<Object> params = new ArrayList<>();
		params.add(next.name());
		params.addAll(values);
		params.add(note == null ? r.note() : note);
		params.add(dueAfter(next, now));
		params.add(r.id());
		params.add(r.version());
		int updated = jdbc.sql("UPDATE supply_request SET status = ?, " + columns + ", note = ?, step_due_at = ?,"
				+ " urged = FALSE, version = version + 1 WHERE id = ? AND version = ?").params(params).update();
		if (updated == 0) {
			throw new ConflictException("supplies.stale");
		}
	}

	private void setLines(long id, String column, Map<String, Long> quantities) {
		for (Map.Entry<String, Long> e : quantities.entrySet()) {
			jdbc.sql("UPDATE supply_request_line SET " + column + " = ? WHERE request_id = ? AND item_code = ?")
					.params(e.getValue(), id, e.getKey()).update();
		}
	}

	// ------------------------------------------------------------------ reads

	private static final String REQUEST = "SELECT r.id, r.jurisdiction_code, r.street_code, r.reason, r.status,"
			+ " r.warehouse_id, r.requested_by, r.requested_at, r.approved_by, r.approved_at, r.allocated_by,"
			+ " r.allocated_at, r.shipped_by, r.shipped_at, r.received_by, r.received_at, r.note, r.step_due_at,"
			+ " r.version FROM supply_request r";

	private SupplyRequestView row(ResultSet rs, List<RequestLine> lines) throws SQLException {
		OffsetDateTime due = rs.getObject(18, OffsetDateTime.class);
		Long warehouse = rs.getObject(6, Long.class);
		return new SupplyRequestView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				RequestStatus.valueOf(rs.getString(5)), warehouse, rs.getString(7),
				rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
				rs.getString(11), rs.getObject(12, OffsetDateTime.class), rs.getString(13),
				rs.getObject(14, OffsetDateTime.class), rs.getString(15), rs.getObject(16, OffsetDateTime.class),
				rs.getString(17), due, due != null && due.isBefore(OffsetDateTime.now(clock)), rs.getInt(19), lines);
	}

	private Map<Long, List<RequestLine>> linesOf(List<Long> ids) {
		Map<Long, List<RequestLine>> out = new HashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
		jdbc.sql("SELECT request_id, item_code, requested, approved, shipped, received FROM supply_request_line"
				+ " WHERE request_id IN (" + in + ") ORDER BY request_id, position").params(new ArrayList<>(ids))
				.query(rs -> {
					out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RequestLine(rs.getString(2),
							rs.getLong(3), rs.getObject(4, Long.class), rs.getObject(5, Long.class),
							rs.getObject(6, Long.class)));
				});
		return out;
	}

	SupplyRequestView load(long id) {
		List<RequestLine> lines = linesOf(List.of(id)).getOrDefault(id, List.of());
		return jdbc.sql(REQUEST + " WHERE r.id = ?").param(id).query((rs, i) -> row(rs, lines)).optional()
				.orElseThrow(() -> new NotFoundException("supplies.request.not.found", String.valueOf(id)));
	}

	/** One request the user reads (404 unknown, 403 outside the scope). */
	public SupplyRequestView get(CurrentUser user, long id) {
		SupplyRequestView r = load(id);
		boolean reads = jdbc.sql("SELECT COUNT(*) FROM supply_request r WHERE r.id = ? AND "
				+ SupplyAccess.requestSql(user)).param(id).query(Long.class).single() > 0;
		if (!reads) {
			throw new OutOfScopeException("supply-request", String.valueOf(id));
		}
		return r;
	}

	/** The requests the user reads, newest first; a status and/or a place (its subtree) when given. */
	public Page<SupplyRequestView> list(CurrentUser user, @Nullable RequestStatus status, @Nullable String place,
			Pageable pageable) {
		StringBuilder where = new StringBuilder(" WHERE " + SupplyAccess.requestSql(user));
		List<Object> params = new ArrayList<>();
		if (status != null) {
			where.append(" AND r.status = ?");
			params.add(status.name());
		}
		if (place != null && !place.isBlank()) {
			if (!JurisdictionCode.isValid(place.trim())) {
				throw new InvalidInputException("supplies.place.invalid", place);
			}
			where.append(" AND r.jurisdiction_code LIKE ?");
			params.add(JurisdictionCode.of(place.trim()).prefix() + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM supply_request r" + where).params(params).query(Long.class)
				.single();
		List<Long> ids = new ArrayList<>();
		jdbc.sql("SELECT r.id FROM supply_request r" + where + " ORDER BY r.requested_at DESC, r.id DESC LIMIT "
				+ pageable.getPageSize() + " OFFSET " + pageable.getOffset()).params(params).query(Long.class).list()
				.forEach(ids::add);
		Map<Long, List<RequestLine>> lines = linesOf(ids);
		List<SupplyRequestView> out = new ArrayList<>();
		if (!ids.isEmpty()) {
			String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
			jdbc.sql(REQUEST + " WHERE r.id IN (" + in + ") ORDER BY r.requested_at DESC, r.id DESC")
					.params(new ArrayList<>(ids))
					.query((rs, i) -> row(rs, lines.getOrDefault(rs.getLong(1), List.of()))).list().forEach(out::add);
		}
		return new PageImpl<>(out, pageable, total);
	}

	/** How many requests wait for this user's step (home, menus). */
	public long waitingFor(CurrentUser user) {
		long n = 0;
		for (SupplyRequestView r : list(user, null, null, org.springframework.data.domain.PageRequest.of(0, 200))) {
			if (!r.status().isFinal() && canAct(user, r, r.status().next())) {
				n++;
			}
		}
		return n;
	}

	/** Whether the user may take this step of the request now (pages show the button). */
	public boolean canAct(CurrentUser user, SupplyRequestView r, @Nullable String action) {
		if (action == null || !action.equals(r.status().next())) {
			return false;
		}
		return switch (action) {
			case "approve" -> SupplyAccess.mayApprove(user, r.jurisdictionCode());
			case "allocate" -> SupplyAccess.mayAllocate(user, r.jurisdictionCode());
			case "ship" -> r.warehouseId() != null && SupplyAccess.keeps(user, reserves.warehouse(r.warehouseId()));
			case "receive" -> SupplyAccess.mayReceive(user, r.jurisdictionCode());
			default -> false;
		};
	}

	public boolean canRequest(CurrentUser user) {
		return SupplyAccess.requests(user);
	}

	public boolean canRead(CurrentUser user) {
		return SupplyAccess.readsReserves(user);
	}

	public boolean canReadGaps(CurrentUser user) {
		return SupplyAccess.readsPlaces(user);
	}

	// ------------------------------------------------------------------ the gap board

	/**
	 * Per community and item of the requests of the last {@code days} days under {@code place} (default: the user's
	 * scope): requested, approved, shipped, received, short (requested less received) and still open (requested on
	 * requests not yet received or refused).
	 */
	public List<GapLine> gaps(CurrentUser user, @Nullable String place, int days) {
		if (!SupplyAccess.readsPlaces(user)) {
			throw new OutOfScopeException("supply-gaps", place == null ? "" : place);
		}
		if (days < 1 || days > 366) {
			throw new InvalidInputException("supplies.days.invalid", 366);
		}
		List<Object> params = new ArrayList<>();
		params.add(OffsetDateTime.now(clock).minusDays(days));
		String filter = "";
		if (place != null && !place.isBlank()) {
			if (!JurisdictionCode.isValid(place.trim())) {
				throw new InvalidInputException("supplies.place.invalid", place);
			}
			filter = " AND r.jurisdiction_code LIKE ?";
			params.add(JurisdictionCode.of(place.trim()).prefix() + "%");
		}
		return jdbc.sql("SELECT r.jurisdiction_code, l.item_code, SUM(l.requested), SUM(COALESCE(l.approved, 0)),"
				+ " SUM(COALESCE(l.shipped, 0)), SUM(COALESCE(l.received, 0)), SUM(CASE WHEN r.status IN ('RECEIVED',"
				+ " 'REFUSED') THEN 0 ELSE l.requested END) FROM supply_request r JOIN supply_request_line l ON"
				+ " l.request_id = r.id WHERE r.requested_at >= ? AND " + user.scope().sqlCondition("r.jurisdiction_code")
				+ filter + " GROUP BY r.jurisdiction_code, l.item_code ORDER BY r.jurisdiction_code, l.item_code")
				.params(params)
				.query((rs, i) -> new GapLine(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6), rs.getLong(3) - rs.getLong(6), rs.getLong(7)))
				.list();
	}
}
