package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.quarantine.MonitoredOrders.MonitoredOrder;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
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
 * constraint; the loser's insert fails and it stands back). Each alert opens exactly one case for the health unit
 * through {@link CaseManagement#reportAs} (source ALERT, category by kind), with an idempotency key made of the
 * alert's order, day and kind; an alert whose case could not be opened is retried by {@link MissedCheckInWatcher}.
 * The case names the order, never the person, and carries no health values.
 */
@Service
public class QuarantineAlerts {

	/** The reporter of the cases opened for alerts. */
	public static final String REPORTER = "quarantine";

	private static final Logger LOG = LoggerFactory.getLogger(QuarantineAlerts.class);
	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

	public enum Kind {
		MISSED, HEALTH
	}

	/** One alert as the duty desk sees it (the person's name masked). */
	public record AlertView(long id, long orderId, String maskedName, String gridCode, LocalDate date, Kind kind,
			String reason, OffsetDateTime raisedAt, @Nullable Long caseId) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final CaseManagement cases;
	private final MonitoringRules rules;
	private final MessageSource messages;
	private final String missedCategory;
	private final String healthCategory;
	private final ZoneId zone;

	QuarantineAlerts(JdbcClient jdbc, TransactionTemplate transactions, CaseManagement cases, MonitoringRules rules,
			MessageSource messages,
			@Value("${gridlink.quarantine.checkin.case-category.missed:S0302}") String missedCategory,
			@Value("${gridlink.quarantine.checkin.case-category.health:S0301}") String healthCategory,
			@Value("${gridlink.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cases = cases;
		this.rules = rules;
		this.messages = messages;
		this.missedCategory = missedCategory;
		this.healthCategory = healthCategory;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Raises the alert of an order for a day and kind unless it was raised already (here or on another instance), and
	 * opens its case. Returns the new alert's id, or empty when it existed.
	 */
	Optional<Long> raise(MonitoredOrder order, LocalDate day, Kind kind, String reason, @Nullable Long checkinId,
			OffsetDateTime now) {
		Long id;
		try {
			id = transactions.execute(tx -> {
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						INSERT INTO quarantine_alert (district_code, order_id, grid_code, alert_date, kind, reason,
						checkin_id, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
						.params(order.districtCode(), order.id(), order.gridCode(), day, kind.name(), reason, checkinId, now)
						.update(keys, "id");
				return keys.getKeyAs(Long.class);
			});
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
		openCase(id);
		return Optional.of(id);
	}

	/** Opens the case of every alert that has none yet (a crash or a failure between alert and case). */
	int openPendingCases() {
		int opened = 0;
		for (Long id : jdbc.sql("SELECT id FROM quarantine_alert WHERE case_id IS NULL ORDER BY id").query(Long.class)
				.list()) {
			if (openCase(id)) {
				opened++;
			}
		}
		return opened;
	}

	/** What opening an alert's case needs. */
	private record Raised(long orderId, String gridCode, LocalDate day, Kind kind, String reason) {
	}

	/** Opens (or finds, by its idempotency key) the alert's case and links it; false when that failed (retried). */
	private boolean openCase(long alertId) {
		Raised alert = jdbc.sql("SELECT order_id, grid_code, alert_date, kind, reason FROM quarantine_alert WHERE id = ?")
				.param(alertId).query((rs, i) -> new Raised(rs.getLong(1), rs.getString(2),
						rs.getObject(3, LocalDate.class), Kind.valueOf(rs.getString(4)), rs.getString(5)))
				.single();
		try {
			long caseId = cases.reportAs(REPORTER,
					new NewCase(alert.kind() == Kind.MISSED ? missedCategory : healthCategory,
							description(alert.orderId(), alert.day(), alert.kind(), alert.reason()), alert.gridCode(),
							null, null, null, CaseSource.ALERT, null),
					idempotencyKey(alert.orderId(), alert.day(), alert.kind()));
			jdbc.sql("UPDATE quarantine_alert SET case_id = ? WHERE id = ? AND case_id IS NULL").params(caseId, alertId)
					.update();
			return true;
		}
		catch (RuntimeException ex) {
			LOG.warn("Quarantine alert {}: the case could not be opened yet ({}); retried by the watcher", alertId,
					ex.toString());
			return false;
		}
	}

	static String idempotencyKey(long orderId, LocalDate day, Kind kind) {
		return "quarantine-alert:" + orderId + ":" + day + ":" + kind;
	}

	/** The case's description, in the district's language (zh-CN): the order, the day, what happened. */
	private String description(long orderId, LocalDate day, Kind kind, String reason) {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		String what = kind == Kind.MISSED
				? messages.getMessage("checkins.case.missed", new Object[] { rules.deadline().format(HOUR) }, zh)
				: messages.getMessage("checkins.reason." + reason, null, zh);
		return messages.getMessage("checkins.case.description",
				new Object[] { String.valueOf(orderId), day.toString(), what, "/quarantine/orders/" + orderId
						+ "/monitoring" }, zh);
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
				+ user.scope().sqlCondition("a.grid_code")).param(LocalDate.now(zone)).query(Long.class).single();
	}

	public ZoneId zone() {
		return zone;
	}
}
