package org.gridlink.quarantine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarantine orders: at home or in a bed of a centralized site, from a start day to a planned end given by the rules
 * (days since the last exposure); extended, transferred between sites/beds or home, and released — at the end or
 * early with a reason — which hands the person back to their grid ({@link QuarantineReleased}). A bed holds one
 * active order: the database refuses a second one (unique {@code occupied_bed_id}), also for concurrent admissions;
 * a person has at most one active order (unique {@code active_person_id}).
 */
@Service
public class QuarantineOrders {

	/** The district's time zone: quarantine days are local calendar days (the {@link Clock} bean's zone). */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final int MAX_EXTENSION_DAYS = QuarantineOrder.MAX_EXTENSION_DAYS;
	static final int MAX_START_OFFSET_DAYS = 14;

	static final String SELECT = """
			SELECT o.*, p.resident_id, p.name, p.name_masked, p.grid_code, s.name AS site_name, r.room_number,
			b.label AS bed_label
			FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id
			LEFT JOIN quarantine_site s ON s.id = o.site_id LEFT JOIN quarantine_room r ON r.id = o.room_id
			LEFT JOIN quarantine_bed b ON b.id = o.bed_id""";

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Contacts contacts;
	private final QuarantineRules rules;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	QuarantineOrders(JdbcClient jdbc, AuditTrail audit, Contacts contacts, QuarantineRules rules,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.contacts = contacts;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/** Orders quarantine for a person the caller may see; the planned end comes from the rules. */
	@Transactional
	public OrderView order(CurrentUser user, NewOrder order) {
		QuarantineAccess.require(user, QuarantineAccess.WRITERS, "order");
		if (order.personId() == null) {
			throw new InvalidInputException("quarantine.person.required");
		}
		if (order.type() == null) {
			throw new InvalidInputException("quarantine.type.invalid");
		}
		PersonView person = contacts.person(user, order.personId());
		LocalDate today = today();
		LocalDate start = order.startDate() == null ? today : order.startDate();
		if (start.isBefore(today.minusDays(MAX_START_OFFSET_DAYS)) || start.isAfter(today.plusDays(MAX_START_OFFSET_DAYS))) {
			throw new InvalidInputException("quarantine.start.invalid", MAX_START_OFFSET_DAYS);
		}
		QuarantineRules.Planned planned = rules.planned(person.id())
				.orElseThrow(() -> new InvalidInputException("quarantine.order.noContact"));
		if (!planned.plannedEnd().isAfter(start)) {
			throw new InvalidInputException("quarantine.order.notNeeded", planned.plannedEnd().toString());
		}
		if (person.activeOrderId() != null) {
			throw new ConflictException("quarantine.order.active");
		}
		QuarantineOrder.Bed bed = order.type() == OrderType.CENTRALIZED ? bed(order.siteId(), order.bedId()) : null;
		if (order.type() == OrderType.HOME && (order.bedId() != null || order.siteId() != null)) {
			throw new InvalidInputException("quarantine.home.noBed");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		try {
			jdbc.sql("""
					INSERT INTO quarantine_order (person_id, type, site_id, room_id, bed_id, occupied_bed_id, active_person_id,
					last_exposure, start_date, planned_end, status, created_by, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
					.params(person.id(), order.type().name(), bed == null ? null : bed.siteId(),
							bed == null ? null : bed.roomId(), bed == null ? null : bed.id(), bed == null ? null : bed.id(),
							person.id(), planned.lastExposure(), start, planned.plannedEnd(), user.username(), now)
					.update();
		}
		catch (DuplicateKeyException ex) {
			throw taken(ex);
		}
		long id = jdbc.sql("SELECT id FROM quarantine_order WHERE active_person_id = ?").param(person.id())
				.query(Long.class).single();
		event(id, "ORDERED", null, order.type() + " " + start + " – " + planned.plannedEnd(), "", user, now);
		if (bed != null) {
			event(id, "ADMITTED", bed.siteId(), bed.describe(), "", user, now);
		}
		events.publishEvent(new QuarantineOrdered(id, person.gridCode(), order.type().name(), now));
		audit.record("QUARANTINE_ORDER", "quarantineOrder", String.valueOf(id), AuditTrail.SUCCESS,
				"person=" + person.id() + " type=" + order.type() + (bed == null ? "" : " bed=" + bed.id())
						+ " plannedEnd=" + planned.plannedEnd());
		return find(id).orElseThrow();
	}

	/** Extends an active order to a later planned end, with a reason. */
	@Transactional
	public OrderView extend(CurrentUser user, long id, @Nullable LocalDate plannedEnd, @Nullable String reason,
			@Nullable Integer version) {
		QuarantineOrder.Step step = active(user, id, version).extend(plannedEnd, reason);
		save(step, user);
		audit.record("QUARANTINE_EXTEND", "quarantineOrder", String.valueOf(id), AuditTrail.SUCCESS,
				"plannedEnd=" + plannedEnd + " reason=" + step.entries().get(0).reason());
		return find(id).orElseThrow();
	}

	/**
	 * Moves an active order to another bed or site, or between home and a site, with a reason. The new bed is taken
	 * under the same unique constraint as an admission.
	 */
	@Transactional
	public OrderView transfer(CurrentUser user, long id, @Nullable OrderType type, @Nullable Long siteId,
			@Nullable Long bedId, @Nullable String reason, @Nullable Integer version) {
		QuarantineOrder order = active(user, id, version);
		String why = QuarantineOrder.reason(reason);
		if (type == null) {
			throw new InvalidInputException("quarantine.type.invalid");
		}
		if (type == OrderType.HOME && (siteId != null || bedId != null)) {
			throw new InvalidInputException("quarantine.home.noBed");
		}
		QuarantineOrder.Bed bed = type == OrderType.CENTRALIZED ? bed(siteId, bedId) : null;
		QuarantineOrder.Step step = order.transfer(type, bed, why);
		try {
			save(step, user);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("quarantine.bed.taken");
		}
		audit.record("QUARANTINE_TRANSFER", "quarantineOrder", String.valueOf(id), AuditTrail.SUCCESS,
				order.place() + " -> " + step.order().place() + " reason=" + why);
		return find(id).orElseThrow();
	}

	/**
	 * Releases an active order: at or after the planned end (COMPLETED), or before it (EARLY, a reason is required).
	 * The bed is freed and the person handed back to their grid.
	 */
	@Transactional
	public OrderView release(CurrentUser user, long id, @Nullable String reason, @Nullable Integer version) {
		QuarantineOrder.Step step = active(user, id, version).release(today(), reason, user.username(),
				OffsetDateTime.now(clock));
		save(step, user);
		QuarantineOrder.Release release = java.util.Objects.requireNonNull(step.order().release());
		audit.record("QUARANTINE_RELEASE", "quarantineOrder", String.valueOf(id), AuditTrail.SUCCESS,
				(release.kind() == ReleaseKind.EARLY ? "early" : "completed") + " grid=" + step.order().gridCode()
						+ (release.reason().isEmpty() ? "" : " reason=" + release.reason()));
		return find(id).orElseThrow();
	}

	/** One order the caller may see (the person's grid in scope, or a contact they reported). */
	public OrderView get(CurrentUser user, long id) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		return jdbc.sql(SELECT + " WHERE o.id = ? AND " + QuarantineAccess.personVisible(user)).param(id)
				.query(QuarantineOrders::row).optional().orElseThrow(() -> {
					boolean exists = find(id).isPresent();
					return exists ? new OutOfScopeException("quarantineOrder", String.valueOf(id))
							: new NotFoundException("quarantine.not.found", String.valueOf(id));
				});
	}

	/** True when the caller may see the order. */
	public boolean canSee(CurrentUser user, long id) {
		return QuarantineAccess.has(user, QuarantineAccess.READERS) && jdbc.sql("SELECT COUNT(*) FROM quarantine_order o"
				+ " JOIN quarantine_person p ON p.id = o.person_id WHERE o.id = ? AND "
				+ QuarantineAccess.personVisible(user)).param(id).query(Long.class).single() > 0;
	}

	/** True when the caller may order, extend, transfer and release (center, street, community staff). */
	public boolean canWrite(CurrentUser user) {
		return QuarantineAccess.has(user, QuarantineAccess.WRITERS);
	}

	/** The order's history, oldest first. */
	public List<OrderEvent> history(CurrentUser user, long id) {
		get(user, id);
		return jdbc.sql("SELECT * FROM quarantine_order_event WHERE order_id = ? ORDER BY occurred_at, id").param(id)
				.query((rs, i) -> new OrderEvent(rs.getLong("id"), rs.getString("action"),
						rs.getObject("site_id", Long.class), rs.getString("detail"), rs.getString("reason"),
						rs.getString("actor"), rs.getObject("occurred_at", OffsetDateTime.class)))
				.list();
	}

	/** Orders the caller may see, filtered; active ones by planned end, others newest first. */
	public Page<OrderView> list(CurrentUser user, OrderQuery query, Pageable pageable) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		StringBuilder where = new StringBuilder(" WHERE " + QuarantineAccess.personVisible(user));
		List<Object> params = new ArrayList<>();
		if (query.status() != null) {
			where.append(" AND o.status = ?");
			params.add(query.status().name());
		}
		if (query.type() != null) {
			where.append(" AND o.type = ?");
			params.add(query.type().name());
		}
		if (query.siteId() != null) {
			where.append(" AND o.site_id = ?");
			params.add(query.siteId());
		}
		if (query.jurisdiction() != null && !query.jurisdiction().isBlank()) {
			where.append(" AND p.grid_code LIKE ?");
			params.add(QuarantineAccess.filterPrefix(user, query.jurisdiction()) + "%");
		}
		String from = " FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id";
		long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
		List<Object> page = new ArrayList<>(params);
		page.add(pageable.getPageSize());
		page.add(pageable.getOffset());
		List<OrderView> rows = jdbc.sql(SELECT + where
				+ " ORDER BY CASE WHEN o.status = 'ACTIVE' THEN 0 ELSE 1 END, o.planned_end, o.id DESC LIMIT ? OFFSET ?")
				.params(page).query(QuarantineOrders::row).list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** The orders of a person the caller may see, newest first. */
	public List<OrderView> ofPerson(CurrentUser user, long personId) {
		contacts.person(user, personId);
		return jdbc.sql(SELECT + " WHERE o.person_id = ? ORDER BY o.id DESC").param(personId)
				.query(QuarantineOrders::row).list();
	}

	/**
	 * Active home orders of one grid, by planned end — for system jobs (check-in reminders, missed check-in alerts)
	 * that run without a signed-in user. Callers showing them to a user must check that user's scope.
	 */
	public List<OrderView> activeHomeOrders(String gridCode) {
		return jdbc.sql(SELECT + " WHERE o.status = 'ACTIVE' AND o.type = 'HOME' AND p.grid_code = ?"
				+ " ORDER BY o.planned_end, o.id").param(gridCode).query(QuarantineOrders::row).list();
	}

	/** All active orders of a type (null: both), by grid — for system jobs; not scope-filtered. */
	public List<OrderView> activeOrders(@Nullable OrderType type) {
		return jdbc.sql(SELECT + " WHERE o.status = 'ACTIVE'" + (type == null ? "" : " AND o.type = '" + type.name() + "'")
				+ " ORDER BY p.grid_code, o.planned_end, o.id").query(QuarantineOrders::row).list();
	}

	/** One order by id without a scope check — for system jobs and the public check-in link (token checked there). */
	public Optional<OrderView> find(long id) {
		return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(QuarantineOrders::row).optional();
	}

	/** Today in the district (quarantine days are local calendar days). */
	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The order to act on: the caller may write and see it, it is active, and it is at the version they saw. */
	private QuarantineOrder active(CurrentUser user, long id, @Nullable Integer version) {
		QuarantineAccess.require(user, QuarantineAccess.WRITERS, "act");
		QuarantineOrder order = QuarantineOrder.of(get(user, id)).requireActive();
		if (version != null && version != order.version()) {
			throw new ConflictException("quarantine.stale", String.valueOf(id));
		}
		return order;
	}

	/**
	 * Writes a step: the order's state in one update at the version it was read (a concurrent change makes it a
	 * conflict), its history entries, and its event.
	 */
	private void save(QuarantineOrder.Step step, CurrentUser user) {
		QuarantineOrder o = step.order();
		QuarantineOrder.Release release = o.release();
		int updated = jdbc.sql("""
				UPDATE quarantine_order SET type = ?, site_id = ?, room_id = ?, bed_id = ?, occupied_bed_id = ?,
				planned_end = ?, status = ?, active_person_id = ?, release_kind = ?, release_reason = ?, released_at = ?,
				released_by = ?, version = version + 1
				WHERE id = ? AND version = ? AND status = 'ACTIVE'""")
				.params(o.type().name(), o.siteId(), o.roomId(), o.bedId(), o.occupiedBedId(), o.plannedEnd(),
						o.status().name(), o.status() == OrderStatus.ACTIVE ? o.personId() : null,
						release == null ? null : release.kind().name(), release == null ? null : release.reason(),
						release == null ? null : release.at(), release == null ? null : release.by(), o.id(),
						o.version())
				.update();
		if (updated == 0) {
			throw new ConflictException("quarantine.stale", String.valueOf(o.id()));
		}
		OffsetDateTime now = release == null ? OffsetDateTime.now(clock) : release.at();
		for (QuarantineOrder.Entry entry : step.entries()) {
			event(o.id(), entry.action(), entry.siteId(), entry.detail(), entry.reason(), user, now);
		}
		if (step.event() != null) {
			events.publishEvent(step.event());
		}
	}

	/**
	 * Which unique constraint refused the order. The transaction is aborted on PostgreSQL after the failed insert, so
	 * this reads the violated constraint's name from the database's message instead of querying again.
	 */
	private static RuntimeException taken(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT);
		// the constraint's name: H2 also quotes the whole statement, which names both columns
		boolean person = message.contains("quarantine_order_person");
		return new ConflictException(person ? "quarantine.order.active" : "quarantine.bed.taken");
	}

	private void event(long orderId, String action, @Nullable Long siteId, String detail, String reason,
			CurrentUser user, OffsetDateTime at) {
		jdbc.sql("""
				INSERT INTO quarantine_order_event (order_id, action, site_id, detail, reason, actor, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""").params(orderId, action, siteId,
				detail.length() > 300 ? detail.substring(0, 300) : detail, reason, user.username(), at).update();
	}

	/** A bed to admit to: the given one (in service), or the first free bed of the site. */
	private QuarantineOrder.Bed bed(@Nullable Long siteId, @Nullable Long bedId) {
		if (bedId != null) {
			QuarantineOrder.Bed bed = jdbc.sql("""
					SELECT b.id, b.site_id, b.room_id, b.label, r.room_number, s.name, b.in_service FROM quarantine_bed b
					JOIN quarantine_room r ON r.id = b.room_id JOIN quarantine_site s ON s.id = b.site_id WHERE b.id = ?""")
					.param(bedId).query(QuarantineOrders::bedRow).optional()
					.orElseThrow(() -> new InvalidInputException("quarantine.bed.unknown", bedId));
			if (siteId != null && siteId != bed.siteId()) {
				throw new InvalidInputException("quarantine.bed.unknown", bedId);
			}
			if (!bed.inService()) {
				throw new InvalidInputException("quarantine.bed.outOfService", bed.describe());
			}
			return bed;
		}
		if (siteId == null) {
			throw new InvalidInputException("quarantine.bed.required");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM quarantine_site WHERE id = ?").param(siteId).query(Long.class).single() == 0) {
			throw new InvalidInputException("quarantine.site.unknown", siteId);
		}
		return jdbc.sql("""
				SELECT b.id, b.site_id, b.room_id, b.label, r.room_number, s.name, b.in_service FROM quarantine_bed b
				JOIN quarantine_room r ON r.id = b.room_id JOIN quarantine_site s ON s.id = b.site_id
				WHERE b.site_id = ? AND b.in_service = TRUE
				AND NOT EXISTS (SELECT 1 FROM quarantine_order o WHERE o.occupied_bed_id = b.id)
				ORDER BY r.floor_no, r.room_number, b.label, b.id LIMIT 1""").param(siteId)
				.query(QuarantineOrders::bedRow).optional()
				.orElseThrow(() -> new ConflictException("quarantine.site.full", String.valueOf(siteId)));
	}

	private static QuarantineOrder.Bed bedRow(ResultSet rs, int i) throws SQLException {
		return new QuarantineOrder.Bed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getBoolean(7));
	}

	static OrderView row(ResultSet rs, int i) throws SQLException {
		String kind = rs.getString("release_kind");
		return new OrderView(rs.getLong("id"), rs.getLong("person_id"), rs.getObject("resident_id", Long.class),
				rs.getString("name"), rs.getString("name_masked"), rs.getString("grid_code"),
				OrderType.valueOf(rs.getString("type")), rs.getObject("site_id", Long.class), rs.getString("site_name"),
				rs.getObject("room_id", Long.class), rs.getString("room_number"), rs.getObject("bed_id", Long.class),
				rs.getString("bed_label"), rs.getObject("last_exposure", LocalDate.class),
				rs.getObject("start_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
				OrderStatus.valueOf(rs.getString("status")), kind == null ? null : ReleaseKind.valueOf(kind),
				rs.getString("release_reason"), rs.getObject("released_at", OffsetDateTime.class),
				rs.getString("released_by"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getInt("version"));
	}
}
