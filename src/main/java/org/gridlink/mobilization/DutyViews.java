package org.gridlink.mobilization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/** Read models of posted cadres on duty: presence, a community's code of the day, tasks, the boards. */
@org.springframework.modulith.NamedInterface("api")
public final class DutyViews {

	private DutyViews() {
	}

	/**
	 * A cadre's presence in a community on a day: arrived (by the community's code, or confirmed by the community's
	 * staff: {@code confirmedBy}), and left once they scanned again.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PresenceView(long id, long staffId, String cadre, @Nullable String unit, String community,
			String communityName, LocalDate date, OffsetDateTime arrivedAt, @Nullable OffsetDateTime leftAt,
			@Nullable String confirmedBy) {
	}

	/** A community's presence code of a day, and the link its QR code holds. */
	public record PresenceCode(String community, String communityName, LocalDate date, String code, String link) {
	}

	/** The kinds of task a community gives its posted cadres. */
	public enum TaskKind {
		GATE_DUTY, VISITS, DELIVERIES, SCREENING_HELP
	}

	/** A task given to a posted cadre for a day; done once the cadre marks it with a note. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CadreTaskView(long id, String community, String communityName, long staffId, String cadre,
			TaskKind kind, LocalDate date, @Nullable String details, String assignedBy,
			@Nullable OffsetDateTime doneAt, @Nullable String doneNote, boolean photo) {

		public boolean done() {
			return doneAt != null;
		}
	}

	/** One posted cadre on a community's board: today's presence if any. */
	public record PostedCadre(long staffId, String cadre, @Nullable String unit, LocalDate since,
			@Nullable PresenceView today) {
	}

	/** A community's board: who is posted, who came today, today's tasks. */
	public record CommunityBoard(String community, String communityName, LocalDate date, List<PostedCadre> posted,
			long present, List<CadreTaskView> tasks) {
	}

	/** One cadre of a unit over a period: the community, days present, tasks given and done. */
	public record UnitCadreRow(long staffId, String cadre, String community, String communityName, long daysPresent,
			long tasks, long tasksDone, @Nullable LocalDate lastPresent) {
	}

	/** A unit's board over a period. */
	public record UnitBoard(long unitId, String unitName, LocalDate from, LocalDate to, List<UnitCadreRow> rows) {

		public long daysPresent() {
			return rows.stream().mapToLong(UnitCadreRow::daysPresent).sum();
		}

		public long tasksDone() {
			return rows.stream().mapToLong(UnitCadreRow::tasksDone).sum();
		}
	}

	/** A posted cadre's day: their communities with today's presence, and today's tasks. */
	public record MyDuty(LocalDate date, List<MyPost> posts, List<CadreTaskView> tasks) {
	}

	/** One community a cadre is posted to, with today's presence there. */
	public record MyPost(String community, String communityName, @Nullable PresenceView today) {
	}
}
