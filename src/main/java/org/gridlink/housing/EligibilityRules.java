package org.gridlink.housing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A project's eligibility rules and the pure rule that applies them. A household is eligible when it was surveyed, is
 * not unwilling, has no house or a house of an unsafe grade (C or D by default: STANDARDS' safety grades A safe, B
 * some dangerous members, C part of the load-bearing structure inadequate, D the whole building dangerous), and, when
 * {@code groupRequired}, belongs to one of the priority groups. Every result carries its reasons (which rule, which
 * fact). The order of the list is a pure function of the facts: the earliest priority group first, then more groups,
 * then no house, grade D, grade C, then the larger family, then the older record (id) — the same facts always give the
 * same result and the same order.
 */
public record EligibilityRules(List<PriorityGroup> groups, Set<String> unsafeGrades, boolean groupRequired) {

	public static final List<String> GRADES = List.of("A", "B", "C", "D");

	public EligibilityRules {
		groups = List.copyOf(new LinkedHashSet<>(groups));
		unsafeGrades = Set.copyOf(unsafeGrades);
	}

	/** The defaults: the four groups in STANDARDS' order, grades C and D, a group required. */
	public static EligibilityRules defaults() {
		return new EligibilityRules(List.of(PriorityGroup.values()), Set.of("C", "D"), true);
	}

	/** What is known of a household: its latest survey (null fields when not surveyed) and the registry's groups. */
	public record Facts(long memberId, boolean surveyed, boolean hasHouse, @Nullable String grade,
			@Nullable String willingness, int familySize, Set<PriorityGroup> registryGroups,
			Set<PriorityGroup> surveyGroups) {
	}

	/** One reason: the rule's code and the fact it used (a group and its source, a grade), e.g. GROUP / MINIMUM_ALLOWANCE@REGISTRY. */
	public record Reason(String code, String fact) {

		public String encoded() {
			return fact.isEmpty() ? code : code + ":" + fact;
		}

		public static Reason decode(String text) {
			int colon = text.indexOf(':');
			return colon < 0 ? new Reason(text, "") : new Reason(text.substring(0, colon), text.substring(colon + 1));
		}
	}

	/** The result for one household. */
	public record Verdict(long memberId, boolean eligible, List<PriorityGroup> groups, List<Reason> reasons,
			int houseSeverity, int familySize) {
	}

	public Verdict evaluate(Facts f) {
		List<Reason> reasons = new ArrayList<>();
		List<PriorityGroup> in = new ArrayList<>();
		if (!f.surveyed()) {
			reasons.add(new Reason("NOT_SURVEYED", ""));
			return new Verdict(f.memberId(), false, in, reasons, 9, f.familySize());
		}
		boolean eligible = true;
		if ("UNWILLING".equals(f.willingness())) {
			reasons.add(new Reason("UNWILLING", ""));
			eligible = false;
		}
		int severity;
		if (!f.hasHouse()) {
			reasons.add(new Reason("NO_HOUSE", ""));
			severity = 0;
		}
		else if (f.grade() != null && unsafeGrades.contains(f.grade())) {
			reasons.add(new Reason("GRADE_UNSAFE", f.grade()));
			severity = "D".equals(f.grade()) ? 1 : "C".equals(f.grade()) ? 2 : 3;
		}
		else {
			reasons.add(new Reason("GRADE_SAFE", f.grade() == null ? "" : f.grade()));
			severity = 4;
			eligible = false;
		}
		for (PriorityGroup group : groups) {
			if (f.registryGroups().contains(group)) {
				in.add(group);
				reasons.add(new Reason("GROUP", group.name() + "@REGISTRY"));
			}
			else if (f.surveyGroups().contains(group)) {
				in.add(group);
				reasons.add(new Reason("GROUP", group.name() + "@SURVEY"));
			}
		}
		if (in.isEmpty()) {
			reasons.add(new Reason(groupRequired ? "NO_GROUP" : "NO_GROUP_NOT_REQUIRED", ""));
			if (groupRequired) {
				eligible = false;
			}
		}
		return new Verdict(f.memberId(), eligible, List.copyOf(in), List.copyOf(reasons), severity, f.familySize());
	}

	/** The verdicts in list order (eligible ones first, in priority order; then the others by id). */
	public List<Verdict> order(List<Verdict> verdicts) {
		Comparator<Verdict> priority = Comparator.comparing((Verdict v) -> !v.eligible())
				.thenComparingInt(v -> v.groups().isEmpty() ? groups.size() : groups.indexOf(v.groups().get(0)))
				.thenComparingInt(v -> -v.groups().size())
				.thenComparingInt(Verdict::houseSeverity)
				.thenComparingInt(v -> -v.familySize())
				.thenComparingLong(Verdict::memberId);
		return verdicts.stream().sorted(priority).toList();
	}

	/** Grades as a set from text such as {@code "C,D"}; unknown letters left out. */
	public static Set<String> grades(@Nullable String text) {
		Set<String> out = new LinkedHashSet<>();
		if (text != null) {
			for (String g : text.split(",")) {
				if (GRADES.contains(g.strip())) {
					out.add(g.strip());
				}
			}
		}
		return out;
	}

	/** Groups in order from text such as {@code "MINIMUM_ALLOWANCE,DISABLED_FAMILY"}; unknown codes left out. */
	public static List<PriorityGroup> groups(@Nullable String text) {
		Set<PriorityGroup> out = new LinkedHashSet<>();
		if (text != null) {
			for (String code : text.split(",")) {
				PriorityGroup g = PriorityGroup.parse(code);
				if (g != null) {
					out.add(g);
				}
			}
		}
		return List.copyOf(out);
	}

	static Set<PriorityGroup> groupSet(@Nullable String text) {
		List<PriorityGroup> list = groups(text);
		return list.isEmpty() ? EnumSet.noneOf(PriorityGroup.class) : EnumSet.copyOf(list);
	}
}
