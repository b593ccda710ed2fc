package org.gridlink.housing.choice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gridlink.housing.MilestoneKind;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The pure rules of subsidy tranches: a plan is a list of milestones with the share of the subsidy paid at each (whole
 * percents adding up to 100, each milestone once); a tranche's amount is its share of the subsidy rounded down, the
 * last tranche taking what rounding left so that the tranches add up to the subsidy exactly; a tranche is due when
 * the agreement is signed and the household's building has reached the milestone.
 */
public final class TranchePlan {

	/** One step of a plan. */
	public record Step(MilestoneKind milestone, int percent) {
	}

	/** 30 % at the foundation, 40 % at the roof, 30 % at acceptance. */
	public static final List<Step> DEFAULT = List.of(new Step(MilestoneKind.FOUNDATION, 30),
			new Step(MilestoneKind.ROOF, 40), new Step(MilestoneKind.ACCEPTANCE, 30));

	public static final String WAITING = "WAITING";
	public static final String DUE = "DUE";
	public static final String PAID = "PAID";
	public static final String UNSIGNED = "UNSIGNED";

	private TranchePlan() {
	}

	/** Checks a plan and returns it in building order; a 400 names what is wrong. */
	public static List<Step> check(@Nullable Collection<Step> steps) {
		if (steps == null || steps.isEmpty()) {
			throw new InvalidInputException("housing.choice.plan.empty");
		}
		Set<MilestoneKind> seen = new HashSet<>();
		int sum = 0;
		for (Step step : steps) {
			if (step == null || step.milestone() == null) {
				throw new InvalidInputException("housing.choice.plan.milestone");
			}
			if (!seen.add(step.milestone())) {
				throw new InvalidInputException("housing.choice.plan.twice");
			}
			if (step.percent() < 1 || step.percent() > 100) {
				throw new InvalidInputException("housing.choice.plan.percent");
			}
			sum += step.percent();
		}
		if (sum != 100) {
			throw new InvalidInputException("housing.choice.plan.sum", sum);
		}
		return steps.stream().sorted(java.util.Comparator.comparing(Step::milestone)).toList();
	}

	/** The amounts of the plan's tranches for a subsidy, in plan order; they add up to the subsidy. */
	public static List<Long> amounts(long subsidyFen, List<Step> plan) {
		List<Long> amounts = new ArrayList<>();
		long given = 0;
		for (int i = 0; i < plan.size(); i++) {
			long amount = i == plan.size() - 1 ? subsidyFen - given : subsidyFen * plan.get(i).percent() / 100;
			amounts.add(amount);
			given += amount;
		}
		return amounts;
	}

	/** The state of one tranche: paid, due (signed and milestone reached), waiting (signed, not yet), unsigned. */
	public static String state(boolean signed, boolean paid, Optional<LocalDate> reachedOn) {
		if (paid) {
			return PAID;
		}
		if (!signed) {
			return UNSIGNED;
		}
		return reachedOn.isPresent() ? DUE : WAITING;
	}

	/** Convenience for callers with a lookup of reached milestones. */
	static Optional<LocalDate> reached(Function<MilestoneKind, Optional<LocalDate>> lookup, MilestoneKind kind) {
		return lookup.apply(kind);
	}
}
