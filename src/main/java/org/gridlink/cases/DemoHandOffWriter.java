package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes other modules' demo hand-off cases in bulk with the demo cases' writer ({@link DemoCasesLoader#insert}): each
 * case's row, history (report, file, dispatch, accept, feedback, verify, close), lead unit, working-time clock with its
 * warning and overdue marks, and idempotency key, as the steps of {@link CaseManagement#handOff} and
 * {@link CaseManagement#verifyHandOff} would have left them at those times. No events, no audit: demo data only.
 */
final class DemoHandOffWriter {

	private DemoHandOffWriter() {
	}

	static List<Long> write(JdbcTemplate jdbc, CaseCategories categories, WorkingCalendar calendar,
			List<DemoHandOff> handOffs, OffsetDateTime now) {
		return write(jdbc, categories, calendar, handOffs, now, CaseSource.INSPECTION);
	}

	/** As {@link #write(JdbcTemplate, CaseCategories, WorkingCalendar, List, OffsetDateTime)} with another source. */
	static List<Long> write(JdbcTemplate jdbc, CaseCategories categories, WorkingCalendar calendar,
			List<DemoHandOff> handOffs, OffsetDateTime now, CaseSource source) {
		List<DemoCasesLoader.Demo> demo = new ArrayList<>(handOffs.size());
		for (DemoHandOff h : handOffs) {
			demo.add(simulate(h, categories.requireMinor(h.categoryCode()), calendar, now, source));
		}
		return demo.isEmpty() ? List.of() : DemoCasesLoader.insert(jdbc, calendar, demo);
	}

	private static DemoCasesLoader.Demo simulate(DemoHandOff h, CaseCategory category, WorkingCalendar calendar,
			OffsetDateTime now, CaseSource source) {
		String code = h.jurisdictionCode().strip();
		if (code.length() < 6 || h.reportedAt().isAfter(now)) {
			throw new InvalidInputException("cases.demo.handoff.invalid", h.key());
		}
		DemoCasesLoader.Demo d = new DemoCasesLoader.Demo();
		d.district = code.substring(0, 6);
		d.source = source;
		d.category = category.code();
		d.description = h.description().length() > 2000 ? h.description().substring(0, 2000) : h.description();
		d.grid = code;
		d.reporter = h.reporter();
		d.key = h.key();
		d.reportedAt = h.reportedAt();
		d.event("report", null, CaseStatus.REPORTED, h.reporter(), null, source.name(), h.reportedAt());
		OffsetDateTime t = h.reportedAt();
		DemoCasesLoader.step(d, "file", CaseStatus.FILED, h.reporter(), null, "", t);
		d.filedAt = t;
		if (h.unitId() == null) {
			return d;
		}
		long unit = h.unitId();
		DemoCasesLoader.step(d, "dispatch", CaseStatus.DISPATCHED, h.reporter(), null, " [unit=" + unit + "]", t);
		Integer limit = category.limitMinutes(calendar.minutesPerDay());
		d.lead = unit;
		d.dispatchedAt = t;
		d.clock = new CaseClock(t, limit == null ? calendar.minutesPerDay() : limit, 0, null);
		String handler = "demo-unit-" + unit;
		if (!before(h.acceptedAt(), t, now)) {
			DemoCasesLoader.finish(d, calendar, now, now);
			return d;
		}
		t = h.acceptedAt();
		DemoCasesLoader.step(d, "accept", CaseStatus.ACCEPTED, handler, unit, "", t);
		if (!before(h.handledAt(), t, now)) {
			DemoCasesLoader.finish(d, calendar, now, now);
			return d;
		}
		t = h.handledAt();
		DemoCasesLoader.step(d, "feedback", CaseStatus.HANDLED, handler, unit, "已按要求整改", t);
		d.handledAt = t;
		d.clock = d.clock.pause(t);
		OffsetDateTime running = t;
		if (!before(h.verifiedAt(), t, now)) {
			DemoCasesLoader.finish(d, calendar, now, running);
			return d;
		}
		t = h.verifiedAt();
		if (!h.passed()) {
			DemoCasesLoader.step(d, "verify", CaseStatus.ACCEPTED, h.verifier(), null, "整改不到位，请重新整改 [rework]", t);
			d.reworks = 1;
			d.clock = d.clock.resume(t, calendar);
			DemoCasesLoader.finish(d, calendar, now, now);
			return d;
		}
		DemoCasesLoader.step(d, "verify", CaseStatus.VERIFIED, h.verifier(), null, "复核通过 [passed]", t);
		DemoCasesLoader.step(d, "close", CaseStatus.CLOSED, h.verifier(), null, "复核通过", t);
		d.closedAt = t;
		d.closedOnTime = !d.handledAt.isAfter(d.clock.deadline(calendar));
		DemoCasesLoader.finish(d, calendar, now, running);
		return d;
	}

	/** Whether the step's time is given, not before the previous step and not in the future. */
	private static boolean before(@Nullable OffsetDateTime at, OffsetDateTime previous, OffsetDateTime now) {
		return at != null && !at.isBefore(previous) && !at.isAfter(now);
	}
}
