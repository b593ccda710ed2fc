package org.gridlink.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gridlink.jurisdiction.GridDetail;
import org.gridlink.shared.JurisdictionLevel;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one step to a case (the application service around the {@link Case} aggregate): loads the case, checks the
 * caller, resolves what the step needs from other services into plain values, lets the case take the step, writes it
 * with one versioned UPDATE and records it in the history and the audit trail, all in one transaction; then publishes
 * the step's event.
 */
@Component
class CaseSteps {

	/** The history action of a pending request withdrawn because its case was voided or closed. */
	static final String WITHDRAWN = "withdraw-request";

	/** The history action of a public reference added to the case (a published answer). */
	static final String REFERENCE = "reference";

	private final JdbcClient jdbc;
	private final CaseCategories categories;
	private final RoutingRules routing;
	private final WorkingCalendars calendars;
	private final UnitNames units;
	private final Jurisdictions jurisdictions;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseSteps(JdbcClient jdbc, CaseCategories categories, RoutingRules routing, WorkingCalendars calendars,
			UnitNames units, Jurisdictions jurisdictions, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.routing = routing;
		this.calendars = calendars;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	CaseFile load(long id) {
		return jdbc.sql("SELECT " + CaseFile.COLUMNS + " FROM case_file WHERE id = ?").param(id).query(CaseFile::map)
				.optional().orElseThrow(() -> CaseManagement.notFound(id));
	}

	boolean visible(CurrentUser user, CaseFile file) {
		if (CaseAccess.seesInArea(user, file)) {
			return true;
		}
		return CaseAccess.seesUnit(user) && jdbc.sql("SELECT COUNT(*) FROM case_unit WHERE case_id = ? AND unit_id = ?")
				.params(file.id(), user.unitId()).query(Long.class).single() > 0;
	}

	@Transactional
	void act(CurrentUser user, long id, CaseAction action, ActionInput input) {
		CaseFile f = load(id);
		if (!visible(user, f)) {
			throw new OutOfScopeException("case", String.valueOf(id));
		}
		boolean inArea = CaseAccess.seesInArea(user, f);
		if (!CaseAccess.mayTake(user, action, f, inArea)) {
			throw new AccessDeniedException("not allowed: " + action.path());
		}
		if (input.version() != null && input.version() != f.version()) {
			throw new ConflictException("cases.stale", f.number());
		}
		boolean positive = action == CaseAction.VERIFY ? require(input.passed(), "passed")
				: action == CaseAction.APPROVE_EXTENSION || action == CaseAction.APPROVE_DEFERRAL
						? require(input.approved(), "approved") : true;
		Case current = Case.of(f);
		// the loop and the note first, so an impossible step is told as such before its input is looked at
		current.allow(action, positive);
		String note = Case.note(action, input.note());
		Case.When at = new Case.When(OffsetDateTime.now(clock), calendars.current());
		// one versioned write of the case per step (a merge writes both cases); the unit rows go with it
		Case.Step step = switch (action) {
			case FILE -> write(current.file(note, input.hasCategory()
					? categories.requireMinor(input.categoryCode()).code() : null,
					input.hasJurisdiction() ? place(user, input.jurisdictionCode().strip()) : null, at));
			case REJECT -> write(current.reject(note, at));
			case DISPATCH -> dispatch(current, input, note, at);
			case ACCEPT -> write(current.accept(note, at));
			case RETURN -> withoutUnits(write(current.returnToCenter(note, at)));
			case FEEDBACK -> write(current.feedback(note, at));
			case VERIFY -> write(current.verify(positive, note, at));
			case CLOSE -> write(current.close(note, at));
			case EVALUATE -> write(current.evaluate(input.satisfaction(), note, at));
			case EXTEND -> write(current.extend(input.hours(), note, at));
			case APPROVE_EXTENSION -> write(current.approveExtension(positive, note, at));
			case DEFER -> write(current.defer(note, at));
			case APPROVE_DEFERRAL -> write(current.approveDeferral(positive, note, at));
			case PARK -> write(current.park(note, at));
			case RESUME -> write(current.resume(note, at));
			case URGE -> write(current.urge(note, at));
			case VOID -> write(current.voidCase(note, at));
			case MERGE -> merge(user, current, input, note, at);
		};
		recordHistory(user, action, step, at);
		if (step.event() != null) {
			events.publishEvent(step.event());
		}
	}

	/**
	 * The reporter's rating through a one-time link (the link is checked and used by {@link CaseRatings}): satisfied
	 * or basically satisfied evaluate the closed case; not satisfied reopens it for the center's review. Recorded as
	 * the reporter's step. Returns the status after it.
	 */
	@Transactional
	CaseStatus rate(long id, int satisfaction, String note) {
		CaseFile f = load(id);
		Case current = Case.of(f);
		Case.When at = new Case.When(OffsetDateTime.now(clock), calendars.current());
		Case.Step step = write(satisfaction == 1 ? current.reopenForReview(note, at)
				: current.evaluate(satisfaction, note, at));
		history(f.id(), f.districtCode(), step.action(), f.status(), step.after().status(), f.reporter(), null,
				step.note(), at.now());
		audit.recordAs(f.reporter(), "CASE_RATE", "case", String.valueOf(f.id()), AuditTrail.SUCCESS,
				f.status() + " -> " + step.after().status() + " satisfaction=" + satisfaction);
		if (step.event() != null) {
			events.publishEvent(step.event()); // CaseReopened
		}
		return step.after().status();
	}

	/**
	 * Adds a public reference (a published answer of another module) to the case: one row per case and key, and a
	 * history line with its title. Not a step of the loop: the status stays, but the version rises so that a page
	 * showing the case sees the change. False when the case had it already.
	 */
	@Transactional
	boolean reference(String actor, @Nullable Long unitId, CaseFile f, String key, String title, String path) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int added = jdbc.sql("""
				INSERT INTO case_reference (case_id, district_code, ref_key, title, path, added_by, added_at)
				SELECT ?, ?, ?, ?, ?, ?, ? FROM case_file WHERE id = ? AND NOT EXISTS
				(SELECT 1 FROM case_reference r WHERE r.case_id = ? AND r.ref_key = ?)""")
				.params(f.id(), f.districtCode(), key, title, path, actor, now, f.id(), f.id(), key).update();
		if (added == 0) {
			return false;
		}
		jdbc.sql("UPDATE case_file SET version = version + 1 WHERE id = ?").param(f.id()).update();
		history(f.id(), f.districtCode(), REFERENCE, f.status(), f.status(), actor, unitId, title, now);
		audit.recordAs(actor, "CASE_REFERENCE", "case", String.valueOf(f.id()), AuditTrail.SUCCESS, key);
		return true;
	}

