package org.gridlink.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command center's 24-hour duty roster (值班) and the duty desk queue. The center keeps the roster of its
 * district: shifts of at most 24 hours, and one person never has two overlapping shifts. The operator on duty works
 * the queue: new reports first (oldest first), then filed cases waiting for dispatch, then overdue cases.
 */
@Service
public class DutyRoster {

	/** Longest shift. */
	static final Duration MAX_SHIFT = Duration.ofHours(24);
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One shift of the roster. */
	public record DutyShift(long id, String districtCode, OffsetDateTime startsAt, OffsetDateTime endsAt,
			String username, String displayName, String note) {
	}

	/**
	 * The duty desk: the first lines of each part and how many cases each part has. Parts, in the order to work
	 * them: new reports (oldest first), filed cases waiting for dispatch (oldest first), overdue cases with a unit
	 * (earliest deadline first), cases reopened by a "not satisfied" rating waiting for the center's review.
	 */
	public record DeskQueue(List<CaseLine> reported, long reportedCount, List<CaseLine> filed, long filedCount,
			List<CaseLine> overdue, long overdueCount, List<CaseLine> review, long reviewCount) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final AuditTrail audit;
	private final CaseManagement cases;
	private final CaseLines lines;
	private final ZoneId zone;

	DutyRoster(JdbcClient jdbc, Accounts accounts, AuditTrail audit, CaseManagement cases, CaseLines lines,
			@Value("${gridlink.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.cases = cases;
		this.lines = lines;
		this.zone = ZoneId.of(zone);
	}

	/** The center and leaders see the roster and the desk. */
	public static boolean canRead(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER) && !user.scope().isEmpty();
	}

	/** The center keeps the roster. */
	public static boolean canEdit(CurrentUser user) {
		return user.has(Role.CENTER) && !user.scope().isEmpty();
	}

	public ZoneId zone() {
		return zone;
	}

