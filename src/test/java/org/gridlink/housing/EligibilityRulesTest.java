package org.gridlink.housing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gridlink.housing.EligibilityRules.Facts;
import org.gridlink.housing.EligibilityRules.Reason;
import org.gridlink.housing.EligibilityRules.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure eligibility rule: each result explained (rule and fact), the order a function of the facts only. */
class EligibilityRulesTest {

	private final EligibilityRules defaults = EligibilityRules.defaults();

	private static Facts surveyed(long id, boolean hasHouse, String grade, String willing, int family,
			Set<PriorityGroup> registry, Set<PriorityGroup> survey) {
		return new Facts(id, true, hasHouse, grade, willing, family, registry, survey);
	}

	@Test
	void aGroupAndAnUnsafeHouseMakeAHouseholdEligibleAndSayWhy() {
		Verdict v = defaults.evaluate(surveyed(1, true, "D", "WILLING", 3, Set.of(PriorityGroup.MINIMUM_ALLOWANCE),
				Set.of()));
		assertThat(v.eligible()).isTrue();
		assertThat(v.groups()).containsExactly(PriorityGroup.MINIMUM_ALLOWANCE);
		assertThat(v.reasons()).containsExactly(new Reason("GRADE_UNSAFE", "D"),
				new Reason("GROUP", "MINIMUM_ALLOWANCE@REGISTRY"));
		Verdict noHouse = defaults.evaluate(surveyed(2, false, null, "UNDECIDED", 1, Set.of(),
				Set.of(PriorityGroup.LOW_INCOME_REGISTERED)));
		assertThat(noHouse.eligible()).isTrue();
		assertThat(noHouse.reasons()).containsExactly(new Reason("NO_HOUSE", ""),
				new Reason("GROUP", "LOW_INCOME_REGISTERED@SURVEY"));
	}

	@Test
	void eachFailingRuleIsNamed() {
		assertThat(defaults.evaluate(surveyed(1, true, "B", "WILLING", 3, Set.of(PriorityGroup.DISABLED_FAMILY),
				Set.of())).reasons()).contains(new Reason("GRADE_SAFE", "B"));
		Verdict safe = defaults.evaluate(surveyed(1, true, "B", "WILLING", 3, Set.of(PriorityGroup.DISABLED_FAMILY),
				Set.of()));
		assertThat(safe.eligible()).isFalse();
		Verdict noGroup = defaults.evaluate(surveyed(2, true, "C", "WILLING", 3, Set.of(), Set.of()));
		assertThat(noGroup.eligible()).isFalse();
		assertThat(noGroup.reasons()).contains(new Reason("NO_GROUP", ""));
		Verdict unwilling = defaults.evaluate(surveyed(3, true, "D", "UNWILLING", 3,
				Set.of(PriorityGroup.EXTREME_POVERTY), Set.of()));
		assertThat(unwilling.eligible()).isFalse();
		assertThat(unwilling.reasons()).contains(new Reason("UNWILLING", ""));
		Verdict notSurveyed = defaults.evaluate(new Facts(4, false, false, null, null, 2,
				Set.of(PriorityGroup.EXTREME_POVERTY), Set.of()));
		assertThat(notSurveyed.eligible()).isFalse();
		assertThat(notSurveyed.reasons()).containsExactly(new Reason("NOT_SURVEYED", ""));
	}

	@Test
	void theRulesAreConfigurable() {
		EligibilityRules open = new EligibilityRules(List.of(PriorityGroup.DISABLED_FAMILY), Set.of("B", "C", "D"),
				false);
		Verdict v = open.evaluate(surveyed(1, true, "B", "WILLING", 3, Set.of(PriorityGroup.MINIMUM_ALLOWANCE),
				Set.of()));
		assertThat(v.eligible()).as("grade B counts, no group needed, a group not in the rules is not used").isTrue();
		assertThat(v.groups()).isEmpty();
		assertThat(v.reasons()).contains(new Reason("NO_GROUP_NOT_REQUIRED", ""));
	}

	@Test
	void theSameFactsGiveTheSameResultsInTheSameOrderWhateverTheInputOrder() {
		Random random = new Random(7);
		List<Facts> facts = new ArrayList<>();
		PriorityGroup[] groups = PriorityGroup.values();
		for (int i = 1; i <= 300; i++) {
			Set<PriorityGroup> registry = random.nextInt(4) == 0 ? Set.of(groups[random.nextInt(4)]) : Set.of();
			Set<PriorityGroup> survey = random.nextInt(6) == 0 ? Set.of(groups[random.nextInt(4)]) : Set.of();
			facts.add(surveyed(i, random.nextInt(10) > 0, EligibilityRules.GRADES.get(random.nextInt(4)),
					random.nextInt(8) == 0 ? "UNWILLING" : "WILLING", 1 + random.nextInt(6), registry, survey));
		}
		List<Verdict> first = defaults.order(facts.stream().map(defaults::evaluate).toList());
		List<Facts> shuffled = new ArrayList<>(facts);
		Collections.shuffle(shuffled, new Random(99));
		List<Verdict> second = defaults.order(shuffled.stream().map(defaults::evaluate).toList());
		assertThat(second).isEqualTo(first);
		// the priority groups' order goes first: the first eligible household is in the first group
		Verdict top = first.get(0);
		assertThat(top.eligible()).isTrue();
		assertThat(top.groups().get(0)).isEqualTo(PriorityGroup.LOW_INCOME_REGISTERED);
		// no house before grade D before grade C within the same groups
		Verdict noHouse = defaults.evaluate(surveyed(10, false, null, "WILLING", 1,
				Set.of(PriorityGroup.MINIMUM_ALLOWANCE), Set.of()));
		Verdict gradeD = defaults.evaluate(surveyed(5, true, "D", "WILLING", 6, Set.of(PriorityGroup.MINIMUM_ALLOWANCE),
				Set.of()));
		Verdict gradeC = defaults.evaluate(surveyed(1, true, "C", "WILLING", 6, Set.of(PriorityGroup.MINIMUM_ALLOWANCE),
				Set.of()));
		assertThat(defaults.order(List.of(gradeC, gradeD, noHouse)).stream().map(Verdict::memberId))
				.containsExactly(10L, 5L, 1L);
	}

	@Test
	void storedCodesReadBackAndUnknownOnesAreLeftOut() {
		assertThat(EligibilityRules.groups("DISABLED_FAMILY, NOPE,MINIMUM_ALLOWANCE"))
				.containsExactly(PriorityGroup.DISABLED_FAMILY, PriorityGroup.MINIMUM_ALLOWANCE);
		assertThat(EligibilityRules.grades("C,X,D")).containsExactly("C", "D");
		assertThat(Reason.decode("GROUP:MINIMUM_ALLOWANCE@SURVEY"))
				.isEqualTo(new Reason("GROUP", "MINIMUM_ALLOWANCE@SURVEY"));
		assertThat(Reason.decode("NO_HOUSE")).isEqualTo(new Reason("NO_HOUSE", ""));
	}
}