	/** Dispatch: the lead and assisting units (given, else the routing rule's) and the class's time limit. */
	private Case.Step dispatch(Case current, ActionInput input, String note, Case.When at) {
		var rule = routing.route(current.categoryCode(), current.jurisdictionCode());
		Long lead = input.unitId() != null ? input.unitId() : rule.map(RoutingRules.RoutingRule::leadUnitId).orElse(null);
		if (lead == null) {
			throw new InvalidInputException("cases.dispatch.unit.missing");
		}
		if (!units.exists(lead)) {
			throw new InvalidInputException("cases.unit.invalid", lead);
		}
		List<Long> assisting = input.assistingUnitIds() != null ? input.assistingUnitIds()
				: input.unitId() == null ? rule.map(RoutingRules.RoutingRule::assistingUnitIds).orElse(List.of())
						: List.of();
		for (Long unit : assisting) {
			if (unit == null || !units.exists(unit)) {
				throw new InvalidInputException("cases.unit.invalid", String.valueOf(unit));
			}
		}
		long perDay = at.calendar().minutesPerDay();
		Integer limit = categories.find(current.categoryCode()).map(c -> c.limitMinutes(perDay)).orElse(null);
		Case.Step step = write(current.dispatch(note, lead, limit == null ? perDay : limit, at));
		replaceUnits(current, lead, assisting);
		return step;
	}

	/** Merge: the target must exist and be visible; both cases are written under their versions. */
	private Case.Step merge(CurrentUser user, Case current, ActionInput input, String note, Case.When at) {
		Long into = input.intoCaseId();
		if (into == null || into == current.id()) {
			throw new InvalidInputException("cases.merge.target.invalid");
		}
		CaseFile target = load(into);
		if (!visible(user, target)) {
			throw new InvalidInputException("cases.merge.target.invalid");
		}
		Case.Merge merge = current.mergeInto(Case.of(target), note, at);
		// in id order, so two merges between the same two cases wait for each other instead of deadlocking
		boolean targetFirst = target.id() < current.id();
		write(targetFirst ? merge.target() : merge.merged());
		write(targetFirst ? merge.merged() : merge.target());
		history(target.id(), target.districtCode(), merge.target().action(), target.status(), target.status(),
				user.username(), user.unitId(), merge.target().note(), at.now());
		return merge.merged();
	}

