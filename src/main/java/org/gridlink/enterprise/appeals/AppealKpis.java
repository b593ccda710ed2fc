package org.gridlink.enterprise.appeals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The green channel's figures, apart from the other appeals (for comparison), over the appeals filed in a period that
 * the user sees: responded and within the limit, the average response time, planned within the limit, closed within
 * the limit among those due (closed, or whose closing deadline has passed), satisfaction among the rated, reopened
 * after "not satisfied" and escalated.
 */
@Component
public class AppealKpis {

	private final JdbcClient jdbc;
	private final EnterpriseDirectory directory;
	private final Clock clock;

	AppealKpis(JdbcClient jdbc, EnterpriseDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/** The figures of one channel. Rates are null when their denominator is 0. */
	public record Figures(long appeals, long responded, long respondedInTime, @Nullable Long averageResponseMinutes,
			long planned, long plannedInTime, long closeDue, long closed, long closedInTime, long rated,
			long satisfied, long dissatisfied, long escalated) {

		public @Nullable Double responseRate() {
			return rate(respondedInTime, appeals);
		}

		public @Nullable Double planRate() {
			return rate(plannedInTime, appeals);
		}

		public @Nullable Double closureInTimeRate() {
			return rate(closedInTime, closeDue);
		}

		public @Nullable Double satisfactionRate() {
			return rate(satisfied, rated);
		}

		private static @Nullable Double rate(long part, long whole) {
			return whole == 0 ? null : (double) part / whole;
		}
	}

	public record Kpis(OffsetDateTime from, OffsetDateTime to, Figures green, Figures standard) {
	}

	/** Who reads the figures: whoever sees enterprises. */
	public boolean mayRead(CurrentUser user) {
		return directory.seesAny(user);
	}

	public Kpis of(CurrentUser user, OffsetDateTime from, OffsetDateTime to) {
		if (!mayRead(user)) {
			throw new AccessDeniedException("no enterprises in scope");
		}
		if (!to.isAfter(from) || Duration.between(from, to).toDays() > 731) {
			throw new InvalidInputException("enterprise.appeals.period.invalid");
		}
		record Row(boolean green, OffsetDateTime filedAt, OffsetDateTime respondDue, OffsetDateTime planDue,
				OffsetDateTime closeDue, @Nullable OffsetDateTime respondedAt, @Nullable OffsetDateTime plannedAt,
				@Nullable OffsetDateTime closedAt, boolean ended, @Nullable Integer satisfaction, int dissatisfied,
				int level) {
		}
		List<Row> rows = jdbc.sql("SELECT a.green, a.filed_at, a.respond_due_at, a.plan_due_at, a.close_due_at,"
				+ " a.responded_at, a.planned_at, a.closed_at, a.ended, a.satisfaction, a.dissatisfied_count,"
				+ " a.escalation_level FROM enterprise_appeal a JOIN enterprise e ON e.id = a.enterprise_id"
				+ " WHERE a.filed_at >= ? AND a.filed_at < ? AND " + directory.visibleSql(user, "e"))
				.params(from, to)
				.query((rs, i) -> new Row(rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class),
						rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
						rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
						rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
						rs.getBoolean(9), rs.getObject(10, Integer.class), rs.getInt(11), rs.getInt(12)))
				.list();
		OffsetDateTime now = OffsetDateTime.now(clock);
		Figures[] out = new Figures[2];
		for (int g = 0; g < 2; g++) {
			boolean green = g == 0;
			List<Row> of = rows.stream().filter(r -> r.green() == green && !r.ended()).toList();
			long responded = of.stream().filter(r -> r.respondedAt() != null).count();
			long respondedInTime = of.stream().filter(r -> AppealClock.met(r.respondedAt(), r.respondDue())).count();
			long minutes = of.stream().filter(r -> r.respondedAt() != null)
					.mapToLong(r -> Duration.between(r.filedAt(), r.respondedAt()).toMinutes()).sum();
			long planned = of.stream().filter(r -> r.plannedAt() != null).count();
			long plannedInTime = of.stream().filter(r -> AppealClock.met(r.plannedAt(), r.planDue())).count();
			long closeDue = of.stream().filter(r -> r.closedAt() != null || now.isAfter(r.closeDue())).count();
			long closed = of.stream().filter(r -> r.closedAt() != null).count();
			long closedInTime = of.stream().filter(r -> AppealClock.met(r.closedAt(), r.closeDue())).count();
			long rated = of.stream().filter(r -> r.satisfaction() != null).count();
			long satisfied = of.stream().filter(r -> r.satisfaction() != null && r.satisfaction() >= 2).count();
			long dissatisfied = of.stream().filter(r -> r.dissatisfied() > 0).count();
			long escalated = of.stream().filter(r -> r.level() > 0).count();
			out[g] = new Figures(of.size(), responded, respondedInTime, responded == 0 ? null : minutes / responded,
					planned, plannedInTime, closeDue, closed, closedInTime, rated, satisfied, dissatisfied,
					escalated);
		}
		return new Kpis(from, to, out[0], out[1]);
	}
}