	/** Adds a shift for a center operator or leader; refused when it overlaps another shift of the same person. */
	@Transactional
	public DutyShift add(CurrentUser user, @Nullable String username, @Nullable OffsetDateTime startsAt,
			@Nullable OffsetDateTime endsAt, @Nullable String note) {
		if (!canEdit(user)) {
			throw new AccessDeniedException("the duty roster is kept by the center");
		}
		String name = username == null ? "" : username.strip();
		AccountView account = accounts.find(name).filter(a -> a.enabled() && a.roles().contains(Role.CENTER)
				|| a.enabled() && a.roles().contains(Role.LEADER))
				.orElseThrow(() -> new InvalidInputException("cases.duty.user.invalid", name));
		if (startsAt == null || endsAt == null) {
			throw new InvalidInputException("cases.duty.time.missing");
		}
		if (!endsAt.isAfter(startsAt)) {
			throw new InvalidInputException("cases.duty.time.invalid");
		}
		if (Duration.between(startsAt, endsAt).compareTo(MAX_SHIFT) > 0) {
			throw new InvalidInputException("cases.duty.length.invalid", MAX_SHIFT.toHours());
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > 200) {
			throw new InvalidInputException("cases.duty.note.invalid");
		}
		String district = district(user);
		// check and insert in one transaction; two centre operators adding overlapping shifts for the same person in
		// the same instant could both pass (the roster is edited by hand by a few people)
		jdbc.sql("""
				SELECT starts_at, ends_at FROM duty_shift WHERE username = ? AND starts_at < ? AND ends_at > ?
				ORDER BY starts_at LIMIT 1""").params(name, endsAt, startsAt)
				.query((rs, i) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class),
						rs.getObject(2, OffsetDateTime.class) })
				.optional().ifPresent(other -> {
					throw new InvalidInputException("cases.duty.overlap", name,
							other[0].atZoneSameInstant(zone).format(SHOWN), other[1].atZoneSameInstant(zone).format(SHOWN));
				});
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO duty_shift (district_code, starts_at, ends_at, username, note) VALUES (?, ?, ?, ?, ?)")
				.params(district, startsAt, endsAt, name, text).update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("DUTY_SHIFT_ADD", "dutyShift", String.valueOf(id), AuditTrail.SUCCESS,
				name + " " + startsAt + " - " + endsAt);
		return new DutyShift(id, district, startsAt, endsAt, name, account.displayName(), text);
	}

	/** Removes a shift of the center's district. */
	@Transactional
	public void remove(CurrentUser user, long id) {
		if (!canEdit(user)) {
			throw new AccessDeniedException("the duty roster is kept by the center");
		}
		int n = jdbc.sql("DELETE FROM duty_shift WHERE id = ? AND district_code = ?").params(id, district(user))
				.update();
		if (n == 0) {
			throw new NotFoundException("cases.duty.not.found", String.valueOf(id));
		}
		audit.record("DUTY_SHIFT_REMOVE", "dutyShift", String.valueOf(id), AuditTrail.SUCCESS, null);
	}

	/** The shifts of the user's district that overlap the days {@code from} … {@code to} (both included). */
	public List<DutyShift> shifts(CurrentUser user, LocalDate from, LocalDate to) {
		if (!canRead(user)) {
			throw new AccessDeniedException("the duty roster is the center's");
		}
		Map<String, String> names = new java.util.HashMap<>();
		return jdbc.sql("""
				SELECT id, district_code, starts_at, ends_at, username, note FROM duty_shift
				WHERE district_code = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at, username""")
				.params(district(user), to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
						from.atStartOfDay(zone).toOffsetDateTime())
				.query((rs, i) -> new DutyShift(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class), rs.getString(5),
						names.computeIfAbsent(rs.getString(5), this::displayName), rs.getString(6)))
				.list();
	}

	/** Who is on duty at {@code now}, in any district. */
	public List<String> onDuty(OffsetDateTime now) {
		return jdbc.sql("SELECT DISTINCT username FROM duty_shift WHERE starts_at <= ? AND ends_at > ? ORDER BY username")
				.params(now, now).query(String.class).list();
	}

	/** True when the user has a shift at {@code now}. */
	public boolean isOnDuty(CurrentUser user, OffsetDateTime now) {
		return jdbc.sql("SELECT COUNT(*) FROM duty_shift WHERE username = ? AND starts_at <= ? AND ends_at > ?")
				.params(user.username(), now, now).query(Long.class).single() > 0;
	}

	/** The accounts that may be put on the roster (enabled center operators and leaders), by username. */
	public List<AccountView> operators(CurrentUser user) {
		if (!canRead(user)) {
			throw new AccessDeniedException("the duty roster is the center's");
		}
		return accounts.list(null, PageRequest.of(0, 1000)).getContent().stream()
				.filter(a -> a.enabled() && (a.roles().contains(Role.CENTER) || a.roles().contains(Role.LEADER)))
				.toList();
	}

	/** The duty desk queue within the user's visibility: at most {@code limit} lines per part. */
	public DeskQueue queue(CurrentUser user, int limit) {
		if (!canRead(user)) {
			throw new AccessDeniedException("the duty desk is the center's");
		}
		String visible = "(" + cases.visibility(user) + ")";
		String reported = visible + " AND c.status = 'REPORTED'";
		String filed = visible + " AND c.status = 'FILED'";
		String overdue = visible + " AND c.overdue = TRUE AND c.status IN ('DISPATCHED', 'ACCEPTED')";
		// reopened by a "not satisfied" rating: the center reviews (verifies) the handling again
		String review = visible + " AND c.under_review = TRUE AND c.status = 'HANDLED'";
		return new DeskQueue(part(reported, "c.reported_at, c.id", limit), count(reported),
				part(filed, "c.filed_at, c.id", limit), count(filed), part(overdue, "c.deadline_at, c.id", limit),
				count(overdue), part(review, "c.handled_at, c.id", limit), count(review));
	}

	private List<CaseLine> part(String where, String order, int limit) {
		return jdbc.sql("SELECT " + CaseLine.COLUMNS + " FROM case_file c WHERE " + where + " ORDER BY " + order
				+ " LIMIT ?").param(Math.max(1, Math.min(limit, 500))).query(lines.mapper()).list();
	}

	private long count(String where) {
		return jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + where).query(Long.class).single();
	}

	private String displayName(String username) {
		return accounts.find(username).map(AccountView::displayName).orElse(username);
	}

	/** The district whose roster the user keeps: the first district of their scope. */
	private static String district(CurrentUser user) {
		Set<String> districts = new TreeSet<>();
		user.scope().codes().forEach(c -> districts.add(c.substring(0, Math.min(6, c.length()))));
		if (districts.isEmpty()) {
			throw new AccessDeniedException("no jurisdiction scope");
		}
		return districts.iterator().next();
	}
}