	/** The step's history rows (the step, and the request it withdrew) and its audit entry. */
	private void recordHistory(CurrentUser user, CaseAction action, Case.Step step, Case.When at) {
		Case before = step.before();
		Case after = step.after();
		history(before.id(), before.districtCode(), step.action(), before.status(), after.status(), user.username(),
				user.unitId(), step.note(), at.now());
		if (step.withdrawn() != null) {
			history(before.id(), before.districtCode(), WITHDRAWN, after.status(), after.status(), user.username(),
					user.unitId(), step.withdrawn() + " request withdrawn: case " + after.status(), at.now());
		}
		audit.record("CASE_" + action.name(), "case", String.valueOf(before.id()), AuditTrail.SUCCESS,
				before.status() + " -> " + after.status());
	}

	/**
	 * The one write of a step: every column the loop changes, under the version the step started from. 0 rows: someone
	 * else changed the case first (409).
	 */
	private Case.Step write(Case.Step step) {
		Case c = step.after();
		CaseClock clock = c.clock();
		int n = jdbc.sql("""
				UPDATE case_file SET status = ?, category_code = ?, jurisdiction_code = ?, filed_at = ?,
				dispatched_at = ?, handled_at = ?, closed_at = ?, lead_unit_id = ?, time_limit_minutes = ?,
				clock_started_at = ?, paused_minutes = ?, paused_since = ?, deadline_at = ?, warn_at = ?,
				pending_request = ?, requested_minutes = ?, resume_status = ?, warned = ?, overdue = ?,
				closed_on_time = ?, rework_count = ?, extension_count = ?, urge_count = ?, satisfaction = ?,
				merged_into_id = ?, dissatisfied_count = ?, under_review = ?, version = version + 1
				WHERE id = ? AND version = ?""")
				.params(c.status().name(), c.categoryCode(), c.jurisdictionCode(), c.filedAt(), c.dispatchedAt(),
						c.handledAt(), c.closedAt(), c.leadUnitId(),
						clock == null ? null : (int) clock.limitMinutes(), clock == null ? null : clock.startedAt(),
						clock == null ? 0 : (int) clock.pausedMinutes(), clock == null ? null : clock.pausedSince(),
						c.deadlineAt(), c.warnAt(), c.pendingRequest(), c.requestedMinutes(),
						c.resumeStatus() == null ? null : c.resumeStatus().name(), c.warned(), c.overdue(),
						c.closedOnTime(), c.reworkCount(), c.extensionCount(), c.urgeCount(), c.satisfaction(),
						c.mergedIntoId(), c.dissatisfiedCount(), c.underReview(), c.id(), step.before().version())
				.update();
		if (n != 1) {
			throw new ConflictException("cases.stale", c.number());
		}
		return step;
	}

	/** A case returned to the center has no units (they exist only while it has a lead unit). */
	private Case.Step withoutUnits(Case.Step step) {
		jdbc.sql("DELETE FROM case_unit WHERE case_id = ?").param(step.after().id()).update();
		return step;
	}

