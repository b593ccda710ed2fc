package org.gridlink.mobilization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridlink.cases.PhotoCheck;
import org.gridlink.jurisdiction.CadrePosts;
import org.gridlink.jurisdiction.CadrePosts.CadrePost;
import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.mobilization.DutyViews.CadreTaskView;
import org.gridlink.mobilization.DutyViews.CommunityBoard;
import org.gridlink.mobilization.DutyViews.MyDuty;
import org.gridlink.mobilization.DutyViews.MyPost;
import org.gridlink.mobilization.DutyViews.PostedCadre;
import org.gridlink.mobilization.DutyViews.PresenceCode;
import org.gridlink.mobilization.DutyViews.PresenceView;
import org.gridlink.mobilization.DutyViews.TaskKind;
import org.gridlink.mobilization.DutyViews.UnitBoard;
import org.gridlink.mobilization.DutyViews.UnitCadreRow;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PublicUrls;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posted cadres on duty (定岗挂包): a community's presence code of the day, a cadre's arrival and leaving by that
 * code (the time and the community, nothing else: no location), the community staff's confirmation instead, the
 * tasks a community gives its posted cadres, and the boards of a community and of a unit. Every read is filtered by
 * the caller's scope in the query; a cadre sees only themself. Posts come from the jurisdiction module
 * ({@link CadrePosts}).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class CadreDuty {

	/** The longest period of a unit's board. */
	static final int MAX_PERIOD_DAYS = 366;
	static final int MAX_NOTE = 500;
	/** How far ahead a task may be given. */
	static final int MAX_DAYS_AHEAD = 60;

	private static final String PRESENCE_COLUMNS = "id, staff_id, cadre_name, unit_name, community_code, duty_day,"
			+ " arrived_at, left_at, confirmed_by";
	private static final String TASK_COLUMNS = "id, community_code, staff_id, cadre_name, kind, duty_day, details,"
			+ " assigned_by, done_at, done_note, done_photo_type";

	private final JdbcClient jdbc;
	private final CadrePosts posts;
	private final Jurisdictions jurisdictions;
	private final PresenceCodes codes;
	private final AuditTrail audit;
	private final PublicUrls urls;
	private final Clock clock;

	CadreDuty(JdbcClient jdbc, CadrePosts posts, Jurisdictions jurisdictions, PresenceCodes codes, AuditTrail audit,
			PublicUrls urls, Clock clock) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.jurisdictions = jurisdictions;
		this.codes = codes;
		this.audit = audit;
		this.urls = urls;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** A date typed as yyyy-MM-dd, today when blank; 400 when it does not parse. */
	public LocalDate day(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return today();
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("duty.date.invalid", text);
		}
	}

	// ---------------------------------------------------------------- the code of the day

	/** Today's presence code of a community, for its own staff (403 for anyone else). */
	public PresenceCode presenceCode(CurrentUser user, String communityCode) {
		JurisdictionNode community = community(communityCode);
		if (!DutyAccess.manages(user, community.code())) {
			throw new OutOfScopeException("community", communityCode);
		}
		LocalDate today = today();
		String code = codes.codeFor(community.code(), today);
		return new PresenceCode(community.code(), community.name(), today, code,
				urls.absolute("/duty/scan?code=" + code));
	}

	// ---------------------------------------------------------------- arriving and leaving

	/**
	 * A posted cadre's scan or typed code: the first of the day in that community records the arrival, the next the
	 * leaving. Refused (400, the reason in words) when the code is empty or not a code, an earlier day's, another
	 * community's, or of a community the cadre is not posted to; 409 once arrival and leaving are both recorded.
	 */
	@Transactional
	public PresenceView scan(CurrentUser user, @Nullable String typed) {
		if (!DutyAccess.isCadre(user)) {
			throw new AccessDeniedException("presence is recorded by posted cadres");
		}
		if (typed == null || typed.isBlank()) {
			throw new InvalidInputException("duty.code.required");
		}
		String code = PresenceCodes.normalise(typed);
		if (code == null) {
			throw new InvalidInputException("duty.code.invalid");
		}
		List<CadrePost> mine = posts.ofAccount(user.username());
		if (mine.isEmpty()) {
			throw new InvalidInputException("duty.not.posted.any");
		}
		LocalDate today = today();
		CadrePost post = mine.stream().filter(p -> codes.codeFor(p.communityCode(), today).equals(code)).findFirst()
				.orElseThrow(() -> refusal(mine, code, today));
		return arriveOrLeave(post, today, null);
	}

	private InvalidInputException refusal(List<CadrePost> mine, String code, LocalDate today) {
		for (CadrePost p : mine) {
			for (int back = 1; back <= 7; back++) {
				LocalDate day = today.minusDays(back);
				if (codes.codeFor(p.communityCode(), day).equals(code)) {
					return new InvalidInputException("duty.code.old", p.communityName(), day.toString());
				}
			}
		}
		CurrentUser system = system();
		for (JurisdictionNode c : jurisdictions.list(system, JurisdictionLevel.COMMUNITY, null, PageRequest.of(0, 5000))
				.getContent()) {
			if (codes.codeFor(c.code(), today).equals(code)) {
				return new InvalidInputException("duty.code.not.posted", c.name());
			}
		}
		return new InvalidInputException("duty.code.unknown");
	}

	private PresenceView arriveOrLeave(CadrePost post, LocalDate today, @Nullable String confirmedBy) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<PresenceView> existing = presenceOf(post.staffId(), post.communityCode(), today);
		if (existing.isEmpty()) {
			try {
				jdbc.sql("INSERT INTO cadre_presence (staff_id, cadre_name, unit_id, unit_name, community_code,"
						+ " duty_day, arrived_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
						.params(post.staffId(), post.cadreName(), post.unitId(), post.unitName(), post.communityCode(),
								today, now, confirmedBy)
						.update();
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("duty.presence.exists", post.cadreName(), post.communityName());
			}
		}
		else if (confirmedBy != null) {
			throw new ConflictException("duty.presence.exists", post.cadreName(), post.communityName());
		}
		else if (existing.get().leftAt() == null) {
			jdbc.sql("UPDATE cadre_presence SET left_at = ? WHERE id = ? AND left_at IS NULL")
					.params(now, existing.get().id()).update();
		}
		else {
			throw new ConflictException("duty.presence.left", post.communityName());
		}
		return presenceOf(post.staffId(), post.communityCode(), today).orElseThrow();
	}

	/**
	 * The community's staff confirm a posted cadre's presence today on their list (when the cadre cannot scan);
	 * audited. 409 when the cadre's arrival is already recorded.
	 */
	@Transactional
	public PresenceView confirm(CurrentUser user, String communityCode, long staffId) {
		JurisdictionNode community = community(communityCode);
		if (!DutyAccess.manages(user, community.code())) {
			throw new OutOfScopeException("community", communityCode);
		}
		CadrePost post = postIn(community, staffId);
		PresenceView view = arriveOrLeave(post, today(), user.username());
		audit.record("CADRE_PRESENCE_CONFIRM", "staff", String.valueOf(staffId), AuditTrail.SUCCESS,
				"community=" + community.code());
		return view;
	}

	private CadrePost postIn(JurisdictionNode community, long staffId) {
		return posts.within(Scope.of(List.of(community.code()))).stream()
				.filter(p -> p.staffId() == staffId && p.communityCode().equals(community.code())).findFirst()
				.orElseThrow(() -> new InvalidInputException("duty.cadre.not.posted", community.name()));
	}

	private Optional<PresenceView> presenceOf(long staffId, String community, LocalDate day) {
		return jdbc.sql("SELECT " + PRESENCE_COLUMNS + " FROM cadre_presence WHERE staff_id = ? AND community_code = ?"
				+ " AND duty_day = ?").params(staffId, community, day).query(this::presenceRow).optional();
	}

	// ---------------------------------------------------------------- lists

	/**
	 * Presence of a day within a jurisdiction (default: the caller's whole scope), by community and cadre: the
	 * community's, street's, center's lists within their scope; a cadre only their own. 403 outside the scope.
	 */
	public Page<PresenceView> presence(CurrentUser user, @Nullable String jurisdiction, LocalDate day,
			Pageable pageable) {
		StringBuilder where = new StringBuilder("duty_day = ?");
		List<Object> params = new ArrayList<>();
		params.add(day);
		if (DutyAccess.readsLists(user)) {
			where.append(" AND ").append(user.scope().sqlCondition("community_code"));
		}
		else if (DutyAccess.isCadre(user)) {
			List<Long> ids = posts.ofAccount(user.username()).stream().map(CadrePost::staffId).distinct().toList();
			if (ids.isEmpty()) {
				return Page.empty(pageable);
			}
			where.append(" AND staff_id IN (").append(String.join(",", ids.stream().map(String::valueOf).toList()))
					.append(')');
		}
		else {
			throw new AccessDeniedException("presence lists are read by communities, streets, the center and units");
		}
		if (jurisdiction != null && !jurisdiction.isBlank()) {
			String code = jurisdiction.trim();
			if (!JurisdictionCode.isValid(code)) {
				throw new InvalidInputException("duty.jurisdiction.invalid", code);
			}
			if (DutyAccess.readsLists(user) && !user.scope().covers(code)) {
				throw new OutOfScopeException("jurisdiction", code);
			}
			where.append(" AND community_code LIKE ?");
			params.add(JurisdictionCode.of(code).prefix() + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM cadre_presence WHERE " + where).params(params).query(Long.class)
				.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<PresenceView> rows = naming(() -> jdbc.sql("SELECT " + PRESENCE_COLUMNS + " FROM cadre_presence WHERE "
				+ where + " ORDER BY community_code, cadre_name, id LIMIT ? OFFSET ?").params(pageParams)
				.query(this::presenceRow).list());
		return new PageImpl<>(rows, pageable, total);
	}

	/** A community's board of a day: its posted cadres with their presence, how many came, the day's tasks. */
	public CommunityBoard board(CurrentUser user, String communityCode, LocalDate day) {
		JurisdictionNode community = community(communityCode);
		if (!DutyAccess.readsCommunity(user, community.code())) {
			throw new OutOfScopeException("community", communityCode);
		}
		Map<Long, PresenceView> present = new HashMap<>();
		jdbc.sql("SELECT " + PRESENCE_COLUMNS + " FROM cadre_presence WHERE community_code = ? AND duty_day = ?")
				.params(community.code(), day).query(this::presenceRow).list()
				.forEach(p -> present.put(p.staffId(), p));
		List<PostedCadre> posted = posts.within(Scope.of(List.of(community.code()))).stream()
				.filter(p -> p.communityCode().equals(community.code()))
				.map(p -> new PostedCadre(p.staffId(), p.cadreName(), p.unitName(), p.since(), present.get(p.staffId())))
				.toList();
		List<CadreTaskView> tasks = jdbc.sql("SELECT " + TASK_COLUMNS + " FROM cadre_task WHERE community_code = ?"
				+ " AND duty_day = ? ORDER BY cadre_name, id").params(community.code(), day).query(this::taskRow).list();
		return new CommunityBoard(community.code(), community.name(), day, posted, present.size(), tasks);
	}

	/** The units whose board the caller may read (their own unit, or all for the center and leaders). */
	public List<org.gridlink.jurisdiction.OrganizationViews.UnitView> readableUnits(CurrentUser user,
			List<org.gridlink.jurisdiction.OrganizationViews.UnitView> all) {
		return all.stream().filter(u -> DutyAccess.readsUnit(user, u.id())).toList();
	}

	public boolean readsAnyUnit(CurrentUser user) {
		return DutyAccess.readsAnyUnit(user);
	}

	/**
	 * A unit's cadres over a period (what the unit reports upward): per post, days present and tasks given and done.
	 */
	public UnitBoard unitBoard(CurrentUser user, long unitId, LocalDate from, LocalDate to) {
		if (!DutyAccess.readsUnit(user, unitId)) {
			throw new OutOfScopeException("unit", String.valueOf(unitId));
		}
		if (to.isBefore(from) || from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
			throw new InvalidInputException("duty.period.invalid", MAX_PERIOD_DAYS);
		}
		List<CadrePost> unitPosts = posts.ofUnit(unitId);
		Map<String, long[]> counts = new HashMap<>();
		Map<String, LocalDate> last = new HashMap<>();
		jdbc.sql("SELECT staff_id, community_code, COUNT(*), MAX(duty_day) FROM cadre_presence WHERE unit_id = ?"
				+ " AND duty_day BETWEEN ? AND ? GROUP BY staff_id, community_code").params(unitId, from, to)
				.query((rs, i) -> {
					String key = rs.getLong(1) + ":" + rs.getString(2);
					counts.computeIfAbsent(key, k -> new long[3])[0] = rs.getLong(3);
					last.put(key, rs.getObject(4, LocalDate.class));
					return key;
				}).list();
		jdbc.sql("SELECT staff_id, community_code, COUNT(*), COUNT(done_at) FROM cadre_task WHERE unit_id = ?"
				+ " AND duty_day BETWEEN ? AND ? GROUP BY staff_id, community_code").params(unitId, from, to)
				.query((rs, i) -> {
					long[] c = counts.computeIfAbsent(rs.getLong(1) + ":" + rs.getString(2), k -> new long[3]);
					c[1] = rs.getLong(3);
					c[2] = rs.getLong(4);
					return c;
				}).list();
		List<UnitCadreRow> rows = new ArrayList<>();
		for (CadrePost p : unitPosts) {
			String key = p.staffId() + ":" + p.communityCode();
			long[] c = counts.getOrDefault(key, new long[3]);
			rows.add(new UnitCadreRow(p.staffId(), p.cadreName(), p.communityCode(), p.communityName(), c[0], c[1],
					c[2], last.get(key)));
		}
		String unitName = unitPosts.isEmpty() ? String.valueOf(unitId) : unitPosts.get(0).unitName();
		return new UnitBoard(unitId, unitName == null ? String.valueOf(unitId) : unitName, from, to, rows);
	}

	// ---------------------------------------------------------------- the cadre's day

	/** A cadre's day: each community they are posted to with today's presence, and today's tasks. */
	public MyDuty myDuty(CurrentUser user) {
		if (!DutyAccess.isCadre(user)) {
			throw new AccessDeniedException("the duty page is a posted cadre's");
		}
		LocalDate today = today();
		List<CadrePost> mine = posts.ofAccount(user.username());
		List<MyPost> lines = mine.stream().map(p -> new MyPost(p.communityCode(), p.communityName(),
				presenceOf(p.staffId(), p.communityCode(), today).orElse(null))).toList();
		return new MyDuty(today, lines, tasksOf(mine, today));
	}

	private List<CadreTaskView> tasksOf(List<CadrePost> mine, LocalDate day) {
		List<Long> ids = mine.stream().map(CadrePost::staffId).distinct().toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM cadre_task WHERE staff_id IN (:ids) AND duty_day = :day"
				+ " ORDER BY done_at NULLS FIRST, id").param("ids", ids).param("day", day).query(this::taskRow).list();
	}

	/** A cadre's own tasks of a day. */
	public List<CadreTaskView> myTasks(CurrentUser user, LocalDate day) {
		if (!DutyAccess.isCadre(user)) {
			throw new AccessDeniedException("tasks are a posted cadre's");
		}
		return tasksOf(posts.ofAccount(user.username()), day);
	}

	// ---------------------------------------------------------------- tasks

	/** The community's staff give a task of a day (today or later) to one of its posted cadres. */
	@Transactional
	public CadreTaskView assign(CurrentUser user, String communityCode, @Nullable Long staffId, @Nullable String kind,
			@Nullable String date, @Nullable String details) {
		JurisdictionNode community = community(communityCode);
		if (!DutyAccess.manages(user, community.code())) {
			throw new OutOfScopeException("community", communityCode);
		}
		if (staffId == null) {
			throw new InvalidInputException("duty.task.cadre.required");
		}
		TaskKind taskKind = kind(kind);
		LocalDate day = day(date);
		if (day.isBefore(today()) || day.isAfter(today().plusDays(MAX_DAYS_AHEAD))) {
			throw new InvalidInputException("duty.task.date.invalid", MAX_DAYS_AHEAD);
		}
		String text = note(details, false);
		CadrePost post = postIn(community, staffId);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO cadre_task (community_code, staff_id, cadre_name, unit_id, kind, duty_day, details,"
				+ " assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(community.code(), post.staffId(), post.cadreName(), post.unitId(), taskKind.name(), day, text,
						user.username(), OffsetDateTime.now(clock))
				.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("CADRE_TASK_ASSIGN", "cadre_task", String.valueOf(id), AuditTrail.SUCCESS,
				"community=" + community.code() + " staff=" + staffId);
		return task(id);
	}

	/** The cadre marks their task done with a note; 409 when it is already done. */
	@Transactional
	public CadreTaskView complete(CurrentUser user, long taskId, @Nullable String note) {
		return complete(user, taskId, note, null);
	}

	/**
	 * The cadre marks their task done with a note and, optionally, a photo (checked by content as case photos are:
	 * JPEG, PNG or WebP up to 10 MB; stored without metadata); 409 when it is already done.
	 */
	@Transactional
	public CadreTaskView complete(CurrentUser user, long taskId, @Nullable String note, byte @Nullable [] photo) {
		if (!DutyAccess.isCadre(user)) {
			throw new AccessDeniedException("tasks are marked done by their cadre");
		}
		CadreTaskView task = task(taskId);
		boolean mine = posts.ofAccount(user.username()).stream().anyMatch(p -> p.staffId() == task.staffId());
		if (!mine) {
			throw new NotFoundException("duty.task.not.found", String.valueOf(taskId));
		}
		String text = note(note, true);
		PhotoCheck.CheckedPhoto checked = photo == null || photo.length == 0 ? null : PhotoCheck.check(photo);
		OffsetDateTime now = OffsetDateTime.now(clock);
		int updated = jdbc.sql("UPDATE cadre_task SET done_at = ?, done_note = ?, done_photo_type = ? WHERE id = ?"
				+ " AND done_at IS NULL").params(now, text, checked == null ? null : checked.contentType(), taskId)
				.update();
		if (updated == 0) {
			throw new ConflictException("duty.task.done.already");
		}
		if (checked != null) {
			jdbc.sql("INSERT INTO cadre_task_photo (task_id, content_type, data, created_at) VALUES (?, ?, ?, ?)")
					.params(taskId, checked.contentType(), checked.bytes(), now).update();
		}
		return task(taskId);
	}

	/** A done task's photo (stripped of metadata): for the community's readers and the cadre who took it. */
	public PhotoCheck.CheckedPhoto photo(CurrentUser user, long taskId) {
		CadreTaskView task = task(taskId);
		boolean mine = DutyAccess.isCadre(user)
				&& posts.ofAccount(user.username()).stream().anyMatch(p -> p.staffId() == task.staffId());
		if (!mine && !DutyAccess.readsCommunity(user, task.community())) {
			throw new NotFoundException("duty.task.not.found", String.valueOf(taskId));
		}
		return jdbc.sql("SELECT content_type, data FROM cadre_task_photo WHERE task_id = ?").param(taskId)
				.query((rs, i) -> new PhotoCheck.CheckedPhoto(rs.getString(1), rs.getBytes(2))).optional()
				.orElseThrow(() -> new NotFoundException("duty.task.photo.not.found", String.valueOf(taskId)));
	}

	CadreTaskView task(long id) {
		return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM cadre_task WHERE id = ?").param(id).query(this::taskRow)
				.optional().orElseThrow(() -> new NotFoundException("duty.task.not.found", String.valueOf(id)));
	}

	/** The community's tasks of a day, for its readers. */
	public List<CadreTaskView> tasks(CurrentUser user, String communityCode, LocalDate day) {
		return board(user, communityCode, day).tasks();
	}

	private static TaskKind kind(@Nullable String kind) {
		if (kind == null || kind.isBlank()) {
			throw new InvalidInputException("duty.task.kind.invalid");
		}
		try {
			return TaskKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("duty.task.kind.invalid");
		}
	}

	private static @Nullable String note(@Nullable String note, boolean required) {
		String text = note == null ? "" : note.trim();
		if (text.isEmpty()) {
			if (required) {
				throw new InvalidInputException("duty.task.note.required");
			}
			return null;
		}
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException("duty.note.long", MAX_NOTE);
		}
		return text;
	}

	// ---------------------------------------------------------------- helpers

	private JurisdictionNode community(String code) {
		if (code == null || !JurisdictionCode.isValid(code.trim())) {
			throw new InvalidInputException("duty.jurisdiction.invalid", String.valueOf(code));
		}
		return jurisdictions.find(code.trim()).filter(n -> n.level() == JurisdictionLevel.COMMUNITY)
				.orElseThrow(() -> new NotFoundException("duty.community.not.found", code));
	}

	private CurrentUser system() {
		return new CurrentUser(0, "system", "GridLink", Set.of(Role.CENTER), Scope.of(jurisdictions.districtCodes()),
				null);
	}

	private PresenceView presenceRow(ResultSet rs, int i) throws SQLException {
		String community = rs.getString(5);
		return new PresenceView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), community,
				communityName(community), rs.getObject(6, LocalDate.class), rs.getObject(7, OffsetDateTime.class),
				rs.getObject(8, OffsetDateTime.class), rs.getString(9));
	}

	private CadreTaskView taskRow(ResultSet rs, int i) throws SQLException {
		String community = rs.getString(2);
		return new CadreTaskView(rs.getLong(1), community, communityName(community), rs.getLong(3), rs.getString(4),
				TaskKind.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
				rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11) != null);
	}

	/** Community names are read per request (a rename shows at once), once per code. */
	private String communityName(String code) {
		Map<String, String> names = NAMES.get();
		if (names == null) {
			return jurisdictions.names(List.of(code)).getOrDefault(code, code);
		}
		return names.computeIfAbsent(code, c -> jurisdictions.names(List.of(c)).getOrDefault(c, c));
	}

	private static final ThreadLocal<Map<String, String>> NAMES = new ThreadLocal<>();

	/** Runs a read that names many communities with one lookup per code. */
	private <T> T naming(java.util.function.Supplier<T> read) {
		if (NAMES.get() != null) {
			return read.get();
		}
		NAMES.set(new HashMap<>());
		try {
			return read.get();
		}
		finally {
			NAMES.remove();
		}
	}
}
