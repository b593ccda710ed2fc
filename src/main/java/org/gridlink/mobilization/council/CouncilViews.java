package org.gridlink.mobilization.council;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The council's inputs and read models (API bodies and page models). */
public final class CouncilViews {

	private CouncilViews() {
	}

	/** A seat: the organisation and the person who sits for it (name and role only), the term, and when they left. */
	public record Seat(long id, String kind, String organisation, String personName, String personRole, boolean chair,
			LocalDate termFrom, @Nullable LocalDate termTo, @Nullable LocalDate leftOn, boolean current) {
	}

	/** A community's council: its current seats, those who left, the quorum and the open and overdue decisions. */
	public record Council(String communityCode, String communityName, List<Seat> seats, List<Seat> former,
			int quorum, long meetings, long openDecisions, long overdueDecisions) {
	}

	/** A council in the list of those the user sees. */
	public record CouncilLine(String communityCode, String communityName, int seats, long meetings,
			long overdueDecisions) {
	}

	public record NewSeat(@Nullable String kind, @Nullable String organisation, @Nullable String personName,
			@Nullable String personRole, @Nullable Boolean chair, @Nullable LocalDate termFrom,
			@Nullable LocalDate termTo) {
	}

	public record Leaving(@Nullable LocalDate leftOn) {
	}

	/** A meeting in a list. */
	public record MeetingSummary(long id, String communityCode, String communityName, LocalDate heldOn, String title,
			int present, int seats, boolean quorate, String minutesState, int decisions, int overdueDecisions) {
	}

	public record AgendaItem(long id, int position, String source, @Nullable Long refId, @Nullable String refLabel,
			String title) {
	}

	public record Attendee(long seatId, String organisation, String personName, String personRole, boolean present) {
	}

	public record Progress(String note, boolean done, String writtenBy, OffsetDateTime writtenAt) {
	}

	/** A decision with its owner (a seat: the organisation), deadline, state and, once opened, its case. */
	public record Decision(long id, long meetingId, long agendaItemId, String text, long ownerSeatId,
			String ownerOrganisation, String ownerName, LocalDate deadline, String state, boolean overdue,
			@Nullable OffsetDateTime doneAt, @Nullable Long caseId, @Nullable Long taskId, @Nullable String taskKind,
			List<Progress> progress) {
	}

	/** A whole meeting: agenda, attendance with the quorum, decisions and minutes. */
	public record Meeting(long id, String communityCode, String communityName, LocalDate heldOn, String title,
			List<AgendaItem> agenda, List<Attendee> attendance, int present, int seats, int quorum, boolean quorate,
			List<Decision> decisions, String minutes, String minutesState, int minutesRevision,
			@Nullable String signedChair, @Nullable OffsetDateTime signedAt, int version) {

		public boolean signed() {
			return "SIGNED".equals(minutesState);
		}
	}

	public record NewAgendaItem(@Nullable String source, @Nullable Long refId, @Nullable String title) {
	}

	public record NewMeeting(@Nullable String communityCode, @Nullable LocalDate heldOn, @Nullable String title,
			@Nullable List<NewAgendaItem> agenda) {
	}

	public record NewAttendance(@Nullable List<Long> present) {
	}

	public record NewDecision(@Nullable Long agendaItemId, @Nullable String text, @Nullable Long ownerSeatId,
			@Nullable LocalDate deadline) {
	}

	public record MinutesText(@Nullable String text, @Nullable Integer version) {
	}

	public record SignOff(@Nullable Integer version) {
	}

	public record NewProgress(@Nullable String note, @Nullable Boolean done) {
	}

	public record CaseRequest(@Nullable String categoryCode) {
	}

	/** The case a decision opened: {@code created} false when it had one already (a repeated press). */
	public record OpenedCase(long decisionId, long caseId, boolean created) {
	}

	/**
	 * The task a decision opens: {@code target} CADRE (a posted cadre's task: staffId, kind GATE_DUTY|VISITS|
	 * DELIVERIES|SCREENING_HELP, day) or VOLUNTEER (a volunteer task: kind GATE_DUTY|DELIVERY|ELDERLY_VISIT|
	 * SCREENING_HELP|OTHER, title (default the decision's text), place, startsAt, endsAt, needed); details optional.
	 */
	public record TaskRequest(@Nullable String target, @Nullable String kind, @Nullable Long staffId,
			@Nullable LocalDate day, @Nullable String title, @Nullable String place, @Nullable OffsetDateTime startsAt,
			@Nullable OffsetDateTime endsAt, @Nullable Integer needed, @Nullable String details) {
	}

	/** The task a decision opened: {@code kind} CADRE or VOLUNTEER; {@code created} false on a repeated press. */
	public record OpenedTask(long decisionId, long taskId, String kind, boolean created) {
	}

	/** Something an agenda item may be picked from (an open hand-off, a published public answer). */
	public record Pick(String source, long refId, String label, String title) {
	}

	// ---- the public board: organisations, members' names and roles, signed minutes, decisions; nothing else

	public record BoardSeat(String kind, String organisation, String personName, String personRole, boolean chair) {
	}

	public record BoardDecision(String text, String ownerOrganisation, LocalDate deadline, String state,
			boolean overdue) {
	}

	public record BoardMeeting(LocalDate heldOn, String title, int present, int seats, List<String> agenda,
			List<BoardDecision> decisions, String minutes, @Nullable String signedChair) {
	}

	public record Board(String communityCode, String communityName, List<BoardSeat> seats,
			List<BoardDecision> overdue, List<BoardMeeting> meetings) {
	}
}
