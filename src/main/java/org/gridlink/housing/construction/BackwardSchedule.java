package org.gridlink.housing.construction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gridlink.housing.MilestoneKind;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The backward schedule (倒排工期), pure: the last milestone (acceptance) ends on the hand-over date, each milestone ends
 * the day the next one starts, and each starts its duration earlier. Durations are whole days, 1..365; a missing one
 * takes the default.
 */
public final class BackwardSchedule {

	/** Default days per milestone (175 in all): foundation 30, structure 45, roof 20, finishing 40, utilities 25, acceptance 15. */
	public static final Map<MilestoneKind, Integer> DEFAULT_DAYS;

	static {
		Map<MilestoneKind, Integer> days = new EnumMap<>(MilestoneKind.class);
		days.put(MilestoneKind.FOUNDATION, 30);
		days.put(MilestoneKind.STRUCTURE, 45);
		days.put(MilestoneKind.ROOF, 20);
		days.put(MilestoneKind.FINISHING, 40);
		days.put(MilestoneKind.UTILITIES, 25);
		days.put(MilestoneKind.ACCEPTANCE, 15);
		DEFAULT_DAYS = java.util.Collections.unmodifiableMap(days);
	}

	public static final int MAX_DAYS = 365;

	/** One milestone's planned window: work starts on {@code start}, the milestone is due on {@code end}. */
	public record Planned(MilestoneKind kind, LocalDate start, LocalDate end) {
	}

	private BackwardSchedule() {
	}

	/** The planned windows in building order, computed backwards from {@code handOver}. */
	public static List<Planned> plan(LocalDate handOver, Map<MilestoneKind, Integer> days) {
		MilestoneKind[] kinds = MilestoneKind.values();
		Planned[] out = new Planned[kinds.length];
		LocalDate end = handOver;
		for (int i = kinds.length - 1; i >= 0; i--) {
			int d = days.getOrDefault(kinds[i], DEFAULT_DAYS.get(kinds[i]));
			check(d);
			LocalDate start = end.minusDays(d);
			out[i] = new Planned(kinds[i], start, end);
			end = start;
		}
		return List.of(out);
	}

	/** 400 unless 1..365 days. */
	public static void check(@Nullable Integer days) {
		if (days == null || days < 1 || days > MAX_DAYS) {
			throw new InvalidInputException("construction.duration.invalid", MAX_DAYS);
		}
	}

	/** Late: reached after it was due, or not reached and due before today. */
	public static boolean late(Planned p, @Nullable LocalDate reachedOn, LocalDate today) {
		return reachedOn == null ? today.isAfter(p.end()) : reachedOn.isAfter(p.end());
	}

	/**
	 * The state of a milestone for the chart: REACHED, REACHED_LATE, LATE (due and not reached), IN_PROGRESS (its
	 * window has begun or work has started) or PLANNED.
	 */
	public static String state(Planned p, @Nullable LocalDate startedOn, @Nullable LocalDate reachedOn, LocalDate today) {
		if (reachedOn != null) {
			return reachedOn.isAfter(p.end()) ? "REACHED_LATE" : "REACHED";
		}
		if (today.isAfter(p.end())) {
			return "LATE";
		}
		return startedOn != null || !today.isBefore(p.start()) ? "IN_PROGRESS" : "PLANNED";
	}

	/**
	 * The most specific duration per milestone for a site's building: the building's own, else the site's (building
	 * 0), else the project's (site 0), else the default. {@code rows} maps "site:building:KIND" to days.
	 */
	public static Map<MilestoneKind, Integer> durationsFor(Map<String, Integer> rows, long siteId, int building) {
		Map<MilestoneKind, Integer> out = new EnumMap<>(MilestoneKind.class);
		for (MilestoneKind kind : MilestoneKind.values()) {
			Integer d = rows.get(siteId + ":" + building + ":" + kind);
			if (d == null) {
				d = rows.get(siteId + ":0:" + kind);
			}
			if (d == null) {
				d = rows.get("0:0:" + kind);
			}
			out.put(kind, d == null ? DEFAULT_DAYS.get(kind) : d);
		}
		return out;
	}

	/** The milestones' names in order, for forms. */
	public static List<MilestoneKind> kinds() {
		return new ArrayList<>(List.of(MilestoneKind.values()));
	}
}
