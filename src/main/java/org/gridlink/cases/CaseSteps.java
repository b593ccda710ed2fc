package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one step to a case: checks the caller and the loop, moves the clock, writes the row with an optimistic
 * version check and records the step in the history, all in one transaction.
 */
@Component
class CaseSteps {

	private final JdbcClient jdbc;
	private final CaseCategories categories;
	private final RoutingRules routing;
	private final WorkingCalendars calendars;
	private final UnitNames units;
	private final Jurisdictions jurisdictions;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final ZoneId zone;

	CaseSteps(JdbcClient jdbc, CaseCategories categories, RoutingRules routing, WorkingCalendars calendars,
			UnitNames units, Jurisdictions jurisdictions, AuditTrail audit, ApplicationEventPublisher events,
			@Value("${gridlink.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.routing = routing;
		this.calendars = calendars;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.events = events;
		this.zone = ZoneId.of(zone);
	}

	CaseFile load(long id) {
		return jdbc.sql("SELECT " + CaseFile.COLUMNS + " FROM case_file WHERE id = ?").param(id).query(CaseFile::map)
				.optional().orElseThrow(() -> CaseManagement.notFound(id));
	}

	boolean visible(CurrentUser user, CaseFile file) {
		if (CaseAccess.seesArea(user) && user.scope().covers(file.jurisdictionCode())) {
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
		boolean inArea = CaseAccess.seesArea(user) && user.scope().covers(f.jurisdictionCode());
		if (!CaseAccess.mayTake(user, action, f, inArea)) {
			throw new AccessDeniedException("not allowed: " + action.path());
		}
		if (input.version() != null && input.version() != f.version()) {
			throw new ConflictException("cases.stale", f.number());
		}
		boolean positive = action == CaseAction.VERIFY ? require(input.passed(), "passed")
				: action == CaseAction.APPROVE_EXTENSION || action == CaseAction.APPROVE_DEFERRAL
						? require(input.approved(), "approved") : true;
		CaseStatus to = CaseLoop.next(f.status(), f.pendingRequest(), action, positive, f.resumeStatus())
				.orElseThrow(() -> new ConflictException("cases.action.impossible", action.path(), f.status().name()));
		String note = input.note() == null ? "" : input.note().strip();
		if (note.length() > 2000) {
			throw new InvalidInputException("cases.note.invalid");
		}
		if (note.isEmpty() && needsNote(action)) {
			throw new InvalidInputException("cases.note.required", action.path());
		}
		OffsetDateTime now = OffsetDateTime.now(zone);
		WorkingCalendar calendar = calendars.current();
		Map<String, @Nullable Object> set = new LinkedHashMap<>();
		CaseClock clock = f.clock();
		Long dispatchedTo = null;
		switch (action) {
			case FILE -> {
				set.put("filed_at", now);
				if (input.categoryCode() != null && !input.categoryCode().isBlank()) {
					set.put("category_code", categories.requireMinor(input.categoryCode()).code());
				}
				if (input.jurisdictionCode() != null && !input.jurisdictionCode().isBlank()) {
					set.put("jurisdiction_code", place(user, input.jurisdictionCode().strip()));
				}
			}
			case DISPATCH -> {
				String categoryCode = (String) set.getOrDefault("category_code", f.categoryCode());
				var rule = routing.route(categoryCode, f.jurisdictionCode());
				Long lead = input.unitId() != null ? input.unitId()
						: rule.map(RoutingRules.RoutingRule::leadUnitId).orElse(null);
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
				Integer limit = categories.find(categoryCode).map(c -> c.limitMinutes(calendar.minutesPerDay()))
						.orElse(null);
				clock = new CaseClock(now, limit == null ? calendar.minutesPerDay() : limit, 0, null);
				set.put("lead_unit_id", lead);
				set.put("dispatched_at", now);
				set.put("time_limit_minutes", (int) clock.limitMinutes());
				set.put("clock_started_at", now);
				set.put("warned", false);
				set.put("overdue", false);
				replaceUnits(f, lead, assisting);
				dispatchedTo = lead;
			}
			case RETURN -> {
				set.put("lead_unit_id", null);
				set.put("time_limit_minutes", null);
				set.put("clock_started_at", null);
				set.put("deadline_at", null);
				set.put("warn_at", null);
				set.put("warned", false);
				set.put("overdue", false);
				set.put("paused_minutes", 0);
				set.put("paused_since", null);
				clock = null;
				jdbc.sql("DELETE FROM case_unit WHERE case_id = ?").param(f.id()).update();
			}
			case FEEDBACK -> {
				set.put("handled_at", now);
				set.put("pending_request", null);
				set.put("requested_minutes", null);
				clock = clock == null ? null : clock.pause(now);
			}
			case VERIFY -> {
				if (!positive) {
					set.put("rework_count", f.reworkCount() + 1);
					clock = clock == null ? null : clock.resume(now, calendar);
				}
			}
			case CLOSE -> {
				set.put("closed_at", now);
				set.put("closed_on_time", f.handledAt() != null
						&& (f.deadlineAt() == null || !f.handledAt().isAfter(f.deadlineAt())));
			}
			case EVALUATE -> {
				Integer satisfaction = input.satisfaction();
				if (satisfaction == null || satisfaction < 1 || satisfaction > 3) {
					throw new InvalidInputException("cases.satisfaction.invalid");
				}
				set.put("satisfaction", satisfaction);
			}
			case EXTEND -> {
				Integer hours = input.hours();
				if (hours == null || hours < 1 || hours > 2000) {
					throw new InvalidInputException("cases.extension.hours.invalid");
				}
				set.put("pending_request", CaseLoop.EXTENSION);
				set.put("requested_minutes", hours * 60);
				clock = clock == null ? null : clock.pause(now);
			}
			case APPROVE_EXTENSION -> {
				clock = clock == null ? null : clock.resume(now, calendar);
				if (positive && clock != null && f.requestedMinutes() != null) {
					clock = clock.extend(f.requestedMinutes());
					set.put("time_limit_minutes", (int) clock.limitMinutes());
					set.put("extension_count", f.extensionCount() + 1);
				}
				set.put("pending_request", null);
				set.put("requested_minutes", null);
			}
			case DEFER -> {
				set.put("pending_request", CaseLoop.DEFERRAL);
				clock = clock == null ? null : clock.pause(now);
			}
			case APPROVE_DEFERRAL -> {
				set.put("pending_request", null);
				if (positive) {
					set.put("resume_status", f.status().name());
				}
				else {
					clock = clock == null ? null : clock.resume(now, calendar);
				}
			}
			case PARK -> {
				set.put("resume_status", f.status().name());
				clock = clock == null ? null : clock.pause(now);
			}
			case RESUME -> {
				set.put("resume_status", null);
				clock = clock == null ? null : clock.resume(now, calendar);
			}
			case URGE -> set.put("urge_count", f.urgeCount() + 1);
			case MERGE -> {
				Long into = input.intoCaseId();
				if (into == null || into == f.id()) {
					throw new InvalidInputException("cases.merge.target.invalid");
				}
				CaseFile target = load(into);
				if (!visible(user, target) || target.status().isFinal()) {
					throw new InvalidInputException("cases.merge.target.invalid");
				}
				set.put("merged_into_id", into);
				history(target.id(), target.districtCode(), "merged-in", target.status(), target.status(),
						user.username(), user.unitId(), f.number() + (note.isEmpty() ? "" : " " + note), now);
			}
			case ACCEPT, REJECT, VOID -> {
			}
		}
		if (clock != null) {
			OffsetDateTime deadline = clock.deadline(calendar);
			OffsetDateTime warn = clock.warning(calendar);
			set.put("paused_minutes", (int) clock.pausedMinutes());
			set.put("paused_since", clock.pausedSince());
			set.put("deadline_at", deadline);
			set.put("warn_at", warn);
			if (action != CaseAction.DISPATCH) {
				set.put("overdue", f.overdue() && now.isAfter(deadline));
				set.put("warned", f.warned() && !now.isBefore(warn));
			}
		}
		set.put("status", to.name());
		update(f, set);
		history(f.id(), f.districtCode(), action.path(), f.status(), to, user.username(), user.unitId(),
				note + detail(action, input, dispatchedTo), now);
		audit.record("CASE_" + action.name(), "case", String.valueOf(f.id()), AuditTrail.SUCCESS,
				f.status() + " -> " + to);
		if (dispatchedTo != null) {
			events.publishEvent(new CaseEvents.CaseDispatched(f.id(), dispatchedTo));
		}
		if (action == CaseAction.CLOSE) {
			events.publishEvent(new CaseEvents.CaseClosed(f.id(), Boolean.TRUE.equals(set.get("closed_on_time"))));
		}
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

	private static boolean needsNote(CaseAction action) {
		return switch (action) {
			case REJECT, RETURN, FEEDBACK, EXTEND, DEFER, PARK, VOID -> true;
			default -> false;
		};
	}

	private static boolean require(@Nullable Boolean value, String field) {
		if (value == null) {
			throw new InvalidInputException("cases.field.required", field);
		}
		return value;
	}

	private String detail(CaseAction action, ActionInput input, @Nullable Long dispatchedTo) {
		String extra = switch (action) {
			case DISPATCH -> "unit=" + dispatchedTo;
			case VERIFY -> Boolean.TRUE.equals(input.passed()) ? "passed" : "rework";
			case APPROVE_EXTENSION, APPROVE_DEFERRAL -> Boolean.TRUE.equals(input.approved()) ? "approved" : "declined";
			case EXTEND -> "hours=" + input.hours();
			case EVALUATE -> "satisfaction=" + input.satisfaction();
			default -> "";
		};
		return extra.isEmpty() ? "" : " [" + extra + "]";
	}

	private void update(CaseFile f, Map<String, @Nullable Object> set) {
		StringBuilder sql = new StringBuilder("UPDATE case_file SET ");
		List<@Nullable Object> params = new ArrayList<>();
		for (Map.Entry<String, @Nullable Object> e : set.entrySet()) {
			sql.append(e.getKey()).append(" = ?, ");
			params.add(e.getValue());
		}
		sql.append("version = version + 1 WHERE id = ? AND version = ?");
		params.add(f.id());
		params.add(f.version());
		if (jdbc.sql(sql.toString()).params(params).update() != 1) {
			throw new ConflictException("cases.stale", f.number());
		}
	}

	private void replaceUnits(CaseFile f, long lead, List<Long> assisting) {
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
}
