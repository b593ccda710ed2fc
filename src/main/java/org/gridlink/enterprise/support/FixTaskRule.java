package org.gridlink.enterprise.support;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The one fix task of a finding (pure). A red or orange finding that is open has exactly one open task; re-grading or
 * saving again changes that task, never adds one:
 * <ul>
 * <li>no task yet: an open red/orange finding gets one, due in its grade's days; yellow gets none;</li>
 * <li>the finding closed (revisit found it fixed): the task is done;</li>
 * <li>re-graded to yellow: the task is withdrawn;</li>
 * <li>still open and red/orange: an open task keeps its due date unless the new grade's is earlier; a done or
 * withdrawn task opens again with a new due date.</li>
 * </ul>
 */
public final class FixTaskRule {

	public enum TaskStatus {
		OPEN, DONE, WITHDRAWN
	}

	public record Task(TaskStatus status, LocalDate dueOn) {
	}

	private FixTaskRule() {
	}

	/** The task after the change; empty when the finding has and needs no task. */
	public static Optional<Task> next(Risk risk, boolean findingOpen, @Nullable Task current, LocalDate today) {
		if (current == null) {
			return risk.needsFix() && findingOpen ? Optional.of(new Task(TaskStatus.OPEN, today.plusDays(risk.fixDays())))
					: Optional.empty();
		}
		if (!findingOpen) {
			return Optional.of(new Task(TaskStatus.DONE, current.dueOn()));
		}
		if (!risk.needsFix()) {
			return Optional.of(new Task(TaskStatus.WITHDRAWN, current.dueOn()));
		}
		LocalDate due = today.plusDays(risk.fixDays());
		if (current.status() == TaskStatus.OPEN) {
			return Optional.of(new Task(TaskStatus.OPEN, due.isBefore(current.dueOn()) ? due : current.dueOn()));
		}
		return Optional.of(new Task(TaskStatus.OPEN, due));
	}
}
