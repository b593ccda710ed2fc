package org.gridlink.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What the pages and the API of projects, surveys and the list show and take. */
public final class HousingViews {

	private HousingViews() {
	}

	/** A new-home site of a project. */
	public record Site(long id, String name, String villageCode, @Nullable String address, int buildings, int plots) {
	}

	/** A project in lists: where, money, hand-over, how far the survey and the list are. */
	public record ProjectSummary(long id, String name, String townshipCode, String townshipName, long budgetFen,
			LocalDate handOverOn, int villages, long households, long surveyed, long eligible, ListState listState) {
	}

	/** One project with its villages (code → name) and sites; the counts are over the households the caller sees. */
	public record ProjectDetail(ProjectSummary summary, Map<String, String> villages, List<Site> sites,
			EligibilityRules rules, @Nullable Notice notice) {
	}

	/** Where the eligibility list is: rules not run, computed (draft), on public notice, notice over, final. */
	public enum ListState {
		NOT_RUN, DRAFT, NOTICE, NOTICE_ENDED, FINAL
	}

	/** The public notice period (公示) of the list. */
	public record Notice(LocalDate startsOn, LocalDate endsOn, boolean finalised) {
	}

	/** A project as created or edited: budget in yuan, the villages of one township, the sites. */
	public record ProjectInput(@Nullable String name, @Nullable String townshipCode, @Nullable List<String> villageCodes,
			@Nullable Long budgetYuan, @Nullable LocalDate handOverOn, @Nullable List<SiteInput> sites) {
	}

	/** A site as created or edited (id null for a new one). */
	public record SiteInput(@Nullable Long id, @Nullable String name, @Nullable String villageCode,
			@Nullable String address, @Nullable Integer buildings, @Nullable Integer plots) {
	}

	/**
	 * A survey from the phone: the household ({@code housing_household.id}), whether it has a house and its safety grade
	 * (A–D), willingness (WILLING, UNDECIDED, UNWILLING), family size, the priority groups seen, special needs, and the
	 * client id that makes a resend the same survey.
	 */
	public record SurveyInput(@Nullable String clientId, @Nullable Long householdId, @Nullable Boolean hasHouse,
			@Nullable String safetyGrade, @Nullable String willingness, @Nullable Integer familySize,
			@Nullable List<String> groups, @Nullable String specialNeeds) {
	}

	/** A stored survey; {@code created} false when the client id was already known (a resend). */
	public record SavedSurvey(long id, long householdId, boolean created) {
	}

	/** A household's latest survey. */
	public record Survey(boolean hasHouse, @Nullable String safetyGrade, String willingness, int familySize,
			List<String> groups, String specialNeeds, LocalDate surveyedOn) {
	}

	/** One reason of a result: the rule, the fact, and the two in words. */
	public record ReasonView(String rule, String fact, String text) {
	}

	/**
	 * A household of the project as staff see it (masked head, no ID or phone): survey, result with its reasons, place
	 * in the list, and the choice and agreement when the choice part knows them.
	 */
	public record HouseholdRow(long id, long registryHouseholdId, String villageCode, String villageName,
			String headMasked, int familySize, @Nullable Survey survey, @Nullable Boolean eligible,
			List<String> priorityGroups, List<ReasonView> reasons, @Nullable Integer place, @Nullable Integer priorityRank,
			boolean listFinal, HousingChoiceFacts.@Nullable HouseholdChoice choice, @Nullable Agreement agreement) {
	}

	/** The agreement of a household's choice, when the choice part has one. */
	public record Agreement(@Nullable String state, @Nullable String number) {
	}

	/** The rules as set on the page or the API. */
	public record RulesInput(@Nullable List<String> priorityGroups, @Nullable List<String> unsafeGrades,
			@Nullable Boolean groupRequired) {
	}

	/** The public notice period as opened. */
	public record NoticeInput(@Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	/** An objection as recorded by staff: the household it is about (optional) or the village, the text, the day raised. */
	public record ObjectionInput(@Nullable Long householdId, @Nullable String villageCode, @Nullable String text,
			@Nullable LocalDate raisedOn) {
	}

	/** An objection and its answer. */
	public record Objection(long id, long projectId, @Nullable Long householdId, @Nullable String headMasked,
			String villageCode, String text, LocalDate raisedOn, @Nullable String answer, @Nullable LocalDate answeredOn) {

		public boolean answered() {
			return answer != null;
		}
	}

	/** What running the rules gave. */
	public record RunResult(int households, int eligible) {
	}
}
