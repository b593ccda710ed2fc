package org.gridlink.mobilization.council;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridlink.answers.PublicAnswer;
import org.gridlink.answers.PublicAnswers;
import org.gridlink.cases.CaseFacts;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.HandOffProgress;
import org.gridlink.cases.NewCase;
import org.gridlink.inspection.InspectionViews.HandOff;
import org.gridlink.inspection.Inspections;
import org.gridlink.mobilization.council.CouncilViews.AgendaItem;
import org.gridlink.mobilization.council.CouncilViews.Attendee;
import org.gridlink.mobilization.council.CouncilViews.Board;
import org.gridlink.mobilization.council.CouncilViews.BoardDecision;
import org.gridlink.mobilization.council.CouncilViews.BoardMeeting;
import org.gridlink.mobilization.council.CouncilViews.BoardSeat;
import org.gridlink.mobilization.council.CouncilViews.CaseRequest;
import org.gridlink.mobilization.council.CouncilViews.Council;
import org.gridlink.mobilization.council.CouncilViews.CouncilLine;
import org.gridlink.mobilization.council.CouncilViews.Decision;
import org.gridlink.mobilization.council.CouncilViews.Leaving;
import org.gridlink.mobilization.council.CouncilViews.Meeting;
import org.gridlink.mobilization.council.CouncilViews.MeetingSummary;
import org.gridlink.mobilization.council.CouncilViews.MinutesText;
import org.gridlink.mobilization.council.CouncilViews.NewAgendaItem;
import org.gridlink.mobilization.council.CouncilViews.NewAttendance;
import org.gridlink.mobilization.council.CouncilViews.NewDecision;
import org.gridlink.mobilization.council.CouncilViews.NewMeeting;
import org.gridlink.mobilization.council.CouncilViews.NewProgress;
import org.gridlink.mobilization.council.CouncilViews.NewSeat;
import org.gridlink.mobilization.council.CouncilViews.OpenedCase;
import org.gridlink.mobilization.council.CouncilViews.OpenedTask;
import org.gridlink.mobilization.council.CouncilViews.TaskRequest;
import org.gridlink.mobilization.CadreDuty;
import org.gridlink.mobilization.volunteers.TaskKind;
import org.gridlink.mobilization.volunteers.VolunteerTasks;
import org.gridlink.mobilization.council.CouncilViews.Pick;
import org.gridlink.mobilization.council.CouncilViews.Progress;
import org.gridlink.mobilization.council.CouncilViews.Seat;
import org.gridlink.mobilization.council.CouncilViews.SignOff;
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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "1+N" council (1+N 议事会) of each community: seats and terms, meetings with agenda, attendance and quorum,
 * decisions with an owner and a deadline (each may open one case through {@link CaseManagement#reportAs} with the
 * decision's idempotency key), the minutes (draft, amended, signed off by the chair, then immutable) and the public
 * board. Every read and write is limited to the councils the user sees ({@link CouncilAccess}).
 */
@Service
public class Councils {

	/** The seat kinds: the community party committee (the "1") first, then the N member organisations. */
	public static final List<String> KINDS = List.of("PARTY_COMMITTEE", "RESIDENTS_COMMITTEE", "OWNERS_COMMITTEE",
			"PROPERTY", "SOCIAL_ORG", "POLICE", "POSTED_UNIT");
	public static final List<String> SOURCES = List.of("CASE", "CONCERN", "HANDOFF", "FREE");
	/** The case classes a decision's case is offered under on the page (the API takes any minor class). */
	public static final List<String> CASE_CATEGORIES = List.of("S0204", "S0401", "S0402", "S0403", "S0501", "S0101",
			"S0303");
	private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
	private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\dXx])\\d{17}[\\dXx](?![\\dXx])");

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final JurisdictionDirectory places;
	private final CaseManagement cases;
	private final CaseFacts caseFacts;
	private final Inspections inspections;
	private final PublicAnswers answers;
	private final AuditTrail audit;
	private final Clock clock;
	private final CadreDuty duty;
	private final VolunteerTasks volunteerTasks;

	Councils(JdbcClient jdbc, TransactionTemplate transactions, JurisdictionDirectory places, CaseManagement cases,
			CaseFacts caseFacts, Inspections inspections, PublicAnswers answers, AuditTrail audit, Clock clock,
			CadreDuty duty, VolunteerTasks volunteerTasks) {
		this.duty = duty;
		this.volunteerTasks = volunteerTasks;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.places = places;
		this.cases = cases;
		this.caseFacts = caseFacts;
		this.inspections = inspections;
		this.answers = answers;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- who

	public boolean canRead(CurrentUser user) {
		return CouncilAccess.readsAny(user);
	}

	public boolean canWrite(CurrentUser user, String communityCode) {
		return CouncilAccess.writes(user, communityCode);
	}

	private void reader(CurrentUser user, String community) {
		if (!CouncilAccess.readsAny(user)) {
			throw new AccessDeniedException("councils are not for this role");
		}
		if (!CouncilAccess.reads(user, community)) {
			throw new OutOfScopeException("council", community);
		}
	}

	private void writer(CurrentUser user, String community) {
		reader(user, community);
		if (!CouncilAccess.writes(user, community)) {
			throw new AccessDeniedException("this role reads councils only");
		}
	}

	private String community(@Nullable String code) {
		String c = code == null ? "" : code.strip();
		if (!JurisdictionCode.isValid(c) || JurisdictionCode.of(c).level() != JurisdictionLevel.COMMUNITY
				|| !places.exists(c)) {
			throw new InvalidInputException("council.community.invalid", c);
		}
		return c;
	}

	private String name(String code) {
		return places.names(List.of(code)).getOrDefault(code, code);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- councils and seats

	/** The councils the user sees (communities with a seat), with seats, meetings and overdue decisions. */
	public List<CouncilLine> councils(CurrentUser user) {
		if (!CouncilAccess.readsAny(user)) {
			throw new AccessDeniedException("councils are not for this role");
		}
		LocalDate today = today();
		List<CouncilLine> lines = jdbc.sql("SELECT s.community_code, COUNT(*),"
				+ " (SELECT COUNT(*) FROM council_meeting m WHERE m.community_code = s.community_code),"
				+ " (SELECT COUNT(*) FROM council_decision d WHERE d.community_code = s.community_code"
				+ " AND d.state = 'OPEN' AND d.deadline < ?) FROM council_seat s WHERE s.left_on IS NULL AND "
				+ CouncilAccess.scopeSql(user, "s.community_code") + " GROUP BY s.community_code ORDER BY"
				+ " s.community_code").param(today)
				.query((rs, i) -> new CouncilLine(rs.getString(1), rs.getString(1), rs.getInt(2), rs.getLong(3),
						rs.getLong(4)))
				.list();
		Map<String, String> names = places.names(lines.stream().map(CouncilLine::communityCode).toList());
		return lines.stream().map(l -> new CouncilLine(l.communityCode(), names.getOrDefault(l.communityCode(),
				l.communityCode()), l.seats(), l.meetings(), l.overdueDecisions())).toList();
	}

	public Council council(CurrentUser user, String communityCode) {
		String community = community(communityCode);
		reader(user, community);
		LocalDate today = today();
		List<Seat> all = seats(community, today);
		long meetings = jdbc.sql("SELECT COUNT(*) FROM council_meeting WHERE community_code = ?").param(community)
				.query(Long.class).single();
		long open = jdbc.sql("SELECT COUNT(*) FROM council_decision WHERE community_code = ? AND state = 'OPEN'")
				.param(community).query(Long.class).single();
		long overdue = jdbc.sql("SELECT COUNT(*) FROM council_decision WHERE community_code = ? AND state = 'OPEN'"
				+ " AND deadline < ?").params(community, today).query(Long.class).single();
		List<Seat> current = all.stream().filter(Seat::current).toList();
		return new Council(community, name(community), current, all.stream().filter(s -> !s.current()).toList(),
				current.size() / 2 + 1, meetings, open, overdue);
	}

	private List<Seat> seats(String community, LocalDate on) {
		return jdbc.sql("SELECT id, kind, organisation, person_name, person_role, chair, term_from, term_to, left_on"
				+ " FROM council_seat WHERE community_code = ? ORDER BY CASE WHEN kind = 'PARTY_COMMITTEE' THEN 0"
				+ " ELSE 1 END, id").param(community).query((rs, i) -> seat(rs, on)).list();
	}

	private static Seat seat(ResultSet rs, LocalDate on) throws SQLException {
		LocalDate from = rs.getObject(7, LocalDate.class);
		LocalDate to = rs.getObject(8, LocalDate.class);
		LocalDate left = rs.getObject(9, LocalDate.class);
		return new Seat(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getBoolean(6), from, to, left, sits(from, to, left, on));
	}

	/** True when a seat with this term sits on {@code on}: the term has begun, not ended, and the member has not left. */
	static boolean sits(LocalDate from, @Nullable LocalDate to, @Nullable LocalDate left, LocalDate on) {
		return !from.isAfter(on) && (to == null || !to.isBefore(on)) && (left == null || left.isAfter(on));
	}

	/** More than half of the seats present. */
	static boolean quorate(int present, int seats) {
		return seats > 0 && present * 2 > seats;
	}

	public Seat addSeat(CurrentUser user, String communityCode, NewSeat input) {
		String community = community(communityCode);
		writer(user, community);
		String kind = input.kind() == null ? "" : input.kind().strip();
		if (!KINDS.contains(kind)) {
			throw new InvalidInputException("council.seat.kind.invalid", kind);
		}
		String organisation = text(input.organisation(), 100, "council.seat.organisation.invalid");
		String person = text(input.personName(), 50, "council.seat.name.invalid");
		String role = text(input.personRole(), 50, "council.seat.role.invalid");
		LocalDate from = input.termFrom() == null ? today() : input.termFrom();
		if (input.termTo() != null && input.termTo().isBefore(from)) {
			throw new InvalidInputException("council.seat.term.invalid");
		}
		boolean chair = Boolean.TRUE.equals(input.chair());
		if (chair && !"PARTY_COMMITTEE".equals(kind)) {
			throw new InvalidInputException("council.seat.chair.invalid");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		transactions.executeWithoutResult(tx -> {
			if (chair) {
				jdbc.sql("UPDATE council_seat SET chair = FALSE WHERE community_code = ?").param(community).update();
			}
			jdbc.sql("INSERT INTO council_seat (community_code, kind, organisation, person_name, person_role, chair,"
					+ " term_from, term_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(community, kind, organisation, person, role, chair, from, input.termTo(),
							OffsetDateTime.now(clock))
					.update(key, "id");
			audit.record("COUNCIL_SEAT_ADD", "council_seat", String.valueOf(key.getKeyAs(Long.class)),
					AuditTrail.SUCCESS, community + " " + kind);
		});
		long id = key.getKeyAs(Long.class);
		return seats(community, today()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	/** A member leaves: the seat stays in the history with the day they left. */
	public Seat leave(CurrentUser user, long seatId, Leaving input) {
		String community = jdbc.sql("SELECT community_code FROM council_seat WHERE id = ?").param(seatId)
				.query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("council.seat.not.found", String.valueOf(seatId)));
		writer(user, community);
		LocalDate left = input.leftOn() == null ? today() : input.leftOn();
		if (left.isAfter(today())) {
			throw new InvalidInputException("council.seat.left.invalid");
		}
		int changed = jdbc.sql("UPDATE council_seat SET left_on = ?, chair = FALSE WHERE id = ? AND left_on IS NULL"
				+ " AND term_from <= ?").params(left, seatId, left).update();
		if (changed == 0) {
			throw new ConflictException("council.seat.left.already");
		}
		audit.record("COUNCIL_SEAT_LEAVE", "council_seat", String.valueOf(seatId), AuditTrail.SUCCESS,
				community + " " + left);
		return seats(community, today()).stream().filter(s -> s.id() == seatId).findFirst().orElseThrow();
	}

	// ---- meetings

	public Page<MeetingSummary> meetings(CurrentUser user, @Nullable String community, @Nullable LocalDate from,
			@Nullable LocalDate to, Pageable pageable) {
		if (!CouncilAccess.readsAny(user)) {
			throw new AccessDeniedException("councils are not for this role");
		}
		StringBuilder where = new StringBuilder(" WHERE " + CouncilAccess.scopeSql(user, "m.community_code"));
		List<Object> params = new ArrayList<>();
		if (community != null && !community.isBlank()) {
			String code = community.strip();
			if (!JurisdictionCode.isValid(code)) {
				throw new InvalidInputException("council.community.invalid", code);
			}
			where.append(" AND m.community_code LIKE ?");
			params.add(JurisdictionCode.of(code).prefix() + "%");
		}
		if (from != null) {
			where.append(" AND m.held_on >= ?");
			params.add(from);
		}
		if (to != null) {
			where.append(" AND m.held_on <= ?");
			params.add(to);
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInputException("council.dates.invalid");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM council_meeting m" + where).params(params).query(Long.class)
				.single();
		List<Object> pageParams = new ArrayList<>();
		pageParams.add(today());
		pageParams.addAll(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<MeetingSummary> rows = jdbc.sql("SELECT m.id, m.community_code, m.held_on, m.title, m.minutes_state,"
				+ " (SELECT COUNT(*) FROM council_attendance a WHERE a.meeting_id = m.id),"
				+ " (SELECT COUNT(*) FROM council_seat s WHERE s.community_code = m.community_code"
				+ " AND s.term_from <= m.held_on AND (s.term_to IS NULL OR s.term_to >= m.held_on)"
				+ " AND (s.left_on IS NULL OR s.left_on > m.held_on)),"
				+ " (SELECT COUNT(*) FROM council_decision d WHERE d.meeting_id = m.id),"
				+ " (SELECT COUNT(*) FROM council_decision d WHERE d.meeting_id = m.id AND d.state = 'OPEN'"
				+ " AND d.deadline < ?) FROM council_meeting m" + where + " ORDER BY m.held_on DESC, m.id DESC"
				+ " LIMIT ? OFFSET ?").params(pageParams)
				.query((rs, i) -> new MeetingSummary(rs.getLong(1), rs.getString(2), rs.getString(2),
						rs.getObject(3, LocalDate.class), rs.getString(4), rs.getInt(6), rs.getInt(7),
						quorate(rs.getInt(6), rs.getInt(7)), rs.getString(5), rs.getInt(8), rs.getInt(9)))
				.list();
		Map<String, String> names = places.names(rows.stream().map(MeetingSummary::communityCode).distinct().toList());
		return new PageImpl<>(rows.stream().map(m -> new MeetingSummary(m.id(), m.communityCode(),
				names.getOrDefault(m.communityCode(), m.communityCode()), m.heldOn(), m.title(), m.present(),
				m.seats(), m.quorate(), m.minutesState(), m.decisions(), m.overdueDecisions())).toList(), pageable,
				total);
	}

	private record MeetingRow(long id, String community, LocalDate heldOn, String title, String minutes,
			String minutesState, int revision, @Nullable String signedChair, @Nullable OffsetDateTime signedAt,
			int version) {
	}

	private java.util.Optional<MeetingRow> row(long id, boolean lock) {
		return jdbc.sql("SELECT id, community_code, held_on, title, minutes, minutes_state, minutes_revision,"
				+ " signed_chair, signed_at, version FROM council_meeting WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
				.param(id)
				.query((rs, i) -> new MeetingRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
						rs.getObject(9, OffsetDateTime.class), rs.getInt(10)))
				.optional();
	}

	private static NotFoundException meetingNotFound(long id) {
		return new NotFoundException("council.meeting.not.found", String.valueOf(id));
	}

	public Meeting meeting(CurrentUser user, long id) {
		MeetingRow m = row(id, false).orElseThrow(() -> meetingNotFound(id));
		reader(user, m.community());
		return view(m);
	}

	private Meeting view(MeetingRow m) {
		List<AgendaItem> agenda = jdbc.sql("SELECT id, position, source, ref_id, ref_label, title FROM"
				+ " council_agenda_item WHERE meeting_id = ? ORDER BY position, id").param(m.id())
				.query((rs, i) -> new AgendaItem(rs.getLong(1), rs.getInt(2), rs.getString(3),
						rs.getObject(4, Long.class), rs.getString(5), rs.getString(6)))
				.list();
		Set<Long> present = new HashSet<>(jdbc.sql("SELECT seat_id FROM council_attendance WHERE meeting_id = ?")
				.param(m.id()).query(Long.class).list());
		List<Seat> sitting = seats(m.community(), m.heldOn()).stream().filter(Seat::current).toList();
		List<Attendee> attendance = sitting.stream().map(s -> new Attendee(s.id(), s.organisation(), s.personName(),
				s.personRole(), present.contains(s.id()))).toList();
		int count = (int) attendance.stream().filter(Attendee::present).count();
		return new Meeting(m.id(), m.community(), name(m.community()), m.heldOn(), m.title(), agenda, attendance,
				count, sitting.size(), sitting.size() / 2 + 1, quorate(count, sitting.size()),
				decisions("d.meeting_id = ?", List.of(m.id())), m.minutes(), m.minutesState(), m.revision(),
				m.signedChair(), m.signedAt(), m.version());
	}

	private List<Decision> decisions(String where, List<Object> params) {
		LocalDate today = today();
		List<Decision> list = jdbc.sql("SELECT d.id, d.meeting_id, d.agenda_item_id, d.text, d.owner_seat_id,"
				+ " s.organisation, s.person_name, d.deadline, d.state, d.done_at, d.case_id, d.task_id,"
				+ " d.task_kind FROM council_decision d"
				+ " JOIN council_seat s ON s.id = d.owner_seat_id WHERE " + where + " ORDER BY d.id").params(params)
				.query((rs, i) -> {
					LocalDate deadline = rs.getObject(8, LocalDate.class);
					String state = rs.getString(9);
					return new Decision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
							rs.getString(6), rs.getString(7), deadline, state,
							"OPEN".equals(state) && deadline.isBefore(today), rs.getObject(10, OffsetDateTime.class),
							rs.getObject(11, Long.class), rs.getObject(12, Long.class), rs.getString(13), List.of());
				}).list();
		if (list.isEmpty()) {
			return list;
		}
		Map<Long, List<Progress>> notes = new LinkedHashMap<>();
		String marks = String.join(",", java.util.Collections.nCopies(list.size(), "?"));
		jdbc.sql("SELECT decision_id, note, done, written_by, written_at FROM council_progress WHERE decision_id IN ("
				+ marks + ") ORDER BY id").params(new ArrayList<Object>(list.stream().map(Decision::id).toList()))
				.query((rs, i) -> {
					notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Progress(rs.getString(2),
							rs.getBoolean(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
					return 0;
				}).list();
		return list.stream().map(d -> new Decision(d.id(), d.meetingId(), d.agendaItemId(), d.text(), d.ownerSeatId(),
				d.ownerOrganisation(), d.ownerName(), d.deadline(), d.state(), d.overdue(), d.doneAt(), d.caseId(),
				d.taskId(), d.taskKind(), notes.getOrDefault(d.id(), List.of()))).toList();
	}

	public Meeting createMeeting(CurrentUser user, NewMeeting input) {
		String community = community(input.communityCode());
		writer(user, community);
		if (input.heldOn() == null || input.heldOn().isAfter(today().plusYears(1))
				|| input.heldOn().isBefore(today().minusYears(5))) {
			throw new InvalidInputException("council.meeting.date.invalid");
		}
		String title = text(input.title(), 200, "council.meeting.title.invalid");
		List<NewAgendaItem> agenda = input.agenda() == null ? List.of() : input.agenda();
		if (agenda.size() > 30) {
			throw new InvalidInputException("council.agenda.too.many");
		}
		List<ResolvedItem> items = new ArrayList<>();
		for (NewAgendaItem item : agenda) {
			items.add(resolve(user, community, item));
		}
		Long id = transactions.execute(tx -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO council_meeting (community_code, held_on, title, created_by, created_at)"
					+ " VALUES (?, ?, ?, ?, ?)").params(community, input.heldOn(), title, user.username(),
							OffsetDateTime.now(clock)).update(key, "id");
			long meetingId = key.getKeyAs(Long.class);
			for (int i = 0; i < items.size(); i++) {
				insertItem(meetingId, i + 1, items.get(i));
			}
			audit.record("COUNCIL_MEETING_CREATE", "council_meeting", String.valueOf(meetingId), AuditTrail.SUCCESS,
					community + " " + input.heldOn());
			return meetingId;
		});
		return view(row(id, false).orElseThrow());
	}

	private record ResolvedItem(String source, @Nullable Long refId, @Nullable String refLabel, String title) {
	}

	/** An agenda item checked against its source: a case, hand-off or concern the user may see, of this community. */
	private ResolvedItem resolve(CurrentUser user, String community, NewAgendaItem item) {
		String source = item.source() == null || item.source().isBlank() ? "FREE" : item.source().strip();
		if (!SOURCES.contains(source)) {
			throw new InvalidInputException("council.agenda.source.invalid", source);
		}
		String given = item.title() == null ? "" : item.title().strip();
		if (given.length() > 300) {
			throw new InvalidInputException("council.agenda.title.invalid");
		}
		if ("FREE".equals(source)) {
			return new ResolvedItem(source, null, null, text(given, 300, "council.agenda.title.invalid"));
		}
		Long ref = item.refId();
		if (ref == null || ref <= 0) {
			throw new InvalidInputException("council.agenda.ref.invalid", source);
		}
		String prefix = JurisdictionCode.of(community).prefix();
		switch (source) {
			case "CASE" -> {
				CaseFacts.CaseFact fact = caseFacts.find(ref).orElse(null);
				if (fact == null || !cases.canSee(user, ref) || !fact.jurisdictionCode().startsWith(prefix)
						|| !fact.open()) {
					throw new InvalidInputException("council.agenda.case.invalid", String.valueOf(ref));
				}
				HandOffProgress p = cases.progress(List.of(ref)).get(ref);
				String number = p == null ? "#" + ref : p.number();
				return new ResolvedItem(source, ref, number, given.isEmpty() ? number : given);
			}
			case "HANDOFF" -> {
				HandOff h = inspections.canRead(user) ? handOff(user, ref) : null;
				if (h == null || !community.equals(h.communityCode()) || "RECTIFIED".equals(h.state())) {
					throw new InvalidInputException("council.agenda.handoff.invalid", String.valueOf(ref));
				}
				String label = h.caseNumber() != null ? h.caseNumber() : "#" + h.id();
				return new ResolvedItem(source, ref, label, given.isEmpty() ? cut(h.problem(), 300) : given);
			}
			default -> {
				PublicAnswer answer = answers.findPublished(ref).orElseThrow(
						() -> new InvalidInputException("council.agenda.concern.invalid", String.valueOf(ref)));
				return new ResolvedItem(source, ref, "#" + answer.id(),
						given.isEmpty() ? cut(answer.question(), 300) : given);
			}
		}
	}

	private @Nullable HandOff handOff(CurrentUser user, long id) {
		try {
			return inspections.handOff(user, id);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

	private void insertItem(long meetingId, int position, ResolvedItem item) {
		jdbc.sql("INSERT INTO council_agenda_item (meeting_id, position, source, ref_id, ref_label, title)"
				+ " VALUES (?, ?, ?, ?, ?, ?)").params(meetingId, position, item.source(), item.refId(),
						item.refLabel(), item.title()).update();
	}

	/** What an agenda item may be picked from: the community's open hand-offs and recent public answers. */
	public List<Pick> picks(CurrentUser user, String communityCode) {
		String community = community(communityCode);
		reader(user, community);
		List<Pick> picks = new ArrayList<>();
		if (inspections.canRead(user)) {
			for (String state : List.of("OPEN", "VERIFY")) {
				inspections.handOffs(user, null, state, PageRequest.of(0, 200)).getContent().stream()
						.filter(h -> community.equals(h.communityCode())).limit(20)
						.forEach(h -> picks.add(new Pick("HANDOFF", h.id(),
								h.caseNumber() != null ? h.caseNumber() : "#" + h.id(), cut(h.problem(), 120))));
			}
		}
		answers.published(null, null, PageRequest.of(0, 10)).getContent()
				.forEach(a -> picks.add(new Pick("CONCERN", a.id(), "#" + a.id(), cut(a.question(), 120))));
		return picks;
	}

	/** Locks the meeting for a change of its minutes' content; refused (409) once the chair signed them off. */
	private MeetingRow editable(CurrentUser user, long meetingId) {
		MeetingRow m = row(meetingId, true).orElseThrow(() -> meetingNotFound(meetingId));
		writer(user, m.community());
		if ("SIGNED".equals(m.minutesState())) {
			throw new ConflictException("council.minutes.signed");
		}
		return m;
	}

	public Meeting addAgendaItem(CurrentUser user, long meetingId, NewAgendaItem input) {
		MeetingRow first = row(meetingId, false).orElseThrow(() -> meetingNotFound(meetingId));
		writer(user, first.community());
		ResolvedItem item = resolve(user, first.community(), input);
		transactions.executeWithoutResult(tx -> {
			editable(user, meetingId);
			int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM council_agenda_item WHERE"
					+ " meeting_id = ?").param(meetingId).query(Integer.class).single();
			if (position > 30) {
				throw new InvalidInputException("council.agenda.too.many");
			}
			insertItem(meetingId, position, item);
			bump(meetingId);
		});
		return view(row(meetingId, false).orElseThrow());
	}

	private void bump(long meetingId) {
		jdbc.sql("UPDATE council_meeting SET version = version + 1 WHERE id = ?").param(meetingId).update();
	}

	/** Records who was present (replaces the list): current seats of the council on the meeting's day only. */
	public Meeting attendance(CurrentUser user, long meetingId, NewAttendance input) {
		if (input.present() == null) {
			throw new InvalidInputException("council.attendance.invalid");
		}
		transactions.executeWithoutResult(tx -> {
			MeetingRow m = editable(user, meetingId);
			Set<Long> sitting = new HashSet<>(seats(m.community(), m.heldOn()).stream().filter(Seat::current)
					.map(Seat::id).toList());
			Set<Long> present = new HashSet<>();
			for (Long seat : input.present()) {
				if (seat == null || !sitting.contains(seat)) {
					throw new InvalidInputException("council.attendance.seat.invalid", String.valueOf(seat));
				}
				present.add(seat);
			}
			jdbc.sql("DELETE FROM council_attendance WHERE meeting_id = ?").param(meetingId).update();
			for (Long seat : present) {
				jdbc.sql("INSERT INTO council_attendance (meeting_id, seat_id) VALUES (?, ?)").params(meetingId, seat)
						.update();
			}
			bump(meetingId);
			audit.record("COUNCIL_ATTENDANCE", "council_meeting", String.valueOf(meetingId), AuditTrail.SUCCESS,
					present.size() + "/" + sitting.size());
		});
		return view(row(meetingId, false).orElseThrow());
	}

	/** Records a decision on an agenda item: refused (409) unless more than half of the seats are present. */
	public Decision decide(CurrentUser user, long meetingId, NewDecision input) {
		String text = text(input.text(), 1000, "council.decision.text.invalid");
		if (input.agendaItemId() == null) {
			throw new InvalidInputException("council.decision.item.invalid", "");
		}
		if (input.ownerSeatId() == null) {
			throw new InvalidInputException("council.decision.owner.invalid", "");
		}
		if (input.deadline() == null) {
			throw new InvalidInputException("council.decision.deadline.invalid");
		}
		Long id = transactions.execute(tx -> {
			MeetingRow m = editable(user, meetingId);
			if (input.deadline().isBefore(m.heldOn()) || input.deadline().isAfter(m.heldOn().plusYears(2))) {
				throw new InvalidInputException("council.decision.deadline.invalid");
			}
			boolean item = jdbc.sql("SELECT COUNT(*) FROM council_agenda_item WHERE id = ? AND meeting_id = ?")
					.params(input.agendaItemId(), meetingId).query(Long.class).single() > 0;
			if (!item) {
				throw new InvalidInputException("council.decision.item.invalid", String.valueOf(input.agendaItemId()));
			}
			List<Seat> sitting = seats(m.community(), m.heldOn()).stream().filter(Seat::current).toList();
			if (sitting.stream().noneMatch(s -> s.id() == input.ownerSeatId())) {
				throw new InvalidInputException("council.decision.owner.invalid", String.valueOf(input.ownerSeatId()));
			}
			int present = jdbc.sql("SELECT COUNT(*) FROM council_attendance WHERE meeting_id = ?").param(meetingId)
					.query(Integer.class).single();
			if (!quorate(present, sitting.size())) {
				throw new ConflictException("council.quorum.missing", present, sitting.size(),
						sitting.size() / 2 + 1);
			}
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO council_decision (meeting_id, agenda_item_id, community_code, text, owner_seat_id,"
					+ " deadline, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
					.params(meetingId, input.agendaItemId(), m.community(), text, input.ownerSeatId(),
							input.deadline(), user.username(), OffsetDateTime.now(clock))
					.update(key, "id");
			bump(meetingId);
			long decisionId = key.getKeyAs(Long.class);
			audit.record("COUNCIL_DECISION", "council_decision", String.valueOf(decisionId), AuditTrail.SUCCESS,
					m.community());
			return decisionId;
		});
		return decision(id);
	}

	private Decision decision(long id) {
		return decisions("d.id = ?", List.of(id)).stream().findFirst()
				.orElseThrow(() -> new NotFoundException("council.decision.not.found", String.valueOf(id)));
	}

	public Decision decision(CurrentUser user, long id) {
		Decision d = decision(id);
		reader(user, communityOf(d));
		return d;
	}

	private String communityOf(Decision d) {
		return jdbc.sql("SELECT community_code FROM council_decision WHERE id = ?").param(d.id()).query(String.class)
				.single();
	}

	/** Decisions of the councils the user sees: open, overdue or done. */
	public Page<Decision> decisions(CurrentUser user, @Nullable String community, @Nullable String state,
			Pageable pageable) {
		if (!CouncilAccess.readsAny(user)) {
			throw new AccessDeniedException("councils are not for this role");
		}
		StringBuilder where = new StringBuilder(CouncilAccess.scopeSql(user, "d.community_code"));
		List<Object> params = new ArrayList<>();
		if (community != null && !community.isBlank()) {
			String code = community.strip();
			if (!JurisdictionCode.isValid(code)) {
				throw new InvalidInputException("council.community.invalid", code);
			}
			where.append(" AND d.community_code LIKE ?");
			params.add(JurisdictionCode.of(code).prefix() + "%");
		}
		String s = state == null ? "" : state.strip();
		switch (s) {
			case "" -> {
			}
			case "OPEN", "DONE" -> {
				where.append(" AND d.state = ?");
				params.add(s);
			}
			case "OVERDUE" -> {
				where.append(" AND d.state = 'OPEN' AND d.deadline < ?");
				params.add(today());
			}
			default -> throw new InvalidInputException("council.decision.state.invalid", s);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM council_decision d WHERE " + where).params(params)
				.query(Long.class).single();
		List<Object> page = new ArrayList<>(params);
		page.add(pageable.getPageSize());
		page.add(pageable.getOffset());
		List<Long> ids = jdbc.sql("SELECT d.id FROM council_decision d WHERE " + where
				+ " ORDER BY d.deadline, d.id LIMIT ? OFFSET ?").params(page).query(Long.class).list();
		if (ids.isEmpty()) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
		List<Decision> list = new ArrayList<>(decisions("d.id IN (" + marks + ")", new ArrayList<Object>(ids)));
		list.sort(java.util.Comparator.comparing(Decision::deadline).thenComparing(Decision::id));
		return new PageImpl<>(list, pageable, total);
	}

	/** How many decisions of the councils the user sees are open past their deadline. */
	public long overdueCount(CurrentUser user) {
		if (!CouncilAccess.readsAny(user)) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM council_decision d WHERE d.state = 'OPEN' AND d.deadline < ? AND "
				+ CouncilAccess.scopeSql(user, "d.community_code")).param(today()).query(Long.class).single();
	}

	/** A progress note on a decision; {@code done} closes it. Allowed after the sign-off (it is follow-up). */
	public Decision progress(CurrentUser user, long decisionId, NewProgress input) {
		Decision d = decision(decisionId);
		String community = communityOf(d);
		writer(user, community);
		String note = text(input.note(), 1000, "council.progress.note.invalid");
		boolean done = Boolean.TRUE.equals(input.done());
		transactions.executeWithoutResult(tx -> {
			OffsetDateTime now = OffsetDateTime.now(clock);
			if (done && jdbc.sql("UPDATE council_decision SET state = 'DONE', done_at = ? WHERE id = ? AND state ="
					+ " 'OPEN'").params(now, decisionId).update() == 0) {
				throw new ConflictException("council.decision.done.already");
			}
			if (!done && "DONE".equals(d.state())) {
				throw new ConflictException("council.decision.done.already");
			}
			jdbc.sql("INSERT INTO council_progress (decision_id, note, done, written_by, written_at)"
					+ " VALUES (?, ?, ?, ?, ?)").params(decisionId, note, done, user.username(), now).update();
			audit.record("COUNCIL_DECISION_PROGRESS", "council_decision", String.valueOf(decisionId),
					AuditTrail.SUCCESS, done ? "done" : "note");
		});
		return decision(decisionId);
	}

	/**
	 * Opens the decision's case (reported by the user, located at the community) exactly once: the decision's row is
	 * locked while its case is opened, and the idempotency key {@code council-decision:<id>} makes a repeated call
	 * answer the same case.
	 */
	public OpenedCase openCase(CurrentUser user, long decisionId, CaseRequest input) {
		Decision d = decision(decisionId);
		String community = communityOf(d);
		writer(user, community);
		if (!cases.canReport(user)) {
			throw new AccessDeniedException("this role does not report cases");
		}
		String category = input.categoryCode() == null ? "" : input.categoryCode().strip();
		if (category.isEmpty() || category.length() > 8) {
			throw new InvalidInputException("council.case.category.invalid", category);
		}
		OpenedCase opened = transactions.execute(tx -> {
			Long existing = jdbc.sql("SELECT case_id FROM council_decision WHERE id = ? FOR UPDATE").param(decisionId)
					.query((rs, i) -> rs.getObject(1, Long.class)).optional().orElse(null);
			if (existing != null) {
				return new OpenedCase(decisionId, existing, false);
			}
			String description = caseDescription(name(community), d);
			long caseId = cases.reportAs(user.username(), new NewCase(category, cut(description, 2000), community,
					null, null, null, CaseSource.reportedBy(user), null), caseKey(decisionId));
			jdbc.sql("UPDATE council_decision SET case_id = ? WHERE id = ? AND case_id IS NULL").params(caseId,
					decisionId).update();
			audit.record("COUNCIL_DECISION_CASE", "council_decision", String.valueOf(decisionId), AuditTrail.SUCCESS,
					"case " + caseId);
			return new OpenedCase(decisionId, caseId, true);
		});
		return opened;
	}

	/**
	 * Opens the decision's task exactly once: a posted cadre's task of the community ({@code CADRE}, through
	 * {@link CadreDuty#assign}, community staff only) or a volunteer task ({@code VOLUNTEER}, through
	 * {@link VolunteerTasks#publish}). The decision's row is locked while the task is made, so a second press (also by
	 * someone else at the same moment) answers the task the first one made. Allowed after the sign-off (follow-up).
	 */
	public OpenedTask openTask(CurrentUser user, long decisionId, TaskRequest input) {
		Decision d = decision(decisionId);
		String community = communityOf(d);
		writer(user, community);
		String target = input.target() == null ? "" : input.target().strip();
		if (!target.equals("CADRE") && !target.equals("VOLUNTEER")) {
			throw new InvalidInputException("council.task.target.invalid");
		}
		String kind = input.kind() == null ? "" : input.kind().strip();
		String details = cut("【议事会决定】" + d.text() + (input.details() == null || input.details().isBlank() ? ""
				: "。" + input.details().strip()), 500);
		return transactions.execute(tx -> {
			OpenedTask existing = jdbc.sql("SELECT task_id, task_kind FROM council_decision WHERE id = ? FOR UPDATE")
					.param(decisionId).query((rs, i) -> rs.getObject(1, Long.class) == null ? null
							: new OpenedTask(decisionId, rs.getLong(1), rs.getString(2), false))
					.optional().orElse(null);
			if (existing != null) {
				return existing;
			}
			long taskId;
			if (target.equals("CADRE")) {
				taskId = duty.assign(user, community, input.staffId(),
						kind, input.day() == null ? null : input.day().toString(), details).id();
			} else {
				TaskKind volunteerKind;
				try {
					volunteerKind = TaskKind.valueOf(kind);
				} catch (IllegalArgumentException e) {
					throw new InvalidInputException("volunteers.task.kind.invalid");
				}
				String title = cut(input.title() == null || input.title().isBlank() ? d.text() : input.title().strip(),
						100);
				taskId = volunteerTasks.publish(user, new VolunteerTasks.NewTask(community, volunteerKind, title,
						input.place(), input.startsAt(), input.endsAt(), input.needed())).id();
			}
			jdbc.sql("UPDATE council_decision SET task_id = ?, task_kind = ? WHERE id = ? AND task_id IS NULL")
					.params(taskId, target, decisionId).update();
			audit.record("COUNCIL_DECISION_TASK", "council_decision", String.valueOf(decisionId), AuditTrail.SUCCESS,
					target.toLowerCase(java.util.Locale.ROOT) + " task " + taskId);
			return new OpenedTask(decisionId, taskId, target, true);
		});
	}

	static String caseKey(long decisionId) {
		return "council-decision:" + decisionId;
	}

	static String caseDescription(String communityName, Decision d) {
		return "【议事会决定】" + communityName + "“1+N”议事会决定：" + d.text() + "。牵头：" + d.ownerOrganisation()
				+ "。完成期限：" + d.deadline() + "。";
	}

	// ---- minutes

	/** Saves the minutes: the first text is the draft, each later one an amendment (kept). Refused once signed. */
	public Meeting minutes(CurrentUser user, long meetingId, MinutesText input) {
		String text = input.text() == null ? "" : input.text().strip();
		if (text.isEmpty() || text.length() > 8000) {
			throw new InvalidInputException("council.minutes.text.invalid");
		}
		transactions.executeWithoutResult(tx -> {
			MeetingRow m = editable(user, meetingId);
			if (input.version() != null && input.version() != m.version()) {
				throw new ConflictException("council.meeting.stale");
			}
			int revision = m.revision() + 1;
			jdbc.sql("UPDATE council_meeting SET minutes = ?, minutes_state = ?, minutes_revision = ?,"
					+ " version = version + 1 WHERE id = ?")
					.params(text, revision == 1 ? "DRAFT" : "AMENDED", revision, meetingId).update();
			jdbc.sql("INSERT INTO council_minutes_revision (meeting_id, revision, text, saved_by, saved_at)"
					+ " VALUES (?, ?, ?, ?, ?)").params(meetingId, revision, text, user.username(),
							OffsetDateTime.now(clock)).update();
			audit.record("COUNCIL_MINUTES_SAVE", "council_meeting", String.valueOf(meetingId), AuditTrail.SUCCESS,
					"revision " + revision);
		});
		return view(row(meetingId, false).orElseThrow());
	}

	/**
	 * The chair signs the minutes off (recorded by the signed-in staff member in the chair's name): needs minutes and
	 * a quorum; afterwards the minutes, attendance, agenda and decisions cannot change (409) and the meeting shows on
	 * the community's public board.
	 */
	public Meeting signOff(CurrentUser user, long meetingId, SignOff input) {
		transactions.executeWithoutResult(tx -> {
			MeetingRow m = editable(user, meetingId);
			if (input.version() != null && input.version() != m.version()) {
				throw new ConflictException("council.meeting.stale");
			}
			if (m.minutes().isBlank()) {
				throw new ConflictException("council.minutes.missing");
			}
			Meeting view = view(m);
			if (!view.quorate()) {
				throw new ConflictException("council.quorum.missing", view.present(), view.seats(), view.quorum());
			}
			String chair = seats(m.community(), m.heldOn()).stream().filter(s -> s.current() && s.chair())
					.map(Seat::personName).findFirst()
					.orElseThrow(() -> new ConflictException("council.chair.missing"));
			jdbc.sql("UPDATE council_meeting SET minutes_state = 'SIGNED', signed_by = ?, signed_chair = ?,"
					+ " signed_at = ?, version = version + 1 WHERE id = ? AND minutes_state <> 'SIGNED'")
					.params(user.username(), chair, OffsetDateTime.now(clock), meetingId).update();
			audit.record("COUNCIL_MINUTES_SIGN", "council_meeting", String.valueOf(meetingId), AuditTrail.SUCCESS,
					m.community());
		});
		return view(row(meetingId, false).orElseThrow());
	}

	// ---- the public board

	/**
	 * The community's public board: the current seats (organisation, the member's name and role), the signed minutes
	 * of the latest meetings with their decisions, and the overdue decisions of signed meetings. Nothing else — no
	 * accounts, no progress notes, and phone or ID numbers in the texts are masked.
	 */
	public Board board(String communityCode) {
		String community = community(communityCode);
		LocalDate today = today();
		List<BoardSeat> seats = seats(community, today).stream().filter(Seat::current)
				.map(s -> new BoardSeat(s.kind(), s.organisation(), s.personName(), s.personRole(), s.chair())).toList();
		List<MeetingRow> signed = jdbc.sql("SELECT id, community_code, held_on, title, minutes, minutes_state,"
				+ " minutes_revision, signed_chair, signed_at, version FROM council_meeting WHERE community_code = ?"
				+ " AND minutes_state = 'SIGNED' ORDER BY held_on DESC, id DESC LIMIT 12").param(community)
				.query((rs, i) -> new MeetingRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
						rs.getObject(9, OffsetDateTime.class), rs.getInt(10)))
				.list();
		List<BoardMeeting> meetings = new ArrayList<>();
		for (MeetingRow m : signed) {
			Meeting v = view(m);
			meetings.add(new BoardMeeting(m.heldOn(), scrub(m.title()), v.present(), v.seats(),
					v.agenda().stream().map(a -> scrub(a.title())).toList(),
					v.decisions().stream().map(Councils::boardDecision).toList(), scrub(m.minutes()), m.signedChair()));
		}
		List<BoardDecision> overdue = decisions("d.community_code = ? AND d.state = 'OPEN' AND d.deadline < ? AND"
				+ " d.meeting_id IN (SELECT id FROM council_meeting WHERE minutes_state = 'SIGNED')",
				List.of(community, today)).stream().map(Councils::boardDecision).toList();
		return new Board(community, name(community), seats, overdue, meetings);
	}

	private static BoardDecision boardDecision(Decision d) {
		return new BoardDecision(scrub(d.text()), d.ownerOrganisation(), d.deadline(), d.state(), d.overdue());
	}

	/** Masks phone and ID numbers in a text published on the board. */
	static String scrub(String text) {
		return ID_NUMBER.matcher(PHONE.matcher(text).replaceAll("***")).replaceAll("***");
	}

	// ---- helpers

	private static String text(@Nullable String value, int max, String key) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty() || v.length() > max) {
			throw new InvalidInputException(key);
		}
		return v;
	}

	/** Community names by code (for pages). */
	public Map<String, String> names(Collection<String> codes) {
		return places.names(codes);
	}
}
