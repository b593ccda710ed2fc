package org.gridlink.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.quarantine.MonitoredOrders.MonitoredOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily health check-ins of people in home quarantine: a self-report through the personal link, or a grid worker's
 * visit. A fever (at or above the threshold) or a listed symptom raises a HEALTH alert, which opens a case for the
 * health unit ({@link QuarantineAlerts}). The health data is stored encrypted; staff reading it is audited. No
 * location is asked for or stored.
 */
@Service
public class CheckIns {

	/** The reporter name of self-reports. */
	static final String SELF = "self";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final CheckInLinks links;
	private final MonitoringRules rules;
	private final QuarantineAlerts alerts;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final Clock clock;
	private final ZoneId zone;

	CheckIns(JdbcClient jdbc, TransactionTemplate transactions, CheckInLinks links, MonitoringRules rules,
			QuarantineAlerts alerts, PersonalDataCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.links = links;
		this.rules = rules;
		this.alerts = alerts;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/** What the check-in page shows for a token; empty for an unknown or expired link (without telling which). */
	public Optional<PublicCheckIn> open(@Nullable String token) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = now.toLocalDate();
		return links.resolve(token, now).map(o -> new PublicCheckIn(o.maskedName(),
				Math.max(0, ChronoUnit.DAYS.between(today, o.plannedEnd())), counted(o.id(), today), rules.symptoms()));
	}

	/** The problems of a self-report by field (temperature, symptoms, note); empty when it can be recorded. */
	public Map<String, InvalidInputException> problems(CheckInInput input) {
		return HealthReport.parse(input.temperature(), input.symptoms(), input.note(), true, rules).problems();
	}

	/**
	 * Records a self-report through a link. Unknown or expired link: {@link NotFoundException}; bad input:
	 * {@link InvalidInputException} (the first problem). Returns the check-in's id.
	 */
	public long selfReport(@Nullable String token, CheckInInput input) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		MonitoredOrder order = links.resolve(token, now)
				.orElseThrow(() -> new NotFoundException("checkins.link.invalid", ""));
		HealthReport report = HealthReport.parse(input.temperature(), input.symptoms(), input.note(), true, rules)
				.orThrow();
		return record(order, "SELF", null, report, SELF, now);
	}

	/** Records a grid worker's visit to a person in home quarantine in the caller's scope. Returns its id. */
	public long visit(CurrentUser user, long orderId, VisitInput input) {
		MonitoredOrder order = links.recordable(user, orderId);
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (!order.monitoredOn(now.toLocalDate())) {
			throw new ConflictException("checkins.order.notMonitored");
		}
		String result = input.result() == null ? "" : input.result().strip();
		if (!"SEEN".equals(result) && !"NOT_SEEN".equals(result)) {
			throw new InvalidInputException("checkins.visit.result.invalid");
		}
		boolean seen = "SEEN".equals(result);
		HealthReport report = HealthReport.parse(seen ? input.temperature() : null, seen ? input.symptoms() : List.of(),
				input.note(), seen, rules).orThrow();
		long id = record(order, "VISIT", result, report, user.username(), now);
		audit.record("QUARANTINE_VISIT", "quarantineOrder", String.valueOf(orderId), AuditTrail.SUCCESS, result);
		return id;
	}

	private long record(MonitoredOrder order, String kind, @Nullable String visitResult, HealthReport report,
			String by, OffsetDateTime now) {
		LocalDate day = now.toLocalDate();
		boolean counted = visitResult == null || "SEEN".equals(visitResult);
		String reason = counted ? report.alertReason(rules) : null;
		Long id = transactions.execute(tx -> {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO quarantine_checkin (district_code, order_id, grid_code, checkin_date, kind, visit_result,
					counted, abnormal, health_enc, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(order.districtCode(), order.id(), order.gridCode(), day, kind, visitResult, counted,
							reason != null, cipher.encrypt(report.encode()), by, now)
					.update(keys, "id");
			return keys.getKeyAs(Long.class);
		});
		if (reason != null) {
			alerts.raise(order, day, QuarantineAlerts.Kind.HEALTH, reason, id, now);
		}
		return id;
	}

	/** True when the order has a check-in that counts on {@code day}. */
	boolean counted(long orderId, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin WHERE order_id = ? AND checkin_date = ? AND counted = TRUE")
				.params(orderId, day).query(Long.class).single() > 0;
	}

	/** The check-ins of an order in the caller's scope, newest first; reading the health data is audited. */
	public List<CheckInView> list(CurrentUser user, long orderId) {
		links.readable(user, orderId);
		List<CheckInView> views = jdbc.sql("""
				SELECT id, checkin_date, kind, visit_result, counted, abnormal, health_enc, recorded_by, recorded_at
				FROM quarantine_checkin WHERE order_id = ? ORDER BY recorded_at DESC, id DESC""").param(orderId)
				.query((rs, i) -> {
					String health = rs.getString("health_enc");
					// empty once erased by retention (ReleasedPersonRetention)
					HealthReport h = health.isEmpty() ? new HealthReport(null, List.of(), "")
							: HealthReport.decode(cipher.decrypt(health));
					return new CheckInView(rs.getLong("id"), orderId, rs.getObject("checkin_date", LocalDate.class),
							rs.getString("kind"), rs.getString("visit_result"), rs.getBoolean("counted"),
							rs.getBoolean("abnormal"), h.temperature(), h.symptoms(), h.note(), rs.getString("recorded_by"),
							rs.getObject("recorded_at", OffsetDateTime.class));
				}).list();
		audit.record("QUARANTINE_CHECKINS_READ", "quarantineOrder", String.valueOf(orderId), AuditTrail.SUCCESS,
				views.size() + " check-ins");
		return views;
	}

	/** The monitoring page of an order in the caller's scope (reading its check-ins is audited). */
	public OrderMonitoring monitoring(CurrentUser user, long orderId) {
		MonitoredOrder order = links.readable(user, orderId);
		LocalDate today = LocalDate.now(clock);
		return new OrderMonitoring(order.id(), order.maskedName(), order.gridCode(), order.type(), order.status(),
				order.startDate(), order.plannedEnd(), order.monitoredOn(today), counted(orderId, today),
				links.current(user, orderId).orElse(null), list(user, orderId), alerts.ofOrder(user, orderId));
	}

	public MonitoringRules rules() {
		return rules;
	}
}
