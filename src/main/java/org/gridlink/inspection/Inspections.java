package org.gridlink.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.HandOffProgress;
import org.gridlink.cases.NewCase;
import org.gridlink.inspection.InspectionViews.CheckItem;
import org.gridlink.inspection.InspectionViews.Findings;
import org.gridlink.inspection.InspectionViews.Group;
import org.gridlink.inspection.InspectionViews.HandOff;
import org.gridlink.inspection.InspectionViews.Member;
import org.gridlink.inspection.InspectionViews.NewCheckItem;
import org.gridlink.inspection.InspectionViews.NewGroup;
import org.gridlink.inspection.InspectionViews.NewHandOff;
import org.gridlink.inspection.InspectionViews.NewMember;
import org.gridlink.inspection.InspectionViews.NewResult;
import org.gridlink.inspection.InspectionViews.NewRound;
import org.gridlink.inspection.InspectionViews.NewTarget;
import org.gridlink.inspection.InspectionViews.RepeatProblem;
import org.gridlink.inspection.InspectionViews.Result;
import org.gridlink.inspection.InspectionViews.Round;
import org.gridlink.inspection.InspectionViews.RoundSummary;
import org.gridlink.inspection.InspectionViews.SavedResult;
import org.gridlink.inspection.InspectionViews.Target;
import org.gridlink.inspection.InspectionViews.UnitRectification;
import org.gridlink.inspection.InspectionViews.Verification;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
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
 * The public facade of supervision: the library of check items, groups, rounds (plan, checklist, targets), results
 * recorded on site and the hand-offs of failed items, each opened as a case through {@link CaseManagement#handOff}
 * and verified by the group ({@link CaseManagement#verifyHandOff}) before its case closes. Every read is limited to
 * what the caller sees ({@link InspectionAccess}).
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Inspections {

	static final Set<String> RESULTS = Set.of("PASS", "FAIL", "NA");
	static final Set<String> TARGET_KINDS = Set.of("COMMUNITY", "UNIT");
	static final int MAX_PHOTOS = 3;
	static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
	private static final Pattern CATEGORY = Pattern.compile("S06\\d{2}");
	private static final Pattern DATA_URL = Pattern.compile("data:(image/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=\\s]+)");

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final CaseManagement cases;
	private final Organization organization;
	private final JurisdictionDirectory places;
	private final AuditTrail audit;
	private final Clock clock;

	Inspections(JdbcClient jdbc, TransactionTemplate transactions, CaseManagement cases, Organization organization,
			JurisdictionDirectory places, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cases = cases;
		this.organization = organization;
		this.places = places;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- who

	InspectionAccess.Who who(CurrentUser user) {
		List<Long> groups = user.has(org.gridlink.platform.Role.INSPECTOR)
				? jdbc.sql("SELECT DISTINCT group_id FROM inspection_group_member WHERE username = ? ORDER BY group_id")
						.param(user.username()).query(Long.class).list()
				: List.of();
		boolean whole = places.districtCodes().stream().anyMatch(d -> user.scope().covers(d));
		return new InspectionAccess.Who(user, groups, whole);
	}

	/** True when the user may open supervision at all (a list may still be empty). */
	public boolean canRead(CurrentUser user) {
		return who(user).reads();
	}

	/** True when the user plans rounds (the center). */
	public boolean canPlan(CurrentUser user) {
		return who(user).plans();
	}

	/** True when the user records results on site (an inspector in a group, or the center). */
	public boolean canInspect(CurrentUser user) {
		InspectionAccess.Who who = who(user);
		return who.inspects() || who.plans();
	}

	private InspectionAccess.Who reader(CurrentUser user) {
		InspectionAccess.Who who = who(user);
		if (!who.reads()) {
			throw new AccessDeniedException("supervision is not for this role");
		}
		return who;
	}

	private InspectionAccess.Who planner(CurrentUser user) {
		InspectionAccess.Who who = who(user);
		if (!who.plans()) {
			throw new AccessDeniedException("only the center plans supervision");
		}
		return who;
	}

	private String district(CurrentUser user) {
		return places.districtCodes().stream().map(d -> d.substring(0, 6))
				.filter(d -> user.scope().prefixes().stream().anyMatch(p -> p.startsWith(d))).findFirst()
				.orElseThrow(() -> new AccessDeniedException("no district in scope"));
	}

	// ---- check items

	public List<CheckItem> checkItems(CurrentUser user) {
		reader(user);
		return jdbc.sql("SELECT id, text, category, weight, target_kinds FROM inspection_check_item WHERE active"
				+ " ORDER BY sort_order, id").query((rs, i) -> checkItem(rs)).list();
	}

	private static CheckItem checkItem(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CheckItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
				List.of(rs.getString(5).split(",")));
	}

	public CheckItem createCheckItem(CurrentUser user, NewCheckItem item) {
		planner(user);
		String text = item.text() == null ? "" : item.text().strip();
		if (text.isEmpty() || text.length() > 300) {
			throw new InvalidInputException("inspection.item.text.invalid");
		}
		String category = item.category() == null ? "" : item.category().strip();
		if (!CATEGORY.matcher(category).matches()) {
			throw new InvalidInputException("inspection.item.category.invalid", category);
		}
		int weight = item.weight() == null ? 1 : item.weight();
		if (weight < 1 || weight > 100) {
			throw new InvalidInputException("inspection.item.weight.invalid");
		}
		List<String> kinds = item.targetKinds() == null || item.targetKinds().isEmpty() ? List.of("COMMUNITY")
				: item.targetKinds().stream().map(String::strip).distinct().toList();
		if (!TARGET_KINDS.containsAll(kinds)) {
			throw new InvalidInputException("inspection.item.kinds.invalid");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO inspection_check_item (district_code, text, category, weight, target_kinds, sort_order)"
				+ " VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM inspection_check_item))")
				.params(district(user), text, category, weight, String.join(",", kinds)).update(key, "id");
		long id = key.getKeyAs(Long.class);
		audit.record("INSPECTION_ITEM_CREATE", "inspection_check_item", String.valueOf(id), AuditTrail.SUCCESS, text);
		return new CheckItem(id, text, category, weight, kinds);
	}

	// ---- groups

	/** The groups the caller sees: all (center, leaders), their own (inspectors), those covering their place or unit. */
	public List<Group> groups(CurrentUser user) {
		InspectionAccess.Who who = reader(user);
		String where;
		if (who.readsAll()) {
			where = "1 = 1";
		}
		else {
			List<String> parts = new ArrayList<>();
			if (who.inspects()) {
				parts.add("g.id IN (" + who.groups().stream().map(String::valueOf).collect(Collectors.joining(","))
						+ ")");
			}
			if (who.readsArea()) {
				parts.add("EXISTS (SELECT 1 FROM inspection_group_community c WHERE c.group_id = g.id AND "
						+ user.scope().sqlCondition("c.community_code") + ")");
			}
			if (who.readsUnit()) {
				parts.add("EXISTS (SELECT 1 FROM inspection_group_unit u WHERE u.group_id = g.id AND u.unit_id = "
						+ user.unitId().longValue() + ")");
			}
			where = "(" + String.join(" OR ", parts) + ")";
		}
		Map<Long, String> units = unitNames();
		record Row(long id, String name, String leader, long leaderUnit) {
		}
		List<Row> rows = jdbc.sql("SELECT g.id, g.name, g.leader_name, g.leader_unit_id FROM inspection_group g WHERE "
				+ where + " ORDER BY g.id").query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getLong(4))).list();
		Map<Long, List<Member>> members = new HashMap<>();
		jdbc.sql("SELECT group_id, name, unit_id, username FROM inspection_group_member ORDER BY id")
				.query((rs, i) -> {
					members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Member(rs.getString(2),
							rs.getLong(3), units.getOrDefault(rs.getLong(3), "#" + rs.getLong(3)), rs.getString(4)));
					return 0;
				}).list();
		Map<Long, List<String>> communities = new HashMap<>();
		jdbc.sql("SELECT group_id, community_code FROM inspection_group_community ORDER BY community_code")
				.query((rs, i) -> communities.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(rs.getString(2))).list();
		Map<Long, List<Long>> covered = new HashMap<>();
		jdbc.sql("SELECT group_id, unit_id FROM inspection_group_unit ORDER BY unit_id")
				.query((rs, i) -> covered.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
				.list();
		return rows.stream().map(r -> new Group(r.id(), r.name(), r.leader(), r.leaderUnit(),
				units.getOrDefault(r.leaderUnit(), "#" + r.leaderUnit()), members.getOrDefault(r.id(), List.of()),
				communities.getOrDefault(r.id(), List.of()), covered.getOrDefault(r.id(), List.of()))).toList();
	}

	public Group createGroup(CurrentUser user, NewGroup group) {
		planner(user);
		String name = text(group.name(), 100, "inspection.group.name.invalid");
		String leader = text(group.leaderName(), 50, "inspection.group.leader.invalid");
		Map<Long, String> units = unitNames();
		if (group.leaderUnitId() == null || !units.containsKey(group.leaderUnitId())) {
			throw new InvalidInputException("inspection.unit.invalid", String.valueOf(group.leaderUnitId()));
		}
		List<NewMember> members = group.members() == null ? List.of() : group.members();
		for (NewMember m : members) {
			text(m.name(), 50, "inspection.group.member.invalid");
			if (m.unitId() == null || !units.containsKey(m.unitId())) {
				throw new InvalidInputException("inspection.unit.invalid", String.valueOf(m.unitId()));
			}
		}
		List<String> communities = group.communities() == null ? List.of() : group.communities();
		for (String c : communities) {
			if (!isCommunity(c) || !user.scope().covers(c)) {
				throw new InvalidInputException("inspection.community.invalid", c);
			}
		}
		List<Long> covered = group.units() == null ? List.of() : group.units();
		for (Long u : covered) {
			if (u == null || !units.containsKey(u)) {
				throw new InvalidInputException("inspection.unit.invalid", String.valueOf(u));
			}
		}
		long id = transactions.execute(tx -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO inspection_group (district_code, name, leader_name, leader_unit_id, created_at)"
					+ " VALUES (?, ?, ?, ?, ?)").params(district(user), name, leader, group.leaderUnitId(),
							OffsetDateTime.now(clock)).update(key, "id");
			long g = key.getKeyAs(Long.class);
			for (NewMember m : members) {
				String username = m.username() == null || m.username().isBlank() ? null : m.username().strip();
				jdbc.sql("INSERT INTO inspection_group_member (group_id, unit_id, name, username) VALUES (?, ?, ?, ?)")
						.params(g, m.unitId(), m.name().strip(), username).update();
			}
			communities.stream().distinct().forEach(c -> jdbc.sql(
					"INSERT INTO inspection_group_community (group_id, community_code) VALUES (?, ?)").params(g, c)
					.update());
			covered.stream().distinct().forEach(u -> jdbc.sql(
					"INSERT INTO inspection_group_unit (group_id, unit_id) VALUES (?, ?)").params(g, u).update());
			audit.record("INSPECTION_GROUP_CREATE", "inspection_group", String.valueOf(g), AuditTrail.SUCCESS, name);
			return g;
		});
		return groups(user).stream().filter(g -> g.id() == id).findFirst().orElseThrow();
	}

	private boolean isCommunity(@Nullable String code) {
		return code != null && JurisdictionCode.isValid(code)
				&& JurisdictionCode.of(code).level() == JurisdictionLevel.COMMUNITY && places.exists(code);
	}

	// ---- rounds

	/** The rounds in which the caller sees a target (the center and leaders: every round of their district). */
	public Page<RoundSummary> rounds(CurrentUser user, Pageable pageable) {
		InspectionAccess.Who who = reader(user);
		String visible = "EXISTS (SELECT 1 FROM inspection_target t WHERE t.round_id = r.id AND " + who.targetSql()
				+ ")";
		long total = jdbc.sql("SELECT COUNT(*) FROM inspection_round r WHERE " + visible).query(Long.class).single();
		LocalDate today = LocalDate.now(clock);
		List<RoundSummary> rows = jdbc.sql("SELECT r.id, r.number, r.title, r.starts_on, r.ends_on,"
				+ " (SELECT COUNT(*) FROM inspection_target t WHERE t.round_id = r.id AND " + who.targetSql() + "),"
				+ " (SELECT COUNT(*) FROM inspection_hand_off h WHERE h.round_id = r.id AND h.state <> 'CANCELLED' AND "
				+ who.handOffSql() + "),"
				+ " (SELECT COUNT(*) FROM inspection_hand_off h WHERE h.round_id = r.id AND h.state = 'OPEN' AND "
				+ who.handOffSql() + "),"
				+ " (SELECT COUNT(*) FROM inspection_hand_off h WHERE h.round_id = r.id AND h.state = 'RECTIFIED' AND "
				+ who.handOffSql() + "),"
				+ " (SELECT COUNT(*) FROM inspection_hand_off h WHERE h.round_id = r.id AND h.state = 'OPEN' AND"
				+ " h.deadline < ? AND " + who.handOffSql() + ")"
				+ " FROM inspection_round r WHERE " + visible + " ORDER BY r.starts_on DESC, r.id DESC LIMIT ? OFFSET ?")
				.params(today, pageable.getPageSize(), pageable.getOffset())
				.query((rs, i) -> new RoundSummary(rs.getLong(1), rs.getInt(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6),
						new Findings(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10))))
				.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** One round: plan, checklist, the targets the caller sees, and the findings among the hand-offs they see. */
	public Round round(CurrentUser user, long id) {
		InspectionAccess.Who who = reader(user);
		record Head(int number, String title, LocalDate starts, LocalDate ends, int version) {
		}
		Head head = jdbc.sql("SELECT number, title, starts_on, ends_on, version FROM inspection_round WHERE id = ?")
				.param(id).query((rs, i) -> new Head(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class), rs.getInt(5)))
				.optional().orElseThrow(() -> notFound(id));
		List<Target> targets = targets(who, id);
		if (targets.isEmpty()) {
			throw new OutOfScopeException("inspection_round", String.valueOf(id));
		}
		List<CheckItem> checklist = jdbc.sql("SELECT c.id, c.text, c.category, c.weight, c.target_kinds FROM"
				+ " inspection_round_item i JOIN inspection_check_item c ON c.id = i.check_item_id WHERE i.round_id = ?"
				+ " ORDER BY i.sort_order, c.id").param(id).query((rs, i) -> checkItem(rs)).list();
		List<Long> groups = jdbc.sql("SELECT DISTINCT group_id FROM inspection_target WHERE round_id = ? ORDER BY"
				+ " group_id").param(id).query(Long.class).list();
		return new Round(id, head.number(), head.title(), head.starts(), head.ends(), groups, checklist, targets,
				findings(who, "h.round_id = " + id), head.version());
	}

	/** The findings among the hand-offs the caller sees that match {@code condition} (constant SQL over h). */
	Findings findings(InspectionAccess.Who who, String condition) {
		return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN h.state = 'OPEN' THEN 1 ELSE 0 END), 0),"
				+ " COALESCE(SUM(CASE WHEN h.state = 'RECTIFIED' THEN 1 ELSE 0 END), 0),"
				+ " COALESCE(SUM(CASE WHEN h.state = 'OPEN' AND h.deadline < ? THEN 1 ELSE 0 END), 0)"
				+ " FROM inspection_hand_off h WHERE h.state <> 'CANCELLED' AND " + condition + " AND "
				+ who.handOffSql()).param(LocalDate.now(clock))
				.query((rs, i) -> new Findings(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
	}

	private List<Target> targets(InspectionAccess.Who who, long roundId) {
		Map<Long, String> units = unitNames();
		record Row(String code, String kind, @Nullable String community, @Nullable Long unit, long group,
				String groupName, long results) {
		}
		List<Row> rows = jdbc.sql("SELECT t.target_code, t.kind, t.community_code, t.unit_id, t.group_id, g.name,"
				+ " (SELECT COUNT(*) FROM inspection_result x WHERE x.round_id = t.round_id AND x.target_code ="
				+ " t.target_code) FROM inspection_target t JOIN inspection_group g ON g.id = t.group_id"
				+ " WHERE t.round_id = ? AND " + who.targetSql() + " ORDER BY t.target_code").param(roundId)
				.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, Long.class), rs.getLong(5), rs.getString(6), rs.getLong(7)))
				.list();
		Map<String, String> names = places.names(rows.stream().map(Row::community).filter(c -> c != null).toList());
		return rows.stream().map(r -> new Target(r.code(), r.kind(),
				r.unit() != null ? units.getOrDefault(r.unit(), r.code()) : names.getOrDefault(r.community(), r.code()),
				r.group(), r.groupName(), r.results())).toList();
	}

	/** The target of a round as the caller sees it, or 404/out of scope. */
	Target target(InspectionAccess.Who who, long roundId, String code) {
		return targets(who, roundId).stream().filter(t -> t.code().equals(code)).findFirst()
				.orElseThrow(() -> new OutOfScopeException("inspection_target", code));
	}

	public Round createRound(CurrentUser user, NewRound round) {
		InspectionAccess.Who who = planner(user);
		String title = text(round.title(), 200, "inspection.round.title.invalid");
		if (round.startsOn() == null || round.endsOn() == null || round.endsOn().isBefore(round.startsOn())) {
			throw new InvalidInputException("inspection.round.dates.invalid");
		}
		List<Long> items = round.checkItemIds() == null ? List.of()
				: round.checkItemIds().stream().distinct().toList();
		Set<Long> library = jdbc.sql("SELECT id FROM inspection_check_item WHERE active").query(Long.class).set();
		if (items.isEmpty() || !library.containsAll(items)) {
			throw new InvalidInputException("inspection.round.items.invalid");
		}
		List<NewTarget> targets = round.targets() == null ? List.of() : round.targets();
		if (targets.isEmpty()) {
			throw new InvalidInputException("inspection.round.targets.invalid");
		}
		Set<Long> groups = jdbc.sql("SELECT id FROM inspection_group").query(Long.class).set();
		Map<String, UnitView> unitsByCode = organization.allUnits().stream()
				.collect(Collectors.toMap(UnitView::code, u -> u, (a, b) -> a));
		List<Object[]> rows = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (NewTarget t : targets) {
			String code = t.targetCode() == null ? "" : t.targetCode().strip();
			if (t.groupId() == null || !groups.contains(t.groupId())) {
				throw new InvalidInputException("inspection.group.invalid", String.valueOf(t.groupId()));
			}
			if (!seen.add(code)) {
				throw new InvalidInputException("inspection.target.duplicate", code);
			}
			if (isCommunity(code)) {
				if (!user.scope().covers(code)) {
					throw new OutOfScopeException("jurisdiction", code);
				}
				rows.add(new Object[] { code, t.groupId(), "COMMUNITY", code, null });
			}
			else if (unitsByCode.containsKey(code) && who.wholeDistrict()) {
				rows.add(new Object[] { code, t.groupId(), "UNIT", null, unitsByCode.get(code).id() });
			}
			else {
				throw new InvalidInputException("inspection.target.invalid", code);
			}
		}
		String district = district(user);
		long id = transactions.execute(tx -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO inspection_round (district_code, number, title, starts_on, ends_on, created_by,"
					+ " created_at) VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM inspection_round WHERE"
					+ " district_code = ?), ?, ?, ?, ?, ?)")
					.params(district, district, title, round.startsOn(), round.endsOn(), user.username(),
							OffsetDateTime.now(clock))
					.update(key, "id");
			long r = key.getKeyAs(Long.class);
			for (int i = 0; i < items.size(); i++) {
				jdbc.sql("INSERT INTO inspection_round_item (round_id, check_item_id, sort_order) VALUES (?, ?, ?)")
						.params(r, items.get(i), i).update();
			}
			for (Object[] row : rows) {
				jdbc.sql("INSERT INTO inspection_target (round_id, target_code, group_id, kind, community_code,"
						+ " unit_id) VALUES (?, ?, ?, ?, ?, ?)").params(r, row[0], row[1], row[2], row[3], row[4])
						.update();
			}
			audit.record("INSPECTION_ROUND_CREATE", "inspection_round", String.valueOf(r), AuditTrail.SUCCESS, title);
			return r;
		});
		return round(user, id);
	}

	// ---- results and hand-offs

	/** What a result needs from its round: the target, its place, the checklist. */
	private record Place(Target target, String place, int roundNumber, CheckItem item) {
	}

	/**
	 * Records a result on site. The same {@code clientId} again answers the first result and its case (a phone that
	 * syncs twice makes one result and at most one hand-off case). A FAIL with a hand-off opens its case through the
	 * cases module, dispatched to the unit responsible (a community's hand-off waits for the center to dispatch it).
	 */
	public SavedResult record(CurrentUser user, long roundId, NewResult input) {
		InspectionAccess.Who who = who(user);
		String clientId = input.clientId() == null ? "" : input.clientId().strip();
		if (clientId.isEmpty() || clientId.length() > 64) {
			throw new InvalidInputException("inspection.client.invalid");
		}
		if (!who.inspects() && !who.plans()) {
			throw new AccessDeniedException("only inspectors record results");
		}
		Optional<SavedResult> earlier = earlier(roundId, clientId);
		if (earlier.isPresent()) {
			return finishHandOff(user, earlier.get());
		}
		Place at = place(who, roundId, input.targetCode(), input.checkItemId());
		if (!who.worksFor(at.target().groupId(), at.place())) {
			throw new AccessDeniedException("not this group's target");
		}
		String result = input.result() == null ? "" : input.result().strip().toUpperCase(Locale.ROOT);
		if (!RESULTS.contains(result)) {
			throw new InvalidInputException("inspection.result.invalid", result);
		}
		String note = input.note() == null ? "" : input.note().strip();
		if (note.length() > 1000) {
			throw new InvalidInputException("inspection.note.invalid");
		}
		List<Photo> photos = photos(input.photos());
		NewHandOff handOff = input.handOff();
		if (handOff != null && !result.equals("FAIL")) {
			throw new InvalidInputException("inspection.handoff.only.fail");
		}
		HandOffPlan plan = handOff == null ? null : plan(handOff);
		OffsetDateTime now = OffsetDateTime.now(clock);
		SavedResult saved;
		try {
			saved = transactions.execute(tx -> {
				GeneratedKeyHolder key = new GeneratedKeyHolder();
				jdbc.sql("INSERT INTO inspection_result (round_id, target_code, check_item_id, result, note,"
						+ " client_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
						.params(roundId, at.target().code(), at.item().id(), result, note, clientId, user.username(),
								now)
						.update(key, "id");
				long id = key.getKeyAs(Long.class);
				for (Photo p : photos) {
					jdbc.sql("INSERT INTO inspection_photo (result_id, stage, content_type, data, created_by,"
							+ " created_at) VALUES (?, 'FINDING', ?, ?, ?, ?)")
							.params(id, p.type(), p.data(), user.username(), now).update();
				}
				Long handOffId = null;
				if (plan != null) {
					String problem = at.item().text() + (note.isEmpty() ? "" : "：" + note);
					GeneratedKeyHolder h = new GeneratedKeyHolder();
					jdbc.sql("INSERT INTO inspection_hand_off (result_id, round_id, district_code, target_code,"
							+ " community_code, check_item_id, unit_id, jurisdiction_code, problem, fix, deadline,"
							+ " state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
							.params(id, roundId, at.place().substring(0, 6), at.target().code(), at.place(),
									at.item().id(), plan.unitId(), plan.jurisdictionCode(),
									problem.length() > 1000 ? problem.substring(0, 1000) : problem, plan.fix(),
									plan.deadline(), now)
							.update(h, "id");
					handOffId = h.getKeyAs(Long.class);
				}
				audit.record("INSPECTION_RESULT", "inspection_result", String.valueOf(id), AuditTrail.SUCCESS,
						at.target().code() + " " + at.item().id() + " " + result);
				return new SavedResult(id, handOffId, null, true);
			});
		}
		catch (DuplicateKeyException ex) {
			// the same client id arrived twice at once: the other request won, answer its result
			return finishHandOff(user, earlier(roundId, clientId).orElseThrow(() -> ex));
		}
		return finishHandOff(user, saved);
	}

	private Optional<SavedResult> earlier(long roundId, String clientId) {
		return jdbc.sql("SELECT r.id, r.round_id, h.id, h.case_id FROM inspection_result r LEFT JOIN"
				+ " inspection_hand_off h ON h.result_id = r.id WHERE r.client_id = ?").param(clientId)
				.query((rs, i) -> {
					if (rs.getLong(2) != roundId) {
						throw new ConflictException("inspection.client.used", clientId);
					}
					return new SavedResult(rs.getLong(1), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
							false);
				}).optional();
	}

	/** Opens the hand-off's case if it has none yet (also when a first attempt failed after the result was saved). */
	private SavedResult finishHandOff(CurrentUser user, SavedResult saved) {
		if (saved.handOffId() == null || saved.caseId() != null) {
			return saved;
		}
		long caseId = openCase(user.username(), saved.handOffId());
		return new SavedResult(saved.id(), saved.handOffId(), caseId, saved.created());
	}

	/** Opens (or, for a repeated call, finds) the case of a hand-off and links it. */
	long openCase(String reporter, long handOffId) {
		record Row(int round, String item, String category, String place, @Nullable Long unit,
				@Nullable String community, String problem, String fix, LocalDate deadline) {
		}
		Row h = jdbc.sql("SELECT r.number, c.text, c.category, h.community_code, h.unit_id, h.jurisdiction_code,"
				+ " h.problem, h.fix, h.deadline FROM inspection_hand_off h JOIN inspection_round r ON r.id ="
				+ " h.round_id JOIN inspection_check_item c ON c.id = h.check_item_id WHERE h.id = ?").param(handOffId)
				.query((rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getObject(9, LocalDate.class)))
				.single();
		String responsible = h.unit() != null ? unitNames().getOrDefault(h.unit(), "#" + h.unit())
				: places.names(List.of(h.community())).getOrDefault(h.community(), h.community());
		String description = caseDescription(h.round(), h.item(), h.problem(), h.fix(), h.deadline(), responsible);
		long caseId = cases.handOff(reporter, new NewCase(h.category(), description.length() > 2000
				? description.substring(0, 2000) : description,
				h.community() != null ? h.community() : h.place(), null, null, null, CaseSource.INSPECTION, null),
				h.unit(), caseKey(handOffId));
		jdbc.sql("UPDATE inspection_hand_off SET case_id = ? WHERE id = ? AND case_id IS NULL").params(caseId,
				handOffId).update();
		return caseId;
	}

	/** The text of a hand-off's case. */
	static String caseDescription(int round, String item, String problem, String fix, LocalDate deadline,
			String responsible) {
		return "【督查交办】第" + round + "轮督查，检查项：" + item + "。发现问题：" + problem + "。整改要求：" + fix
				+ "。整改期限：" + deadline + "。责任方：" + responsible + "。整改完成后由督导组复核。";
	}

	static String caseKey(long handOffId) {
		return "inspection-hand-off:" + handOffId;
	}

	private record HandOffPlan(@Nullable Long unitId, @Nullable String jurisdictionCode, String fix,
			LocalDate deadline) {
	}

	private HandOffPlan plan(NewHandOff h) {
		String community = h.jurisdictionCode() == null || h.jurisdictionCode().isBlank() ? null
				: h.jurisdictionCode().strip();
		if ((h.unitId() == null) == (community == null)) {
			throw new InvalidInputException("inspection.handoff.responsible.invalid");
		}
		if (h.unitId() != null && !unitNames().containsKey(h.unitId())) {
			throw new InvalidInputException("inspection.unit.invalid", String.valueOf(h.unitId()));
		}
		if (community != null && !isCommunity(community)) {
			throw new InvalidInputException("inspection.community.invalid", community);
		}
		String fix = text(h.fix(), 1000, "inspection.handoff.fix.invalid");
		if (h.deadline() == null || h.deadline().isBefore(LocalDate.now(clock))) {
			throw new InvalidInputException("inspection.handoff.deadline.invalid");
		}
		return new HandOffPlan(h.unitId(), community, fix, h.deadline());
	}

	private Place place(InspectionAccess.Who who, long roundId, @Nullable String targetCode,
			@Nullable Long checkItemId) {
		Integer number = jdbc.sql("SELECT number FROM inspection_round WHERE id = ?").param(roundId)
				.query(Integer.class).optional().orElseThrow(() -> notFound(roundId));
		String code = targetCode == null ? "" : targetCode.strip();
		Target target = target(who, roundId, code);
		CheckItem item = checkItemId == null ? null : jdbc.sql("SELECT c.id, c.text, c.category, c.weight,"
				+ " c.target_kinds FROM inspection_round_item i JOIN inspection_check_item c ON c.id ="
				+ " i.check_item_id WHERE i.round_id = ? AND c.id = ?").params(roundId, checkItemId)
				.query((rs, i) -> checkItem(rs)).optional().orElse(null);
		if (item == null) {
			throw new InvalidInputException("inspection.item.invalid", String.valueOf(checkItemId));
		}
		String place = jdbc.sql("SELECT COALESCE(t.community_code, r.district_code || '000000') FROM inspection_target t"
				+ " JOIN inspection_round r ON r.id = t.round_id WHERE t.round_id = ? AND t.target_code = ?")
				.params(roundId, code).query(String.class).single();
		return new Place(target, place, number, item);
	}

	/** The results recorded at a target of a round (the latest per check item first). */
	public List<Result> results(CurrentUser user, long roundId, String targetCode) {
		InspectionAccess.Who who = reader(user);
		target(who, roundId, targetCode);
		return jdbc.sql("SELECT id, target_code, check_item_id, result, note, recorded_by, recorded_at FROM"
				+ " inspection_result WHERE round_id = ? AND target_code = ? ORDER BY recorded_at DESC, id DESC")
				.params(roundId, targetCode)
				.query((rs, i) -> new Result(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
				.list();
	}

	/**
	 * The hand-offs the caller sees, of one round or all ({@code roundId} null), optionally one state (OPEN,
	 * RECTIFIED, CANCELLED, OVERDUE, or VERIFY: fixed by the unit and waiting for the group), newest first.
	 */
	public Page<HandOff> handOffs(CurrentUser user, @Nullable Long roundId, @Nullable String state,
			Pageable pageable) {
		InspectionAccess.Who who = reader(user);
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(who.handOffSql());
		if (roundId != null) {
			where.append(" AND h.round_id = ?");
			params.add(roundId);
		}
		String s = state == null ? "" : state.strip().toUpperCase(Locale.ROOT);
		switch (s) {
			case "" -> {
			}
			case "OPEN", "RECTIFIED", "CANCELLED" -> {
				where.append(" AND h.state = ?");
				params.add(s);
			}
			case "OVERDUE" -> {
				where.append(" AND h.state = 'OPEN' AND h.deadline < ?");
				params.add(LocalDate.now(clock));
			}
			case "VERIFY" -> where.append(" AND h.state = 'OPEN' AND h.case_id IS NOT NULL");
			default -> throw new InvalidInputException("inspection.state.invalid", s);
		}
		if (s.equals("VERIFY")) {
			// waiting for the group: known to the cases module only; the open ones are few, filtered here
			List<HandOff> all = load(where.toString(), params, Integer.MAX_VALUE, 0).stream()
					.filter(HandOff::awaitingVerification).toList();
			int from = (int) Math.min(all.size(), pageable.getOffset());
			return new PageImpl<>(all.subList(from, Math.min(all.size(), from + pageable.getPageSize())), pageable,
					all.size());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM inspection_hand_off h" + where).params(params).query(Long.class)
				.single();
		return new PageImpl<>(load(where.toString(), params, pageable.getPageSize(), pageable.getOffset()), pageable,
				total);
	}

	public HandOff handOff(CurrentUser user, long id) {
		InspectionAccess.Who who = reader(user);
		List<Object> params = new ArrayList<>(List.of(id));
		return load(" WHERE h.id = ? AND " + who.handOffSql(), params, 1, 0).stream().findFirst()
				.orElseThrow(() -> jdbc.sql("SELECT COUNT(*) FROM inspection_hand_off WHERE id = ?").param(id)
						.query(Long.class).single() == 0 ? notFound(id)
								: new OutOfScopeException("inspection_hand_off", String.valueOf(id)));
	}

	private List<HandOff> load(String where, List<Object> params, int limit, long offset) {
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		LocalDate today = LocalDate.now(clock);
		record Row(long id, long round, int number, String target, String community, long item, String itemText,
				@Nullable Long unit, @Nullable String jurisdiction, String problem, String fix, LocalDate deadline,
				@Nullable Long caseId, String state, int returned, OffsetDateTime created,
				@Nullable OffsetDateTime rectified, int version) {
		}
		List<Row> rows = jdbc.sql("SELECT h.id, h.round_id, r.number, h.target_code, h.community_code,"
				+ " h.check_item_id, c.text, h.unit_id, h.jurisdiction_code, h.problem, h.fix, h.deadline, h.case_id,"
				+ " h.state, h.returned, h.created_at, h.rectified_at, h.version FROM inspection_hand_off h"
				+ " JOIN inspection_round r ON r.id = h.round_id JOIN inspection_check_item c ON c.id = h.check_item_id"
				+ where + " ORDER BY h.created_at DESC, h.id DESC LIMIT ? OFFSET ?").params(all)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
						rs.getString(5), rs.getLong(6), rs.getString(7), rs.getObject(8, Long.class), rs.getString(9),
						rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class),
						rs.getObject(13, Long.class), rs.getString(14), rs.getInt(15),
						rs.getObject(16, OffsetDateTime.class), rs.getObject(17, OffsetDateTime.class), rs.getInt(18)))
				.list();
		Map<Long, HandOffProgress> progress = cases.progress(rows.stream().map(Row::caseId)
				.filter(c -> c != null).toList());
		Map<String, String> names = places.names(rows.stream().map(Row::community).distinct().toList());
		Map<Long, String> units = unitNames();
		return rows.stream().map(r -> {
			HandOffProgress p = r.caseId() == null ? null : progress.get(r.caseId());
			boolean open = r.state().equals("OPEN");
			return new HandOff(r.id(), r.round(), r.number(), r.target(), r.community(),
					names.getOrDefault(r.community(), r.community()), r.item(), r.itemText(), r.unit(),
					r.unit() == null ? null : units.getOrDefault(r.unit(), "#" + r.unit()), r.jurisdiction(),
					r.problem(), r.fix(), r.deadline(), r.caseId(), p == null ? null : p.number(), r.state(),
					open && p != null && p.awaitingVerification(), open && r.deadline().isBefore(today), r.returned(),
					r.created(), r.rectified(), r.version());
		}).toList();
	}

	/**
	 * The group verifies the fix the unit fed back: passed (with a photo of the fix at least) closes the hand-off's
	 * case and the hand-off is rectified; not passed sends the case back to the unit for rework. Only the group that
	 * visited the target (or the center) verifies.
	 */
	public HandOff verify(CurrentUser user, long id, Verification input) {
		InspectionAccess.Who who = who(user);
		HandOff h = handOff(user, id);
		long group = jdbc.sql("SELECT group_id FROM inspection_target WHERE round_id = ? AND target_code = ?")
				.params(h.roundId(), h.targetCode()).query(Long.class).single();
		if (!who.worksFor(group, h.communityCode())) {
			throw new AccessDeniedException("only the group verifies its hand-offs");
		}
		if (input.passed() == null) {
			throw new InvalidInputException("inspection.verify.passed.required");
		}
		boolean passed = input.passed();
		String note = input.note() == null ? "" : input.note().strip();
		if (note.length() > 1000) {
			throw new InvalidInputException("inspection.note.invalid");
		}
		if (!passed && note.isEmpty()) {
			throw new InvalidInputException("inspection.verify.note.required");
		}
		List<Photo> photos = photos(input.photos());
		if (passed && photos.isEmpty()) {
			throw new InvalidInputException("inspection.verify.photo.required");
		}
		if (!h.state().equals("OPEN") || h.caseId() == null || !h.awaitingVerification()) {
			throw new ConflictException("inspection.verify.not.waiting", String.valueOf(id));
		}
		cases.verifyHandOff(user.username(), h.caseId(), passed, note.isEmpty() ? null : note);
		OffsetDateTime now = OffsetDateTime.now(clock);
		transactions.executeWithoutResult(tx -> {
			for (Photo p : photos) {
				jdbc.sql("INSERT INTO inspection_photo (hand_off_id, stage, content_type, data, created_by, created_at)"
						+ " VALUES (?, 'VERIFY', ?, ?, ?, ?)").params(id, p.type(), p.data(), user.username(), now)
						.update();
			}
			if (passed) {
				jdbc.sql("UPDATE inspection_hand_off SET state = 'RECTIFIED', rectified_at = ?, verified_by = ?,"
						+ " version = version + 1 WHERE id = ? AND state = 'OPEN'").params(now, user.username(), id)
						.update();
			}
			else {
				jdbc.sql("UPDATE inspection_hand_off SET returned = returned + 1, version = version + 1 WHERE id = ?")
						.param(id).update();
			}
			audit.record(passed ? "INSPECTION_VERIFY_PASS" : "INSPECTION_VERIFY_RETURN", "inspection_hand_off",
					String.valueOf(id), AuditTrail.SUCCESS, "case " + h.caseId());
		});
		return handOff(user, id);
	}

	/** A hand-off's case was closed (by the group's verification or by the center): the hand-off is rectified. */
	void caseClosed(long caseId) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("UPDATE inspection_hand_off SET state = 'RECTIFIED', rectified_at = ?, version = version + 1"
				+ " WHERE case_id = ? AND state = 'OPEN'").params(now, caseId).update();
	}

	/** The hand-off of a case that was voided, rejected or merged away is cancelled (once). */
	void caseEnded(long caseId) {
		jdbc.sql("UPDATE inspection_hand_off SET state = 'CANCELLED', version = version + 1 WHERE case_id = ? AND"
				+ " state = 'OPEN'").param(caseId).update();
	}

	// ---- over all rounds

	/** The same check item failed in the same community in two rounds or more (within what the caller sees). */
	public List<RepeatProblem> repeats(CurrentUser user) {
		InspectionAccess.Who who = reader(user);
		record Row(String community, long item, String text, int round) {
		}
		List<Row> rows = jdbc.sql("SELECT DISTINCT h.community_code, h.check_item_id, c.text, r.number FROM"
				+ " inspection_hand_off h JOIN inspection_round r ON r.id = h.round_id JOIN inspection_check_item c"
				+ " ON c.id = h.check_item_id WHERE h.state <> 'CANCELLED' AND " + who.handOffSql()
				+ " AND EXISTS (SELECT 1 FROM inspection_hand_off o WHERE o.community_code = h.community_code AND"
				+ " o.check_item_id = h.check_item_id AND o.round_id <> h.round_id AND o.state <> 'CANCELLED')"
				+ " ORDER BY h.community_code, h.check_item_id, r.number")
				.query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
		Map<String, String> names = places.names(rows.stream().map(Row::community).distinct().toList());
		Map<String, RepeatProblem> out = new LinkedHashMap<>();
		for (Row r : rows) {
			out.computeIfAbsent(r.community() + ":" + r.item(), k -> new RepeatProblem(r.community(),
					names.getOrDefault(r.community(), r.community()), r.item(), r.text(), new ArrayList<>()))
					.rounds().add(r.round());
		}
		return out.values().stream().filter(p -> p.rounds().size() >= 2)
				.sorted((a, b) -> Integer.compare(b.rounds().size(), a.rounds().size())).toList();
	}

	/** Each unit's hand-offs over all rounds: count, rectified, overdue now, rate, mean days to rectification. */
	public List<UnitRectification> unitRectification(CurrentUser user) {
		InspectionAccess.Who who = reader(user);
		Map<Long, String> units = unitNames();
		LocalDate today = LocalDate.now(clock);
		record Row(long unit, long total, long rectified, long overdue) {
		}
		List<Row> rows = jdbc.sql("SELECT h.unit_id, COUNT(*), SUM(CASE WHEN h.state = 'RECTIFIED' THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN h.state = 'OPEN' AND h.deadline < ? THEN 1 ELSE 0 END) FROM inspection_hand_off h"
				+ " WHERE h.unit_id IS NOT NULL AND h.state <> 'CANCELLED' AND " + who.handOffSql()
				+ " GROUP BY h.unit_id").param(today)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
		// the mean time to rectification, computed here (interval arithmetic differs between the databases)
		Map<Long, double[]> days = new HashMap<>();
		jdbc.sql("SELECT h.unit_id, h.created_at, h.rectified_at FROM inspection_hand_off h WHERE h.unit_id IS NOT"
				+ " NULL AND h.state = 'RECTIFIED' AND h.rectified_at IS NOT NULL AND " + who.handOffSql())
				.query((rs, i) -> {
					double d = java.time.Duration.between(rs.getObject(2, OffsetDateTime.class),
							rs.getObject(3, OffsetDateTime.class)).toMinutes() / 1440.0;
					double[] sum = days.computeIfAbsent(rs.getLong(1), k -> new double[2]);
					sum[0] += d;
					sum[1]++;
					return 0;
				}).list();
		return rows.stream().map(r -> {
			double[] d = days.get(r.unit());
			return new UnitRectification(r.unit(), units.getOrDefault(r.unit(), "#" + r.unit()), r.total(),
					r.rectified(), r.overdue(), r.total() == 0 ? 0 : (double) r.rectified() / r.total(),
					d == null || d[1] == 0 ? null : Math.round(d[0] / d[1] * 10) / 10.0);
		}).sorted((a, b) -> Double.compare(b.rate(), a.rate())).toList();
	}

	/** A photo of a finding or a fix the caller may see (the hand-off's, or the result's target's), or 404. */
	public Photo photo(CurrentUser user, long photoId) {
		InspectionAccess.Who who = reader(user);
		List<Photo> found = jdbc.sql("SELECT p.content_type, p.data FROM inspection_photo p WHERE p.id = ? AND ("
				+ " EXISTS (SELECT 1 FROM inspection_hand_off h WHERE (h.id = p.hand_off_id OR h.result_id ="
				+ " p.result_id) AND " + who.handOffSql() + ") OR EXISTS (SELECT 1 FROM inspection_result x JOIN"
				+ " inspection_target t ON t.round_id = x.round_id AND t.target_code = x.target_code WHERE x.id ="
				+ " p.result_id AND " + who.targetSql() + "))").param(photoId)
				.query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2))).list();
		return found.stream().findFirst()
				.orElseThrow(() -> new NotFoundException("inspection.photo.not.found", String.valueOf(photoId)));
	}

	/** The ids of the photos of a hand-off: of its finding, then of the verified fix. */
	public List<Long> photoIds(CurrentUser user, long handOffId) {
		HandOff h = handOff(user, handOffId);
		return jdbc.sql("SELECT p.id FROM inspection_photo p WHERE p.hand_off_id = ? OR p.result_id = (SELECT"
				+ " result_id FROM inspection_hand_off WHERE id = ?) ORDER BY p.id").params(h.id(), h.id())
				.query(Long.class).list();
	}

	/** An image: its type and bytes. */
	public record Photo(String type, byte[] data) {
	}

	private static List<Photo> photos(@Nullable List<String> urls) {
		if (urls == null || urls.isEmpty()) {
			return List.of();
		}
		if (urls.size() > MAX_PHOTOS) {
			throw new InvalidInputException("inspection.photo.count", MAX_PHOTOS);
		}
		List<Photo> out = new ArrayList<>();
		for (String url : urls) {
			var m = url == null ? null : DATA_URL.matcher(url.strip());
			if (m == null || !m.matches()) {
				throw new InvalidInputException("inspection.photo.invalid");
			}
			byte[] data;
			try {
				data = Base64.getMimeDecoder().decode(m.group(2));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("inspection.photo.invalid");
			}
			if (data.length == 0 || data.length > MAX_PHOTO_BYTES || !matches(m.group(1), data)) {
				throw new InvalidInputException("inspection.photo.invalid");
			}
			out.add(new Photo(m.group(1), data));
		}
		return out;
	}

	/** The bytes are the image the data URL says (by its signature). */
	private static boolean matches(String type, byte[] d) {
		return switch (type) {
			case "image/jpeg" -> d.length > 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8;
			case "image/png" -> d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
			case "image/webp" -> d.length > 12 && d[0] == 'R' && d[1] == 'I' && d[8] == 'W' && d[9] == 'E';
			default -> false;
		};
	}

	// ---- helpers

	Map<Long, String> unitNames() {
		return organization.allUnits().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
	}

	/** The units a hand-off may name, by name. */
	public Map<Long, String> unitChoices() {
		Map<Long, String> out = new LinkedHashMap<>();
		organization.allUnits().stream().sorted((a, b) -> a.name().compareTo(b.name()))
				.forEach(u -> out.put(u.id(), u.name()));
		return out;
	}

	Map<String, String> placeNames(Collection<String> codes) {
		return places.names(codes);
	}

	private static String text(@Nullable String value, int max, String key) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty() || v.length() > max) {
			throw new InvalidInputException(key);
		}
		return v;
	}

	static NotFoundException notFound(long id) {
		return new NotFoundException("inspection.not.found", String.valueOf(id));
	}
}