	/** A jurisdiction of the caller's scope, in the case's district, to place the case on (when filing). */
	private String place(CurrentUser user, String code) {
		if (!JurisdictionCode.isValid(code) || jurisdictions.find(code).isEmpty()) {
			throw new InvalidInputException("cases.jurisdiction.invalid", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("jurisdiction", code);
		}
		return code;
	}

	private static boolean require(@Nullable Boolean value, String field) {
		if (value == null) {
			throw new InvalidInputException("cases.field.required", field);
		}
		return value;
	}

	private void replaceUnits(Case f, long lead, List<Long> assisting) {
		if (f.leadUnitId() != null) {
			// units exist only while a case has a lead unit (a first dispatch has none to remove)
			jdbc.sql("DELETE FROM case_unit WHERE case_id = ?").param(f.id()).update();
		}
		jdbc.sql("INSERT INTO case_unit (case_id, unit_id, role, district_code) VALUES (?, ?, 'LEAD', ?)")
				.params(f.id(), lead, f.districtCode()).update();
		assisting.stream().filter(u -> !Objects.equals(u, lead)).distinct()
				.forEach(u -> jdbc.sql("INSERT INTO case_unit (case_id, unit_id, role, district_code) VALUES (?, ?, 'ASSIST', ?)")
						.params(f.id(), u, f.districtCode()).update());
	}

	/** Writes one history row; returns its id. */
	long history(long caseId, String district, String action, @Nullable CaseStatus from, CaseStatus to, String actor,
			@Nullable Long unitId, String note, OffsetDateTime at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO case_event (case_id, district_code, action, from_status, to_status, actor, unit_id, note, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(caseId, district, action, from == null ? null : from.name(), to.name(), actor, unitId,
						note.length() > 2000 ? note.substring(0, 2000) : note, at)
				.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/** The routing rule for a case's class and place, with the police grid and property company of its grid. */
	CaseManagement.RouteSuggestion suggest(CurrentUser user, String categoryCode, String jurisdictionCode) {
		Map<Long, String> names = units.names();
		var rule = routing.route(categoryCode, jurisdictionCode);
		CaseView.@Nullable UnitRef lead = rule.map(r -> new CaseView.UnitRef(r.leadUnitId(),
				names.getOrDefault(r.leadUnitId(), "#" + r.leadUnitId()))).orElse(null);
		List<CaseView.UnitRef> assisting = rule.map(r -> r.assistingUnitIds().stream()
				.map(u -> new CaseView.UnitRef(u, names.getOrDefault(u, "#" + u))).toList()).orElse(List.of());
		List<String> police = List.of();
		List<String> property = List.of();
		boolean grid = JurisdictionCode.isValid(jurisdictionCode)
				&& JurisdictionCode.of(jurisdictionCode).level() == JurisdictionLevel.GRID
				&& user.scope().covers(jurisdictionCode);
		if (grid && rule.isPresent() && (rule.get().suggestPolice() || rule.get().suggestProperty())) {
			GridDetail detail = jurisdictions.grid(user, jurisdictionCode);
			if (rule.get().suggestPolice()) {
				police = detail.policeGrids().stream()
						.map(p -> p.name() + (p.officers().isEmpty() ? "" : "（" + String.join("、", p.officers()) + "）"))
						.toList();
			}
			if (rule.get().suggestProperty()) {
				property = detail.compounds().stream().map(GridDetail.CompoundView::propertyCompany)
						.filter(s -> !s.isBlank()).distinct().toList();
			}
		}
		return new CaseManagement.RouteSuggestion(lead, assisting, police, property);
	}

	/**
	 * A step taken by another module for its own case (a supervision hand-off): file, dispatch to the given unit,
	 * verify (passed or rework) or close, recorded as {@code actor}. No user's access applies: the module that opened
	 * the case decides; the loop's own rules still do (an impossible step is refused).
	 */
	@Transactional
	void actAs(String actor, long id, CaseAction action, ActionInput input) {
		CaseFile f = load(id);
		boolean positive = action == CaseAction.VERIFY ? require(input.passed(), "passed") : true;
		Case current = Case.of(f);
		current.allow(action, positive);
		String note = Case.note(action, input.note());
		Case.When at = new Case.When(OffsetDateTime.now(clock), calendars.current());
		Case.Step step = switch (action) {
			case FILE -> write(current.file(note, null, null, at));
			case DISPATCH -> dispatch(current, input, note, at);
			case VERIFY -> write(current.verify(positive, note, at));
			case CLOSE -> write(current.close(note, at));
			default -> throw new IllegalArgumentException("not a step another module takes: " + action);
		};
		Case before = step.before();
		Case after = step.after();
		history(before.id(), before.districtCode(), step.action(), before.status(), after.status(), actor, null,
				step.note(), at.now());
		if (step.withdrawn() != null) {
			history(before.id(), before.districtCode(), WITHDRAWN, after.status(), after.status(), actor, null,
					step.withdrawn() + " request withdrawn: case " + after.status(), at.now());
		}
		audit.recordAs(actor, "CASE_" + action.name(), "case", String.valueOf(before.id()), AuditTrail.SUCCESS,
				before.status() + " -> " + after.status());
		if (step.event() != null) {
			events.publishEvent(step.event());
		}
	}
}
