package org.gridlink.mobilization.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer tasks a community publishes (gate duty, deliveries, visits to elderly people living alone, screening
 * help) with a time, a place and the number of people needed; approved volunteers of the community sign up once per
 * task while places are left; the community confirms and records attendance and hours; hours per person and per
 * branch over a period.
 */
@Service
public class VolunteerTasks {

	/** The longest task, and the most hours one sign-up can count. */
	static final Duration MAX_TASK = Duration.ofHours(24);
	static final int MAX_NEEDED = 500;

	public record Task(long id, String communityCode, String communityName, TaskKind kind, String title, String place,
			OffsetDateTime startsAt, OffsetDateTime endsAt, int needed, int signedUp, String status) {

		public boolean full() {
			return signedUp >= needed;
		}
	}

	public record NewTask(@Nullable String communityCode, @Nullable TaskKind kind, @Nullable String title,
			@Nullable String place, @Nullable OffsetDateTime startsAt, @Nullable OffsetDateTime endsAt,
			@Nullable Integer needed) {
	}

	/** A sign-up as the community sees it: the volunteer's name and masked phone. */
	public record Signup(long id, long taskId, long volunteerId, String volunteer, String phone, SignupStatus status,
			@Nullable BigDecimal hours, OffsetDateTime signedAt) {
	}

	public enum SignupStatus {
		SIGNED, CONFIRMED, ATTENDED, ABSENT
	}

	/** Hours over a period: per person (key = volunteer id) or per branch (key = unit id or branch name). */
	public record Hours(String key, String name, @Nullable String community, BigDecimal hours, long tasks) {
	}

	private final JdbcClient jdbc;
	private final Volunteers volunteers;
	private final Jurisdictions jurisdictions;
	private final AuditTrail audit;
	private final Clock clock;

