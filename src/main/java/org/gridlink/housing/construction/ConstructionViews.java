package org.gridlink.housing.construction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.gridlink.housing.MilestoneKind;
import org.jspecify.annotations.Nullable;

/** What the construction part answers and takes (pages and {@code /api/v1/housing/...}). */
public final class ConstructionViews {

	private ConstructionViews() {
	}

	/** A new-home site as construction sees it. */
	public record Site(long id, long projectId, String name, String villageCode, @Nullable String address,
			int buildings) {
	}

	/** One milestone of one building: planned window, actual dates, whether late, the chart state. */
	public record Milestone(MilestoneKind kind, LocalDate plannedStart, LocalDate plannedEnd,
			@Nullable LocalDate startedOn, @Nullable LocalDate reachedOn, boolean late, String state) {
	}

	/** A building's row of the wall chart: its milestones, latest reported percent and open problems. */
	public record BuildingSchedule(int building, List<Milestone> milestones, @Nullable Integer percent,
			@Nullable LocalDate lastReportOn, int openProblems) {
	}

	public record SiteSchedule(long siteId, String name, String villageCode, int buildings,
			List<BuildingSchedule> rows, List<Problem> openProblems) {
	}

	/** The schedule of a project: the sites the caller sees. */
	public record Schedule(long projectId, String projectName, LocalDate handOverOn, LocalDate today,
			List<SiteSchedule> sites) {
	}

	/** Durations to set: for the project (no site), a site (no building) or one building; days per milestone. */
	public record DurationInput(@Nullable Long siteId, @Nullable Integer building,
			@Nullable Map<String, Integer> days) {
	}

	/** A milestone reached (and when work on it started). */
	public record MilestoneInput(@Nullable Integer building, @Nullable String kind, @Nullable LocalDate reachedOn,
			@Nullable LocalDate startedOn) {
	}

	/** A daily report from the phone: once per clientId; photos as data URLs (JPEG, PNG or WebP, at most 3). */
	public record ReportInput(@Nullable String clientId, @Nullable LocalDate day, @Nullable Integer building,
			@Nullable Integer percent, @Nullable Integer workers, @Nullable String note,
			@Nullable List<String> photos, @Nullable String reached) {
	}

	public record Report(long id, long siteId, @Nullable Integer building, LocalDate day, int percent, int workers,
			@Nullable String note, String reportedBy, List<Long> photoIds) {
	}

	/** 201 when new, 200 with the first answer when the clientId was seen before. */
	public record SavedReport(long id, List<Long> photoIds, boolean created) {
	}

	/** A problem raised on site: once per clientId; becomes one case. */
	public record ProblemInput(@Nullable String clientId, @Nullable Integer building, @Nullable String kind,
			@Nullable String description) {
	}

	public record Problem(long id, long siteId, String siteName, @Nullable Integer building, String kind,
			String description, LocalDate raisedOn, LocalDate dueOn, @Nullable Long caseId,
			@Nullable OffsetDateTime solvedAt, boolean ended, boolean overdue) {

		public boolean open() {
			return solvedAt == null && !ended;
		}
	}

	public record SavedProblem(long id, @Nullable Long caseId, boolean created) {
	}

	/** An inspection: QUALITY or SAFETY, findings per checklist item (passed or not, a note). */
	public record InspectionInput(@Nullable String clientId, @Nullable String kind, @Nullable Integer building,
			@Nullable LocalDate day, @Nullable String note, @Nullable List<FindingInput> findings) {
	}

	public record FindingInput(@Nullable String item, @Nullable Boolean passed, @Nullable String note) {
	}

	public record Finding(String item, boolean passed, @Nullable String note) {
	}

	public record Inspection(long id, long siteId, String siteName, @Nullable Integer building, String kind,
			LocalDate day, String inspector, @Nullable String note, List<Finding> findings) {

		public long failed() {
			return findings.stream().filter(f -> !f.passed()).count();
		}
	}

	public record SavedInspection(long id, boolean created) {
	}

	public record SupportingWork(long id, @Nullable Long siteId, @Nullable String siteName, String kind, String name,
			int percent, @Nullable LocalDate plannedEnd) {
	}

	public record WorkProgressInput(@Nullable Integer percent) {
	}

	/** A budget line with what was spent on it so far (fen). */
	public record BudgetLine(long id, String name, long budgetFen, long spentFen) {
	}

	public record SpendingInput(@Nullable Long amountFen, @Nullable LocalDate spentOn, @Nullable String note) {
	}

	public record Spending(long id, long itemId, LocalDate spentOn, long amountFen, @Nullable String note) {
	}

	/** Job matching and training of a project: figures, sessions and seekers (names masked). */
	public record Jobs(long seekers, long wantWork, long wantTraining, long placed, List<Session> sessions,
			List<Seeker> people) {
	}

	public record Session(long id, String title, LocalDate heldOn, @Nullable String place, long attended) {
	}

	public record Seeker(long id, String memberMasked, String wants, @Nullable String skill,
			@Nullable LocalDate placedOn, @Nullable String employer) {
	}

	public record SessionInput(@Nullable String title, @Nullable LocalDate heldOn, @Nullable String place,
			@Nullable List<Long> attendees) {
	}

	/** A household member registering: the project's household ({@code housing_household.id}), the member's name (kept
	 * masked only), WORK, TRAINING or BOTH, a skill. */
	public record SeekerInput(@Nullable Long householdId, @Nullable String name, @Nullable String wants,
			@Nullable String skill) {
	}

	public record PlacementInput(@Nullable String employer, @Nullable LocalDate placedOn) {
	}
}
