package org.gridlink.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The records the supervision facade takes and answers (inputs, read models). */
@org.springframework.modulith.NamedInterface("api")
public final class InspectionViews {

	private InspectionViews() {
	}

	/** A check item of the library: its text, case minor class, weight and the target kinds it applies to. */
	@org.springframework.modulith.NamedInterface("api")
	public record CheckItem(long id, String text, String category, int weight, List<String> targetKinds) {
	}

	/** A new check item. */
	@org.springframework.modulith.NamedInterface("api")
	public record NewCheckItem(@Nullable String text, @Nullable String category, @Nullable Integer weight,
			@Nullable List<String> targetKinds) {
	}

	/** A member of a group: a person of a unit. */
	@org.springframework.modulith.NamedInterface("api")
	public record Member(String name, long unitId, String unitName, @Nullable String username) {
	}

	/** A group with its leader, members and what it covers. */
	@org.springframework.modulith.NamedInterface("api")
	public record Group(long id, String name, String leaderName, long leaderUnitId, String leaderUnitName,
			List<Member> members, List<String> communities, List<Long> units) {
	}

	/** A new group: leader and members (name and unit; an account optional), the communities and units it covers. */
	@org.springframework.modulith.NamedInterface("api")
	public record NewGroup(@Nullable String name, @Nullable String leaderName, @Nullable Long leaderUnitId,
			@Nullable List<NewMember> members, @Nullable List<String> communities, @Nullable List<Long> units) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record NewMember(@Nullable String name, @Nullable Long unitId, @Nullable String username) {
	}

	/** The hand-offs of a round (or a part of it) by state: total, open, rectified, overdue (open past deadline). */
	@org.springframework.modulith.NamedInterface("api")
	public record Findings(long total, long open, long rectified, long overdue) {
	}

	/** A round in a list. */
	@org.springframework.modulith.NamedInterface("api")
	public record RoundSummary(long id, int number, String title, LocalDate startsOn, LocalDate endsOn,
			long targets, Findings findings) {
	}

	/** A target of a round: a community or a unit, the group that visits it, results recorded so far. */
	@org.springframework.modulith.NamedInterface("api")
	public record Target(String code, String kind, String name, long groupId, String groupName, long results) {
	}

	/** A round: its plan, checklist, targets (those the caller sees) and findings. */
	@org.springframework.modulith.NamedInterface("api")
	public record Round(long id, int number, String title, LocalDate startsOn, LocalDate endsOn, List<Long> groups,
			List<CheckItem> checklist, List<Target> targets, Findings findings, int version) {
	}

	/** A new round: dates, the checklist (check item ids) and the targets, each with its group. */
	@org.springframework.modulith.NamedInterface("api")
	public record NewRound(@Nullable String title, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable List<Long> checkItemIds, @Nullable List<NewTarget> targets) {
	}

	/** A target: a community's jurisdiction code or a unit's code, and the group visiting it. */
	@org.springframework.modulith.NamedInterface("api")
	public record NewTarget(@Nullable String targetCode, @Nullable Long groupId) {
	}

	/**
	 * A result recorded on site. {@code result}: PASS, FAIL or NA; a FAIL may carry a {@code handOff}. {@code photos}:
	 * data URLs (JPEG, PNG or WebP) of the finding, at most three.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record NewResult(@Nullable String targetCode, @Nullable Long checkItemId, @Nullable String result,
			@Nullable String note, @Nullable String clientId, @Nullable NewHandOff handOff,
			@Nullable List<String> photos) {
	}

	/** Who must fix it (a unit id, or a community's jurisdiction code), the fix and the rectification deadline. */
	@org.springframework.modulith.NamedInterface("api")
	public record NewHandOff(@Nullable Long unitId, @Nullable String jurisdictionCode, @Nullable String fix,
			@Nullable LocalDate deadline) {
	}

	/** The answer to a result: its id and its hand-off's case (null without one); {@code created}: false for a repeat. */
	@org.springframework.modulith.NamedInterface("api")
	public record SavedResult(long id, @Nullable Long handOffId, @Nullable Long caseId, boolean created) {
	}

	/** A result as recorded. */
	@org.springframework.modulith.NamedInterface("api")
	public record Result(long id, String targetCode, long checkItemId, String result, String note, String recordedBy,
			OffsetDateTime recordedAt) {
	}

	/**
	 * A hand-off with its case. {@code state}: OPEN, RECTIFIED, CANCELLED; {@code awaitingVerification}: the unit fed
	 * back its fix and the group is to verify it; {@code overdue}: open past its deadline.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record HandOff(long id, long roundId, int roundNumber, String targetCode, String communityCode,
			String communityName, long checkItemId, String checkItemText, @Nullable Long unitId,
			@Nullable String unitName, @Nullable String jurisdictionCode, String problem, String fix,
			LocalDate deadline, @Nullable Long caseId, @Nullable String caseNumber, String state,
			boolean awaitingVerification, boolean overdue, int returned, OffsetDateTime createdAt,
			@Nullable OffsetDateTime rectifiedAt, int version) {
	}

	/** The group's verification of a fix: passed or sent back, a note, photos (data URLs; one at least to pass). */
	@org.springframework.modulith.NamedInterface("api")
	public record Verification(@Nullable Boolean passed, @Nullable String note, @Nullable List<String> photos) {
	}

	/** The same check item failed in the same community in two rounds or more. */
	@org.springframework.modulith.NamedInterface("api")
	public record RepeatProblem(String communityCode, String communityName, long checkItemId, String checkItemText,
			List<Integer> rounds) {
	}

	/** A unit's hand-offs over all rounds: how many, rectified, overdue now, rate and mean days to rectify. */
	@org.springframework.modulith.NamedInterface("api")
	public record UnitRectification(long unitId, String unitName, long handOffs, long rectified, long overdue,
			double rate, @Nullable Double meanDays) {
	}
}