	VolunteerTasks(JdbcClient jdbc, Volunteers volunteers, Jurisdictions jurisdictions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Task publish(CurrentUser user, NewTask input) {
		String community = input.communityCode() == null ? "" : input.communityCode().strip();
		if (!volunteers.communities().containsKey(community)) {
			throw new InvalidInputException("volunteers.community.invalid");
		}
		if (!VolunteerAccess.canManage(user, community)) {
			throw new OutOfScopeException("community", community);
		}
		if (input.kind() == null) {
			throw new InvalidInputException("volunteers.task.kind.invalid");
		}
		String title = input.title() == null ? "" : input.title().strip();
		String place = input.place() == null ? "" : input.place().strip();
		if (title.isEmpty() || title.length() > 100) {
			throw new InvalidInputException("volunteers.task.title.invalid");
		}
		if (place.isEmpty() || place.length() > 100) {
			throw new InvalidInputException("volunteers.task.place.invalid");
		}
		OffsetDateTime starts = input.startsAt();
		OffsetDateTime ends = input.endsAt();
		if (starts == null || ends == null || !ends.isAfter(starts) || Duration.between(starts, ends)
				.compareTo(MAX_TASK) > 0) {
			throw new InvalidInputException("volunteers.task.window.invalid", MAX_TASK.toHours());
		}
		if (input.needed() == null || input.needed() < 1 || input.needed() > MAX_NEEDED) {
			throw new InvalidInputException("volunteers.task.needed.invalid", MAX_NEEDED);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_task (community_code, kind, title, place, starts_at, ends_at, needed, signed_up,
				status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'OPEN', ?, ?)""")
				.params(community, input.kind().name(), title, place, starts.withOffsetSameInstant(ZoneOffset.UTC),
						ends.withOffsetSameInstant(ZoneOffset.UTC), input.needed(), user.username(),
						clock.instant().atOffset(ZoneOffset.UTC))
				.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("VOLUNTEER_TASK_PUBLISH", "volunteer_task", String.valueOf(id), AuditTrail.SUCCESS,
				"community=" + community + " kind=" + input.kind());
		return find(id);
	}

	/**
	 * Tasks the user may see, by start: staff in scope (all), a volunteer their community's. {@code upcoming} keeps
	 * the tasks that have not ended.
	 */
	public Page<Task> list(CurrentUser user, boolean upcoming, Pageable pageable) {
		String where;
		List<Object> params = new ArrayList<>();
		if (VolunteerAccess.readsByScope(user)) {
			where = user.scope().sqlCondition("t.community_code");
		}
		else if (user.has(Role.VOLUNTEER)) {
			Volunteer mine = volunteers.mine(user).orElseThrow(() -> new AccessDeniedException("not a volunteer"));
			where = "t.community_code = ? AND t.status = 'OPEN'";
			params.add(mine.communityCode());
		}
		else {
			throw new AccessDeniedException("volunteer tasks are for communities and volunteers");
		}
		if (upcoming) {
			where += " AND t.ends_at > ?";
			params.add(clock.instant().atOffset(ZoneOffset.UTC));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM volunteer_task t WHERE " + where).params(params).query(Long.class)
				.single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(pageable.getPageSize());
		paged.add(pageable.getOffset());
		String order = upcoming ? "t.starts_at, t.id" : "t.starts_at DESC, t.id DESC";
		return new PageImpl<>(named(jdbc.sql("SELECT t.* FROM volunteer_task t WHERE " + where + " ORDER BY " + order
				+ " LIMIT ? OFFSET ?").params(paged).query(VolunteerTasks::taskRow).list()), pageable, total);
	}

	public Task get(CurrentUser user, long id) {
		Task task = find(id);
		boolean staff = VolunteerAccess.readsByScope(user) && user.scope().covers(task.communityCode());
		boolean own = volunteers.mine(user).map(v -> v.communityCode().equals(task.communityCode())).orElse(false);
		if (!staff && !own) {
			throw new OutOfScopeException("volunteer_task", String.valueOf(id));
		}
		return task;
	}

	/**
	 * The signed-in volunteer signs up: approved, of the task's community, the task open and not yet over, once per
	 * task, while places are left (the task row is locked by the count, so two last sign-ups cannot both get in).
	 */
	@Transactional
	public Signup signUp(CurrentUser user, long taskId) {
		Volunteer volunteer = volunteers.mine(user)
				.orElseThrow(() -> new InvalidInputException("volunteers.signup.not.volunteer"));
		if (volunteer.status() != VolunteerStatus.APPROVED) {
			throw new InvalidInputException("volunteers.signup.not.approved");
		}
		Task task = find(taskId);
		if (!task.communityCode().equals(volunteer.communityCode())) {
			throw new OutOfScopeException("volunteer_task", String.valueOf(taskId));
		}
		if (!"OPEN".equals(task.status()) || !task.endsAt().toInstant().isAfter(clock.instant())) {
			throw new ConflictException("volunteers.signup.closed");
		}
		int taken = jdbc.sql("UPDATE volunteer_task SET signed_up = signed_up + 1 WHERE id = ? AND signed_up < needed")
				.param(taskId).update();
		Long already = jdbc.sql("SELECT COUNT(*) FROM volunteer_signup WHERE task_id = ? AND volunteer_id = ?")
				.params(taskId, volunteer.id()).query(Long.class).single();
		if (already > 0) {
			throw new ConflictException("volunteers.signup.twice");
		}
		if (taken == 0) {
			throw new ConflictException("volunteers.signup.full", task.needed());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_signup (task_id, volunteer_id, status, signed_at) VALUES (?, ?, 'SIGNED', ?)""")
				.params(taskId, volunteer.id(), clock.instant().atOffset(ZoneOffset.UTC)).update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("VOLUNTEER_SIGNUP", "volunteer_task", String.valueOf(taskId), AuditTrail.SUCCESS,
				"volunteer=" + volunteer.id());
		return signup(id);
	}

	/** The volunteer withdraws their own sign-up before the task starts; the place is free again. */
	@Transactional
	public void withdraw(CurrentUser user, long taskId) {
		Volunteer volunteer = volunteers.mine(user)
				.orElseThrow(() -> new InvalidInputException("volunteers.signup.not.volunteer"));
		Task task = find(taskId);
		if (!task.startsAt().toInstant().isAfter(clock.instant())) {
			throw new ConflictException("volunteers.signup.started");
		}
		int removed = jdbc.sql("DELETE FROM volunteer_signup WHERE task_id = ? AND volunteer_id = ? AND status IN"
				+ " ('SIGNED', 'CONFIRMED')").params(taskId, volunteer.id()).update();
		if (removed == 0) {
			throw new NotFoundException("volunteers.signup.not.found", String.valueOf(taskId));
		}
		jdbc.sql("UPDATE volunteer_task SET signed_up = signed_up - 1 WHERE id = ?").param(taskId).update();
		audit.record("VOLUNTEER_SIGNUP_WITHDRAW", "volunteer_task", String.valueOf(taskId), AuditTrail.SUCCESS,
				"volunteer=" + volunteer.id());
	}

	/** The sign-ups of a task the user manages. */
	public List<Signup> signups(CurrentUser user, long taskId) {
		managed(user, find(taskId));
		return jdbc.sql(SIGNUPS + " WHERE s.task_id = ? ORDER BY s.signed_at, s.id").param(taskId)
				.query(VolunteerTasks::signupRow).list();
	}

	/** The community confirms a sign-up. */
	@Transactional
	public Signup confirm(CurrentUser user, long signupId) {
		Signup signup = signup(signupId);
		managed(user, find(signup.taskId()));
		if (signup.status() != SignupStatus.SIGNED) {
			throw new ConflictException("volunteers.signup.state");
		}
		jdbc.sql("UPDATE volunteer_signup SET status = 'CONFIRMED', recorded_by = ? WHERE id = ?")
				.params(user.username(), signupId).update();
		audit.record("VOLUNTEER_SIGNUP_CONFIRM", "volunteer_task", String.valueOf(signup.taskId()), AuditTrail.SUCCESS,
				"signup=" + signupId);
		return signup(signupId);
	}

	/**
	 * The community records attendance: present with the hours served (more than 0, at most the task's length rounded
	 * up to a half hour, 24 at most) or absent. Can be corrected.
	 */
	@Transactional
	public Signup record(CurrentUser user, long signupId, @Nullable Boolean attended, @Nullable BigDecimal hours) {
		Signup signup = signup(signupId);
		Task task = find(signup.taskId());
		managed(user, task);
		if (attended == null) {
			throw new InvalidInputException("volunteers.attendance.invalid");
		}
		BigDecimal counted = null;
		if (attended) {
			double longest = Math.min(24.0, Math.ceil(Duration.between(task.startsAt(), task.endsAt()).toMinutes() / 30.0)
					/ 2.0);
			if (hours == null || hours.signum() <= 0 || hours.doubleValue() > longest || hours.scale() > 2) {
				throw new InvalidInputException("volunteers.hours.invalid", longest);
			}
			counted = hours.setScale(2, RoundingMode.UNNECESSARY);
		}
		jdbc.sql("UPDATE volunteer_signup SET status = ?, hours = ?, recorded_by = ? WHERE id = ?")
				.params(attended ? "ATTENDED" : "ABSENT", counted, user.username(), signupId).update();
		audit.record("VOLUNTEER_ATTENDANCE", "volunteer_task", String.valueOf(task.id()), AuditTrail.SUCCESS,
				"signup=" + signupId + " attended=" + attended + (counted == null ? "" : " hours=" + counted));
		return signup(signupId);
	}

	/** The signed-in volunteer's sign-ups, newest task first. */
	public List<Signup> mySignups(CurrentUser user) {
		return volunteers.mine(user).map(v -> jdbc.sql(SIGNUPS + " JOIN volunteer_task t ON t.id = s.task_id"
				+ " WHERE s.volunteer_id = ? ORDER BY t.starts_at DESC LIMIT 100").param(v.id())
				.query(VolunteerTasks::signupRow).list()).orElse(List.of());
	}

	/** Hours served per person over the days {@code from}..{@code to} (district dates), most hours first. */
	public List<Hours> hoursPerPerson(CurrentUser user, LocalDate from, LocalDate to) {
		Object[] window = window(from, to);
		return named(jdbc.sql("SELECT CAST(v.id AS VARCHAR(20)) AS k, v.name AS n, v.community_code AS c,"
				+ " SUM(s.hours) AS h, COUNT(*) AS tasks FROM volunteer_signup s JOIN volunteer v ON v.id = s.volunteer_id"
				+ " JOIN volunteer_task t ON t.id = s.task_id WHERE s.status = 'ATTENDED' AND t.starts_at >= ?"
				+ " AND t.starts_at < ? AND " + Volunteers.visible(user, "v")
				+ " GROUP BY v.id, v.name, v.community_code ORDER BY h DESC, v.id LIMIT 5000").params(window)
				.query(VolunteerTasks::hoursRow).list(), true);
	}

	/** Hours of party members per branch (their unit, else the branch's name) over the period, most hours first. */
	public List<Hours> hoursPerBranch(CurrentUser user, LocalDate from, LocalDate to) {
		Object[] window = window(from, to);
		Map<Long, String> units = volunteers.units();
		List<Hours> rows = jdbc.sql("SELECT COALESCE(CAST(v.unit_id AS VARCHAR(20)), 'b:' || v.branch) AS k,"
				+ " MAX(v.branch) AS n, CAST(NULL AS VARCHAR(15)) AS c, SUM(s.hours) AS h, COUNT(*) AS tasks"
				+ " FROM volunteer_signup s JOIN volunteer v ON v.id = s.volunteer_id"
				+ " JOIN volunteer_task t ON t.id = s.task_id WHERE s.status = 'ATTENDED' AND v.party_member"
				+ " AND t.starts_at >= ? AND t.starts_at < ? AND " + Volunteers.visible(user, "v")
				+ " GROUP BY COALESCE(CAST(v.unit_id AS VARCHAR(20)), 'b:' || v.branch) ORDER BY h DESC LIMIT 1000")
				.params(window).query(VolunteerTasks::hoursRow).list();
		return rows.stream().map(r -> new Hours(r.key(), r.key().startsWith("b:") ? r.key().substring(2)
				: units.getOrDefault(Long.parseLong(r.key()), r.name()), null, r.hours(), r.tasks())).toList();
	}

	/** One volunteer's attended sign-ups over the period, with the tasks (for the certificate). */
	public List<Served> served(long volunteerId, LocalDate from, LocalDate to) {
		Object[] window = window(from, to);
		return jdbc.sql("SELECT t.title, t.kind, t.place, t.starts_at, s.hours FROM volunteer_signup s"
				+ " JOIN volunteer_task t ON t.id = s.task_id WHERE s.volunteer_id = ? AND s.status = 'ATTENDED'"
				+ " AND t.starts_at >= ? AND t.starts_at < ? ORDER BY t.starts_at, t.id")
				.params(volunteerId, window[0], window[1])
				.query((rs, n) -> new Served(rs.getString("title"), TaskKind.valueOf(rs.getString("kind")),
						rs.getString("place"), rs.getObject("starts_at", OffsetDateTime.class),
						rs.getBigDecimal("hours")))
				.list();
	}

	public record Served(String title, TaskKind kind, String place, OffsetDateTime startsAt, BigDecimal hours) {
	}

	private Object[] window(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusDays(731).isBefore(to)) {
			throw new InvalidInputException("volunteers.period.invalid");
		}
		return new Object[] { from.atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
				to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC) };
	}

	private void managed(CurrentUser user, Task task) {
		if (!VolunteerAccess.canManage(user, task.communityCode())) {
			throw new OutOfScopeException("volunteer_task", String.valueOf(task.id()));
		}
	}

	Task find(long id) {
		return jdbc.sql("SELECT t.* FROM volunteer_task t WHERE t.id = ?").param(id).query(VolunteerTasks::taskRow)
				.optional().map(t -> named(List.of(t)).get(0))
				.orElseThrow(() -> new NotFoundException("volunteers.task.not.found", String.valueOf(id)));
	}

	private Signup signup(long id) {
		return jdbc.sql(SIGNUPS + " WHERE s.id = ?").param(id).query(VolunteerTasks::signupRow).optional()
				.orElseThrow(() -> new NotFoundException("volunteers.signup.not.found", String.valueOf(id)));
	}

	private static final String SIGNUPS = "SELECT s.id, s.task_id, s.volunteer_id, v.name, v.phone_masked, s.status,"
			+ " s.hours, s.signed_at FROM volunteer_signup s JOIN volunteer v ON v.id = s.volunteer_id";

	private List<Task> named(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return tasks;
		}
		Set<String> codes = new HashSet<>();
		tasks.forEach(t -> codes.add(t.communityCode()));
		Map<String, String> names = jurisdictions.names(codes);
		return tasks.stream().map(t -> new Task(t.id(), t.communityCode(), names.getOrDefault(t.communityCode(),
				t.communityCode()), t.kind(), t.title(), t.place(), t.startsAt(), t.endsAt(), t.needed(), t.signedUp(),
				t.status())).toList();
	}

	private List<Hours> named(List<Hours> rows, boolean communities) {
		Set<String> codes = new HashSet<>();
		rows.forEach(r -> {
			if (r.community() != null) {
				codes.add(r.community());
			}
		});
		Map<String, String> names = codes.isEmpty() ? Map.of() : jurisdictions.names(codes);
		return rows.stream().map(r -> new Hours(r.key(), r.name(), r.community() == null ? null
				: names.getOrDefault(r.community(), r.community()), r.hours(), r.tasks())).toList();
	}

	private static Task taskRow(ResultSet rs, int n) throws SQLException {
		return new Task(rs.getLong("id"), rs.getString("community_code"), rs.getString("community_code"),
				TaskKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("place"),
				rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
				rs.getInt("needed"), rs.getInt("signed_up"), rs.getString("status"));
	}

	private static Signup signupRow(ResultSet rs, int n) throws SQLException {
		return new Signup(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("volunteer_id"), rs.getString("name"),
				rs.getString("phone_masked"), SignupStatus.valueOf(rs.getString("status")), rs.getBigDecimal("hours"),
				rs.getObject("signed_at", OffsetDateTime.class));
	}

	private static Hours hoursRow(ResultSet rs, int n) throws SQLException {
		return new Hours(rs.getString("k"), rs.getString("n") == null ? "" : rs.getString("n"), rs.getString("c"),
				rs.getBigDecimal("h"), rs.getLong("tasks"));
	}
}
