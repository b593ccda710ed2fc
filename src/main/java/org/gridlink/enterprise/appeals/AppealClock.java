package org.gridlink.enterprise.appeals;

import java.time.OffsetDateTime;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The pure rules of the appeal's clock: which appeals go through the green channel, the deadline of each step from
 * the filing time, whether a step was met, and which step is due now. No Spring, no database ({@code AppealClockTest}).
 */
public final class AppealClock {

	private AppealClock() {
	}

	/** The limits of the three steps in minutes, each counted from the filing (wall-clock time). */
	public record Limits(int respondMinutes, int planMinutes, int closeMinutes) {

		public Limits {
			if (respondMinutes < 1 || planMinutes < respondMinutes || closeMinutes < planMinutes) {
				throw new IllegalArgumentException("limits must be positive and not decreasing");
			}
		}
	}

	/** The deadlines of the three steps. */
	public record Deadlines(OffsetDateTime respond, OffsetDateTime plan, OffsetDateTime close) {
	}

	/** Key enterprises always go through the green channel; other enterprises for the configured classes. */
	public static boolean green(boolean keyEnterprise, String categoryCode, Set<String> greenCategories) {
		return keyEnterprise || greenCategories.contains(categoryCode);
	}

	public static Deadlines deadlines(OffsetDateTime filedAt, Limits limits) {
		return new Deadlines(filedAt.plusMinutes(limits.respondMinutes()), filedAt.plusMinutes(limits.planMinutes()),
				filedAt.plusMinutes(limits.closeMinutes()));
	}

	/** Met: the step happened, and not after its deadline. */
	public static boolean met(@Nullable OffsetDateTime at, OffsetDateTime due) {
		return at != null && !at.isAfter(due);
	}

	/** Missed: the step happened late, or it has not happened and the deadline has passed. */
	public static boolean missed(@Nullable OffsetDateTime at, OffsetDateTime due, OffsetDateTime now) {
		return at == null ? now.isAfter(due) : at.isAfter(due);
	}

	/** The first step not reached yet, or null when the appeal is closed. */
	public static @Nullable AppealStep current(@Nullable OffsetDateTime respondedAt, @Nullable OffsetDateTime plannedAt,
			@Nullable OffsetDateTime closedAt) {
		if (closedAt != null) {
			return null;
		}
		return respondedAt == null ? AppealStep.RESPOND : plannedAt == null ? AppealStep.PLAN : AppealStep.CLOSE;
	}
}
