package org.gridlink.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.quarantine.MonitoredOrders.MonitoredOrder;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts of home quarantine monitoring to the duty desk: MISSED (no check-in by the configured hour) and HEALTH
 * (fever or a listed symptom). At most one per order, day and kind, however many instances raise it (a unique
 * constraint; the loser's insert fails and it stands back). Raising an alert publishes {@link QuarantineAlertRaised}
 * in the alert's transaction; {@link AlertCases} listens and opens exactly one case for it, retried through the event
 * publication registry when that fails.
 */
@Service
public class QuarantineAlerts {

	/** The reporter of the cases opened for alerts. */
	public static final String REPORTER = "quarantine";

	public enum Kind {
		MISSED, HEALTH
	}

	/** One alert as the duty desk sees it (the person's name masked). */
	public record AlertView(long id, long orderId, String maskedName, String gridCode, LocalDate date, Kind kind,
			String reason, OffsetDateTime raisedAt, @Nullable Long caseId) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	QuarantineAlerts(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Raises the alert of an order for a day and kind unless it was raised already (here or on another instance); its
	 * case is opened by the listener of {@link QuarantineAlertRaised}. Returns the new alert's id, or empty when it
	 * existed.
	 */
	Optional<Long> raise(MonitoredOrder order, LocalDate day, Kind kind, String reason, @Nullable Long checkinId,
			OffsetDateTime now) {
		try {
			return Optional.ofNullable(transactions.execute(tx -> {
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						INSERT INTO quarantine_alert (district_code, order_id, grid_code, alert_date, kind, reason,
						checkin_id, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
						.params(order.districtCode(), order.id(), order.gridCode(), day, kind.name(), reason, checkinId, now)
						.update(keys, "id");
				long id = keys.getKeyAs(Long.class);
				events.publishEvent(new QuarantineAlertRaised(id));
				return id;
			}));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	/** The alerts in the caller's scope, newest first: of one day (or all days), of one kind (or both). */
	public Page<AlertView> list(CurrentUser user, @Nullable LocalDate day, @Nullable Kind kind,
			@Nullable String jurisdiction, Pageable pageable) {
		if (!MonitoringAccess.canRead(user)) {
			throw new AccessDeniedException("quarantine monitoring is not for this role");
		}
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(user.scope().sqlCondition("a.grid_code"));
		if (day != null) {
			where.append(" AND a.alert_date = ?");
			params.add(day);
		}
		if (kind != null) {
			where.append(" AND a.kind = ?");
			params.add(kind.name());
		}
		if (jurisdiction != null && !jurisdiction.isBlank()) {
			String code = jurisdiction.strip();
			if (!JurisdictionCode.isValid(code)) {
				throw new InvalidInputException("checkins.jurisdiction.invalid", code);
			}
			where.append(" AND a.grid_code LIKE ?");
			params.add(JurisdictionCode.of(code).prefix() + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM quarantine_alert a" + where).params(params).query(Long.class)
				.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<AlertView> content = jdbc.sql("""
				SELECT a.id, a.order_id, p.name_masked, a.grid_code, a.alert_date, a.kind, a.reason, a.raised_at, a.case_id
				FROM quarantine_alert a JOIN quarantine_order o ON o.id = a.order_id
				JOIN quarantine_person p ON p.id = o.person_id""" + where
				+ " ORDER BY a.raised_at DESC, a.id DESC LIMIT ? OFFSET ?").params(pageParams)
				.query((rs, i) -> new AlertView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), Kind.valueOf(rs.getString(6)), rs.getString(7),
						rs.getObject(8, OffsetDateTime.class), rs.getObject(9, Long.class)))
				.list();
		return new PageImpl<>(content, pageable, total);
	}

	/** The alerts of one order (for its monitoring page), newest first. */
	public List<AlertView> ofOrder(CurrentUser user, long orderId) {
		if (!MonitoringAccess.canRead(user)) {
			throw new AccessDeniedException("quarantine monitoring is not for this role");
		}
		return jdbc.sql("""
				SELECT a.id, a.order_id, p.name_masked, a.grid_code, a.alert_date, a.kind, a.reason, a.raised_at, a.case_id
				FROM quarantine_alert a JOIN quarantine_order o ON o.id = a.order_id
				JOIN quarantine_person p ON p.id = o.person_id WHERE a.order_id = ? AND """
				+ user.scope().sqlCondition("a.grid_code") + " ORDER BY a.raised_at DESC, a.id DESC").param(orderId)
				.query((rs, i) -> new AlertView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), Kind.valueOf(rs.getString(6)), rs.getString(7),
						rs.getObject(8, OffsetDateTime.class), rs.getObject(9, Long.class)))
				.list();
	}

	/** Today's alerts in the caller's scope (the home tile). */
	public long countToday(CurrentUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM quarantine_alert a WHERE a.alert_date = ? AND "
				+ user.scope().sqlCondition("a.grid_code")).param(LocalDate.now(clock)).query(Long.class).single();
	}

	public ZoneId zone() {
		return clock.getZone();
	}
}
