package org.gridlink.dailyreport;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gridlink.cases.CaseManagement;
import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.quarantine.QuarantineRecipients;
import org.gridlink.screening.Screening;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The facade of daily reports: forms (the center defines them), one report per form, place and day (fill in, submit,
 * send back, accept, correct: {@link Submission}), its history, the roll-up of a day under a jurisdiction, the
 * series of a field over a period. Every read and step checks the user's scope ({@link ReportAccess}); each step is
 * one versioned write with a history line and an audit entry. A day is a calendar day in the district's time zone;
 * a future day is refused.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class DailyReports {

	static final String SUBMISSION_COLUMNS = "id, form_id, jurisdiction_code, report_date, state, field_values,"
			+ " revision, late, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note, version";
	static final int MAX_PLACES = 5000;

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final CaseManagement cases;
	private final Screening screening;
	private final QuarantineRecipients quarantine;
	private final AuditTrail audit;
	private final Clock clock;
	private final ZoneId zone;
	private final JsonMapper json = JsonMapper.builder().build();

	DailyReports(JdbcClient jdbc, Jurisdictions jurisdictions, Organization organization, CaseManagement cases,
			Screening screening, QuarantineRecipients quarantine, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.cases = cases;
		this.screening = screening;
		this.quarantine = quarantine;
		this.audit = audit;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	// ---------------------------------------------------------------- who may

	public boolean canDefine(CurrentUser user) {
		return ReportAccess.mayDefine(user);
	}

	public boolean canRead(CurrentUser user) {
		return ReportAccess.mayRead(user);
	}

	public boolean canReview(CurrentUser user) {
		return ReportAccess.reviews(user);
	}

	public boolean fillsIn(CurrentUser user, ReportForm form) {
		return ReportAccess.fills(user, form.level());
	}

	/** The user fills in this place's report of the form (its own staff). */
	private boolean mayFill(CurrentUser user, ReportForm form, String code) {
		if (form.level() == FillerLevel.UNIT) {
			return unit(code).map(u -> ReportAccess.mayFillUnit(user, u.id())).orElse(false);
		}
		return ReportAccess.mayFill(user, form.level(), code);
	}

	/** The user reviews this place's report of the form (the level above). */
	private boolean mayReview(CurrentUser user, ReportForm form, String code) {
		return ReportAccess.mayReview(user, form.level(), code);
	}

	// ---------------------------------------------------------------- forms

	public Page<ReportForm> forms(CurrentUser user, Pageable pageable) {
		requireReader(user);
		String districts = districts(user);
		long total = jdbc.sql("SELECT COUNT(*) FROM report_form WHERE " + districts).query(Long.class).single();
		List<Long> ids = jdbc.sql("SELECT id FROM report_form WHERE " + districts
				+ " ORDER BY active DESC, id DESC LIMIT ? OFFSET ?")
				.params(pageable.getPageSize(), pageable.getOffset()).query(Long.class).list();
		return new PageImpl<>(ids.stream().map(this::load).toList(), pageable, total);
	}

	/** The active forms, newest first (pages and home). */
	public List<ReportForm> activeForms(CurrentUser user) {
		requireReader(user);
		return jdbc.sql("SELECT id FROM report_form WHERE active = TRUE AND " + districts(user)
				+ " ORDER BY id DESC LIMIT 50").query(Long.class).list().stream().map(this::load).toList();
	}

	/** The forms of the districts the user's scope lies in (codes are digits only, so inlining them is safe). */
	private static String districts(CurrentUser user) {
		List<String> codes = user.scope().prefixes().stream().map(p -> "'" + p.substring(0, 6) + "'").distinct().toList();
		return codes.isEmpty() ? "1=0" : "district_code IN (" + String.join(", ", codes) + ")"
				+ (ReportAccess.unitFormsOnly(user) ? " AND filler_level = 'UNIT'" : "");
	}

	List<ReportForm> activeForms() {
		return jdbc.sql("SELECT id FROM report_form WHERE active = TRUE ORDER BY id DESC LIMIT 50").query(Long.class)
				.list().stream().map(this::load).toList();
	}

	public ReportForm form(CurrentUser user, long id) {
		requireReader(user);
		ReportForm form = load(id);
		String district = jdbc.sql("SELECT district_code FROM report_form WHERE id = ?").param(id).query(String.class)
				.single();
		if (user.scope().prefixes().stream().noneMatch(p -> p.startsWith(district))
				|| ReportAccess.unitFormsOnly(user) && form.level() != FillerLevel.UNIT) {
			throw new OutOfScopeException("reportForm", String.valueOf(id));
		}
		return form;
	}

	/** Defines a form (center): validated ({@link FormRules}), audited. */
	@Transactional
	public ReportForm create(CurrentUser user, NewReportForm input) {
		if (!ReportAccess.mayDefine(user)) {
			throw new AccessDeniedException("report forms are defined by the center");
		}
		FormRules.Checked form = FormRules.check(input);
		String district = user.scope().prefixes().get(0).substring(0, 6);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO report_form (district_code, name, filler_level, deadline, created_by, created_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
				.params(district, form.name(), form.level().name(), form.deadline().toString(), user.username(),
						OffsetDateTime.now(clock))
				.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey()).longValue();
		int position = 0;
		for (ReportField f : form.fields()) {
			jdbc.sql("INSERT INTO report_field (form_id, position, field_key, label, kind, options, prefill, required)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
					.params(id, ++position, f.key(), f.label(), f.kind().name(),
							f.options().isEmpty() ? null : String.join("\n", f.options()),
							f.prefill() == null ? null : f.prefill().name(), f.required())
					.update();
		}
		audit.record("REPORT_FORM_CREATE", "reportForm", String.valueOf(id), AuditTrail.SUCCESS,
				"fields=" + form.fields().size());
		return load(id);
	}

	/** Stops a form: it leaves the fill-in pages and reminders; its reports stay. */
	@Transactional
	public ReportForm deactivate(CurrentUser user, long id) {
		if (!ReportAccess.mayDefine(user)) {
			throw new AccessDeniedException("report forms are defined by the center");
		}
		load(id);
		jdbc.sql("UPDATE report_form SET active = FALSE, version = version + 1 WHERE id = ?").param(id).update();
		audit.record("REPORT_FORM_STOP", "reportForm", String.valueOf(id), AuditTrail.SUCCESS, null);
		return load(id);
	}

	ReportForm load(long id) {
		List<ReportField> fields = jdbc.sql("SELECT field_key, label, kind, options, prefill, required FROM report_field"
				+ " WHERE form_id = ? ORDER BY position").param(id)
				.query((rs, i) -> new ReportField(rs.getString(1), rs.getString(2), FieldKind.valueOf(rs.getString(3)),
						rs.getString(4) == null ? List.of() : List.of(rs.getString(4).split("\n")),
						rs.getString(5) == null ? null : Prefill.valueOf(rs.getString(5)), rs.getBoolean(6)))
				.list();
		return jdbc.sql("SELECT id, name, filler_level, deadline, active, created_by, created_at, version"
				+ " FROM report_form WHERE id = ?").param(id)
				.query((rs, i) -> new ReportForm(rs.getLong(1), rs.getString(2), FillerLevel.valueOf(rs.getString(3)),
						LocalTime.parse(rs.getString(4)), rs.getBoolean(5), fields, rs.getString(6),
						rs.getObject(7, OffsetDateTime.class), rs.getInt(8)))
				.optional().orElseThrow(() -> new NotFoundException("dailyreport.form.not.found", String.valueOf(id)));
	}

	// ---------------------------------------------------------------- days

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The day a text names ({@code yyyy-MM-dd}); blank: today; malformed, in the future or before 2000: 400. */
	public LocalDate day(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return today();
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			if (day.isAfter(today())) {
				throw new InvalidInputException("dailyreport.date.future", text.strip());
			}
			if (day.getYear() < 2000) {
				throw new InvalidInputException("dailyreport.date.invalid", text.strip());
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("dailyreport.date.invalid", text.strip());
		}
	}

	/** The moment a form's report of {@code date} is due. */
	public OffsetDateTime deadlineOf(ReportForm form, LocalDate date) {
		return date.atTime(form.deadline()).atZone(zone).toOffsetDateTime();
	}

	public boolean pastDeadline(ReportForm form, LocalDate date) {
		return OffsetDateTime.now(clock).isAfter(deadlineOf(form, date));
	}

	// ---------------------------------------------------------------- pre-fill

	/**
	 * What GridLink fills in for a place and day, by field key, from the other modules' own counts: households
	 * screened that day, people under home quarantine now, cases reported that day.
	 */
	public Map<String, Object> prefill(CurrentUser user, long formId, String code, LocalDate date) {
		ReportForm form = form(user, formId);
		place(user, form, code);
		return prefill(form, code, date);
	}

	Map<String, Object> prefill(ReportForm form, String code, LocalDate date) {
		OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		Map<String, Object> values = new LinkedHashMap<>();
		for (ReportField field : form.fields()) {
			if (field.prefill() != null) {
				values.put(field.key(), switch (field.prefill()) {
					case SCREENED_HOUSEHOLDS -> screening.householdsScreenedIn(code, from, to);
					case HOME_QUARANTINE -> quarantine.countAtHome(code);
					case NEW_CASES -> cases.reportedIn(code, from, to);
				});
			}
		}
		return values;
	}

	// ---------------------------------------------------------------- one report

	/** A place's report of a day (MISSING with the pre-filled values when nothing is saved). */
	public SubmissionView get(CurrentUser user, long formId, String code, LocalDate date) {
		ReportForm form = form(user, formId);
		JurisdictionNode place = place(user, form, code);
		Submission s = find(formId, code, date).orElse(null);
		if (s == null) {
			Submission missing = Submission.missing(formId, code, date);
			return view(user, form, place.name(), missing, prefill(form, code, date));
		}
		return view(user, form, place.name(), s, null);
	}

	public SubmissionView get(CurrentUser user, long id) {
		Submission s = byId(id);
		ReportForm form = form(user, s.formId());
		JurisdictionNode place = place(user, form, s.code());
		return view(user, form, place.name(), s, null);
	}

	public List<HistoryLine> history(CurrentUser user, long id) {
		Submission s = byId(id);
		ReportForm form = form(user, s.formId());
		place(user, form, s.code());
		return jdbc.sql("SELECT revision, action, state, field_values, note, done_by, done_at"
				+ " FROM report_submission_history WHERE submission_id = ? ORDER BY id").param(id)
				.query((rs, i) -> new HistoryLine(rs.getInt(1), rs.getString(2), ReportState.valueOf(rs.getString(3)),
						values(form, rs.getString(4)), rs.getString(5), rs.getString(6),
						rs.getObject(7, OffsetDateTime.class)))
				.list();
	}

	/**
	 * Saves ({@code submit} false: a draft) or submits a place's report of a day. Fields GridLink pre-fills and
	 * that were not given are filled in; given values replace the saved ones field by field (an empty text clears one)
	 * and are checked against the form ({@link ValueRules}).
	 */
	@Transactional
	public SubmissionView fill(CurrentUser user, long formId, @Nullable String code, LocalDate date,
			Map<String, ?> given, boolean submit) {
		ReportForm form = form(user, formId);
		if (code == null || code.isBlank()
				|| form.level() != FillerLevel.UNIT && !JurisdictionCode.isValid(code.strip())) {
			throw new InvalidInputException("dailyreport.place.invalid", code == null ? "" : code);
		}
		code = code.strip();
		JurisdictionNode place = place(user, form, code);
		if (!mayFill(user, form, code)) {
			throw new OutOfScopeException("dailyReport", code);
		}
		if (!form.active()) {
			throw new ConflictException("dailyreport.form.inactive");
		}
		if (date.isAfter(today())) {
			throw new InvalidInputException("dailyreport.date.future", date.toString());
		}
		Submission current = find(formId, code, date).orElse(Submission.missing(formId, code, date));
		Map<String, Object> raw = new LinkedHashMap<>(current.values());
		raw.putAll(given);
		for (Map.Entry<String, Object> e : prefill(form, code, date).entrySet()) {
			Object v = raw.get(e.getKey());
			if (v == null || v instanceof String text && text.isBlank()) {
				raw.put(e.getKey(), e.getValue());
			}
		}
		Map<String, Object> values = ValueRules.check(form, raw, submit);
		OffsetDateTime now = OffsetDateTime.now(clock);
		Submission.Step step = submit ? current.submit(values, user.username(), now, deadlineOf(form, date))
				: current.save(values);
		long id = write(step, user.username(), now);
		audit.record(submit ? "REPORT_SUBMIT" : "REPORT_SAVE", "dailyReport", String.valueOf(id), AuditTrail.SUCCESS,
				"form=" + formId + "; place=" + code + "; date=" + date + (step.after().late() ? "; late" : ""));
		return view(user, form, place.name(), byId(id), null);
	}

	/** The reviewer sends a submitted report back with a note. */
	@Transactional
	public SubmissionView sendBack(CurrentUser user, long id, @Nullable String note, @Nullable Integer version) {
		return review(user, id, version, (s, now) -> s.sendBack(note, user.username(), now));
	}

	/** The reviewer accepts a submitted report (passes it up). */
	@Transactional
	public SubmissionView accept(CurrentUser user, long id, @Nullable Integer version) {
		return review(user, id, version, (s, now) -> s.accept(user.username(), now));
	}

	/**
	 * Corrects a submitted or accepted report with a reason: a new revision, to be reviewed again; the old values
	 * stay in the history. By the place's own staff or its reviewer.
	 */
	@Transactional
	public SubmissionView correct(CurrentUser user, long id, Map<String, ?> given, @Nullable String reason,
			@Nullable Integer version) {
		Submission s = byId(id);
		ReportForm form = form(user, s.formId());
		JurisdictionNode place = place(user, form, s.code());
		if (!mayFill(user, form, s.code()) && !mayReview(user, form, s.code())) {
			throw new OutOfScopeException("dailyReport", String.valueOf(id));
		}
		stale(s, version);
		Map<String, Object> raw = new LinkedHashMap<>(s.values());
		raw.putAll(given);
		Map<String, Object> values = ValueRules.check(form, raw, true);
		OffsetDateTime now = OffsetDateTime.now(clock);
		Submission.Step step = s.correct(values, reason);
		write(step, user.username(), now);
		audit.record("REPORT_CORRECT", "dailyReport", String.valueOf(id), AuditTrail.SUCCESS,
				"revision=" + step.after().revision());
		return view(user, form, place.name(), byId(id), null);
	}

	private interface ReviewStep {
		Submission.Step apply(Submission s, OffsetDateTime now);
	}

	private SubmissionView review(CurrentUser user, long id, @Nullable Integer version, ReviewStep how) {
		Submission s = byId(id);
		ReportForm form = form(user, s.formId());
		JurisdictionNode place = place(user, form, s.code());
		if (!mayReview(user, form, s.code())) {
			throw new OutOfScopeException("dailyReport", String.valueOf(id));
		}
		stale(s, version);
		OffsetDateTime now = OffsetDateTime.now(clock);
		Submission.Step step = how.apply(s, now);
		write(step, user.username(), now);
		audit.record("REPORT_" + step.action().name(), "dailyReport", String.valueOf(id), AuditTrail.SUCCESS, null);
		return view(user, form, place.name(), byId(id), null);
	}

	private static void stale(Submission s, @Nullable Integer version) {
		if (version != null && version != s.version()) {
			throw new ConflictException("dailyreport.stale");
		}
	}

	/** One versioned write of a step, and its history line. */
	private long write(Submission.Step step, String by, OffsetDateTime now) {
		Submission after = step.after();
		String values = json.writeValueAsString(after.values());
		long id;
		if (step.before().id() == 0) {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			try {
				jdbc.sql("INSERT INTO report_submission (form_id, district_code, jurisdiction_code, report_date, state,"
						+ " field_values, revision, late, submitted_by, submitted_at, updated_by, updated_at)"
						+ " VALUES (?, (SELECT district_code FROM report_form WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
						.params(after.formId(), after.formId(), after.code(), after.date(),
								after.state().name(), values, after.revision(), after.late(), after.submittedBy(),
								after.submittedAt(), by, now)
						.update(keys, "id");
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("dailyreport.stale");
			}
			id = Objects.requireNonNull(keys.getKey()).longValue();
		}
		else {
			id = after.id();
			int n = jdbc.sql("UPDATE report_submission SET state = ?, field_values = ?, revision = ?, late = ?,"
					+ " submitted_by = ?, submitted_at = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?,"
					+ " updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
					.params(after.state().name(), values, after.revision(), after.late(), after.submittedBy(),
							after.submittedAt(), after.reviewedBy(), after.reviewedAt(), after.reviewNote(), by, now, id,
							step.before().version())
					.update();
			if (n == 0) {
				throw new ConflictException("dailyreport.stale");
			}
		}
		jdbc.sql("INSERT INTO report_submission_history (submission_id, revision, action, state, field_values, note,"
				+ " done_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id, after.revision(), step.action().name(), after.state().name(), values, step.note(), by, now)
				.update();
		return id;
	}

	// ---------------------------------------------------------------- review queue, roll-up, series

	/** Reports submitted and waiting for this reviewer, oldest day first (at most 500). */
	public List<SubmissionView> toReview(CurrentUser user) {
		requireReader(user);
		List<SubmissionView> out = new ArrayList<>();
		Map<Long, ReportForm> forms = new HashMap<>();
		// the places in scope, and for the center the units' reports of the unit forms of its district
		String units = user.has(org.gridlink.platform.Role.CENTER) ? " OR form_id IN (SELECT id FROM report_form"
				+ " WHERE filler_level = 'UNIT' AND " + districts(user) + ")" : "";
		List<Submission> waiting = jdbc.sql("SELECT " + SUBMISSION_COLUMNS + " FROM report_submission WHERE state ="
				+ " 'SUBMITTED' AND (" + user.scope().sqlCondition("jurisdiction_code") + units + ")"
				+ " ORDER BY report_date, jurisdiction_code LIMIT 500").query(this::row).list();
		Map<String, String> names = new HashMap<>(jurisdictions.names(waiting.stream().map(Submission::code)
				.filter(JurisdictionCode::isValid).toList()));
		if (!units.isEmpty()) {
			organization.allUnits().forEach(u -> names.putIfAbsent(u.code(), u.name()));
		}
		for (Submission s : waiting) {
			ReportForm form = forms.computeIfAbsent(s.formId(), this::load);
			if (mayReview(user, form, s.code())) {
				out.add(view(user, form, names.getOrDefault(s.code(), s.code()), s, null));
			}
		}
		return out;
	}

	/** How many reports wait for this reviewer (home). */
	public long toReviewCount(CurrentUser user) {
		return ReportAccess.reviews(user) ? toReview(user).size() : 0;
	}

	/**
	 * The roll-up of a form's day under {@code jurisdiction} (default: the top of the caller's scope): per child
	 * jurisdiction and per place its values and state, what is late or missing, the totals. Out of scope: 403.
	 */
	public Rollup rollup(CurrentUser user, long formId, LocalDate date, @Nullable String jurisdiction) {
		ReportForm form = form(user, formId);
		boolean units = form.level() == FillerLevel.UNIT;
		// a unit form: one row per unit the caller sees, under the district
		String top = units ? district(user) : top(user, jurisdiction);
		JurisdictionLevel topLevel = JurisdictionCode.of(top).level();
		String prefix = JurisdictionCode.of(top).prefix();
		List<JurisdictionNode> places = units ? places(user, form)
				: places(user, form).stream().filter(p -> p.code().startsWith(prefix)).toList();
		Map<String, Submission> byCode = new HashMap<>();
		if (units) {
			java.util.Set<String> seen = places.stream().map(JurisdictionNode::code).collect(java.util.stream.Collectors.toSet());
			jdbc.sql("SELECT " + SUBMISSION_COLUMNS + " FROM report_submission WHERE form_id = ? AND report_date = ?")
					.params(formId, date).query(this::row).list().stream().filter(s -> seen.contains(s.code()))
					.forEach(s -> byCode.put(s.code(), s));
		}
		else {
			jdbc.sql("SELECT " + SUBMISSION_COLUMNS + " FROM report_submission WHERE form_id = ? AND report_date = ?"
					+ " AND jurisdiction_code LIKE ? AND " + user.scope().sqlCondition("jurisdiction_code"))
					.params(formId, date, prefix + "%").query(this::row).list().forEach(s -> byCode.put(s.code(), s));
		}
		boolean past = pastDeadline(form, date);
		List<Rollup.Row> placeRows = new ArrayList<>();
		Map<ReportState, Long> counts = new EnumMap<>(ReportState.class);
		for (ReportState st : ReportState.values()) {
			counts.put(st, 0L);
		}
		long late = 0;
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		for (ReportField f : form.fields()) {
			if (f.numeric()) {
				totals.put(f.key(), BigDecimal.ZERO);
			}
		}
		for (JurisdictionNode p : places) {
			Submission s = byCode.get(p.code());
			ReportState state = s == null ? ReportState.MISSING : s.state();
			Map<String, Object> values = s == null ? Map.of() : s.values();
			boolean isLate = s != null && s.late() || !state.handedIn() && past;
			placeRows.add(new Rollup.Row(p.code(), p.name(), p.parentCode(), state, values, isLate,
					s == null ? 0 : s.revision(), state.handedIn() ? 1 : 0, 1, s == null ? null : s.reviewNote()));
			counts.merge(state, 1L, Long::sum);
			late += isLate ? 1 : 0;
			if (state.handedIn()) {
				add(totals, values);
			}
		}
		List<Rollup.Row> children = children(top, topLevel, form, placeRows);
		return new Rollup(formId, form.name(), date, top, form.deadline(), past, children, placeRows, counts, late,
				totals);
	}

	private List<Rollup.Row> children(String top, JurisdictionLevel topLevel, ReportForm form, List<Rollup.Row> places) {
		JurisdictionLevel placeLevel = form.level().jurisdictionLevel();
		if (form.level() == FillerLevel.UNIT || topLevel == placeLevel || topLevel.child() == placeLevel) {
			return places;
		}
		// the district over communities: one row per street
		Map<String, List<Rollup.Row>> byParent = new LinkedHashMap<>();
		for (Rollup.Row r : places) {
			byParent.computeIfAbsent(r.parentCode() == null ? top : r.parentCode(), k -> new ArrayList<>()).add(r);
		}
		Map<String, String> names = jurisdictions.names(byParent.keySet());
		List<Rollup.Row> rows = new ArrayList<>();
		for (Map.Entry<String, List<Rollup.Row>> e : byParent.entrySet()) {
			ReportState least = ReportState.ACCEPTED;
			Map<String, BigDecimal> sums = new LinkedHashMap<>();
			for (ReportField f : form.fields()) {
				if (f.numeric()) {
					sums.put(f.key(), BigDecimal.ZERO);
				}
			}
			long handed = 0;
			boolean late = false;
			for (Rollup.Row r : e.getValue()) {
				least = order(r.state()) < order(least) ? r.state() : least;
				if (r.state().handedIn()) {
					handed++;
					add(sums, r.values());
				}
				late |= r.late();
			}
			rows.add(new Rollup.Row(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), top, least,
					new LinkedHashMap<>(sums), late, 0, handed, e.getValue().size(), null));
		}
		return rows;
	}

	/** The least advanced first: missing, returned, draft, submitted, accepted. */
	private static int order(ReportState state) {
		return switch (state) {
			case MISSING -> 0;
			case RETURNED -> 1;
			case DRAFT -> 2;
			case SUBMITTED -> 3;
			case ACCEPTED -> 4;
		};
	}

	private static void add(Map<String, BigDecimal> sums, Map<String, Object> values) {
		for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
			Object v = values.get(e.getKey());
			if (v instanceof Long l) {
				e.setValue(e.getValue().add(BigDecimal.valueOf(l)));
			}
			else if (v instanceof BigDecimal d) {
				e.setValue(e.getValue().add(d));
			}
		}
	}

	/** A numeric field over a period: per day, the sum over the handed-in reports under the place. */
	public record Series(String field, String label, List<LocalDate> days, List<BigDecimal> values) {
	}

	public Series series(CurrentUser user, long formId, String fieldKey, @Nullable String jurisdiction,
			LocalDate from, LocalDate to) {
		ReportForm form = form(user, formId);
		ReportField field = form.field(fieldKey).filter(ReportField::numeric)
				.orElseThrow(() -> new InvalidInputException("dailyreport.field.invalid", fieldKey));
		period(from, to);
		Map<LocalDate, BigDecimal> sums = new LinkedHashMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			sums.put(d, BigDecimal.ZERO);
		}
		reportsOf(user, form, jurisdiction, from, to, " AND state IN ('SUBMITTED', 'ACCEPTED')").forEach(s -> {
					Object v = s.values().get(fieldKey);
					BigDecimal n = v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal d ? d : null;
					if (n != null) {
						sums.merge(s.date(), n, BigDecimal::add);
					}
				});
		return new Series(field.key(), field.label(), List.copyOf(sums.keySet()), List.copyOf(sums.values()));
	}

	/** Every report of a period under a place, by day then place (for the export), within the caller's scope. */
	public List<SubmissionView> period(CurrentUser user, long formId, @Nullable String jurisdiction, LocalDate from,
			LocalDate to) {
		ReportForm form = form(user, formId);
		period(from, to);
		List<Submission> rows = reportsOf(user, form, jurisdiction, from, to, "");
		Map<String, String> names = form.level() == FillerLevel.UNIT
				? places(user, form).stream().collect(java.util.stream.Collectors.toMap(JurisdictionNode::code,
						JurisdictionNode::name))
				: jurisdictions.names(rows.stream().map(Submission::code).distinct().toList());
		return rows.stream().map(s -> view(user, form, names.getOrDefault(s.code(), s.code()), s, null)).toList();
	}

	/**
	 * A form's reports of a period under a place ({@code condition}: more constant SQL), by day then place, within the
	 * caller's scope: a jurisdiction's subtree, or for a unit form the units the caller sees.
	 */
	private List<Submission> reportsOf(CurrentUser user, ReportForm form, @Nullable String jurisdiction,
			LocalDate from, LocalDate to, String condition) {
		if (form.level() == FillerLevel.UNIT) {
			java.util.Set<String> seen = places(user, form).stream().map(JurisdictionNode::code)
					.collect(java.util.stream.Collectors.toSet());
			return jdbc.sql("SELECT " + SUBMISSION_COLUMNS + " FROM report_submission WHERE form_id = ? AND"
					+ " report_date >= ? AND report_date <= ?" + condition + " ORDER BY report_date, jurisdiction_code")
					.params(form.id(), from, to).query((rs, i) -> row(rs, i, form)).list().stream()
					.filter(s -> seen.contains(s.code())).toList();
		}
		String prefix = JurisdictionCode.of(top(user, jurisdiction)).prefix();
		return jdbc.sql("SELECT " + SUBMISSION_COLUMNS + " FROM report_submission WHERE form_id = ?"
				+ " AND report_date >= ? AND report_date <= ? AND jurisdiction_code LIKE ? AND "
				+ user.scope().sqlCondition("jurisdiction_code") + condition + " ORDER BY report_date, jurisdiction_code")
				.params(form.id(), from, to, prefix + "%").query((rs, i) -> row(rs, i, form)).list();
	}

	private void period(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
			throw new InvalidInputException("dailyreport.period.invalid");
		}
		if (to.isAfter(today())) {
			throw new InvalidInputException("dailyreport.date.future", to.toString());
		}
	}

	/** The places that fill this form in within the caller's scope (communities or streets), by code. */
	public List<JurisdictionNode> places(CurrentUser user, ReportForm form) {
		if (form.level() == FillerLevel.UNIT) {
			// the district's departments (the center and leaders: all; a department's staff: its own), each as a
			// place named by its unit code under the district
			if (!ReportAccess.seesAllUnits(user) && !ReportAccess.ownUnit(user)) {
				return List.of();
			}
			String district = district(user);
			return organization.allUnits().stream().filter(u -> "DEPARTMENT".equals(u.kind()))
					.filter(u -> ReportAccess.seesAllUnits(user) || u.id() == user.unitId().longValue())
					.sorted(java.util.Comparator.comparing(UnitView::code))
					.map(u -> new JurisdictionNode(u.code(), u.name(), JurisdictionLevel.DISTRICT, "UNIT", district))
					.toList();
		}
		return jurisdictions.list(user, form.level().jurisdictionLevel(), null, PageRequest.of(0, MAX_PLACES))
				.getContent();
	}

	/** A unit by its code. */
	java.util.Optional<UnitView> unit(String code) {
		return organization.allUnits().stream().filter(u -> u.code().equals(code) && "DEPARTMENT".equals(u.kind()))
				.findFirst();
	}

	/** The caller's district (its code, 12 digits). */
	private static String district(CurrentUser user) {
		List<String> prefixes = user.scope().prefixes();
		if (prefixes.isEmpty()) {
			throw new OutOfScopeException("dailyReport", "");
		}
		return prefixes.get(0).substring(0, 6) + "000000";
	}

	/** The place a user's own report is about: the places of their scope that fill this form in. */
	public List<JurisdictionNode> ownPlaces(CurrentUser user, ReportForm form) {
		if (!ReportAccess.fills(user, form.level())) {
			return List.of();
		}
		return places(user, form);
	}

	// ---------------------------------------------------------------- helpers

	private String top(CurrentUser user, @Nullable String jurisdiction) {
		if (jurisdiction == null || jurisdiction.isBlank()) {
			List<String> prefixes = user.scope().prefixes();
			if (prefixes.isEmpty()) {
				throw new OutOfScopeException("dailyReport", "");
			}
			String p = prefixes.get(0);
			return p.length() == 6 ? p + "000000" : p.length() == 9 ? p + "000" : p;
		}
		String code = jurisdiction.strip();
		if (!JurisdictionCode.isValid(code)) {
			throw new InvalidInputException("dailyreport.place.invalid", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("dailyReport", code);
		}
		return code;
	}

	private JurisdictionNode place(CurrentUser user, ReportForm form, String code) {
		if (form.level() == FillerLevel.UNIT) {
			// a unit form's place is a department by its unit code: out of sight 403, not a department 400
			return places(user, form).stream().filter(p -> p.code().equals(code)).findFirst()
					.orElseThrow(() -> unit(code).isPresent() ? new OutOfScopeException("dailyReport", code)
							: new InvalidInputException("dailyreport.place.level", code));
		}
		if (!JurisdictionCode.isValid(code)) {
			throw new InvalidInputException("dailyreport.place.invalid", code);
		}
		if (!user.scope().covers(code)) {
			throw new OutOfScopeException("dailyReport", code);
		}
		JurisdictionNode node = jurisdictions.find(code)
				.orElseThrow(() -> new NotFoundException("jurisdiction.not.found", code));
		if (node.level() != form.level().jurisdictionLevel()) {
			throw new InvalidInputException("dailyreport.place.level", code);
		}
		return node;
	}

	private void requireReader(CurrentUser user) {
		if (!ReportAccess.mayRead(user)) {
			throw new AccessDeniedException("daily reports are for the center, leaders, streets and communities");
		}
	}

	java.util.Optional<Submission> find(long formId, String code, LocalDate date) {
		return jdbc.sql("SELECT " + SUBMISSION_COLUMNS + " FROM report_submission WHERE form_id = ? AND report_date = ?"
				+ " AND jurisdiction_code = ?").params(formId, date, code).query(this::row).optional();
	}

	private Submission byId(long id) {
		return jdbc.sql("SELECT " + SUBMISSION_COLUMNS + " FROM report_submission WHERE id = ?").param(id)
				.query(this::row).optional()
				.orElseThrow(() -> new NotFoundException("dailyreport.not.found", String.valueOf(id)));
	}

	private final Map<Long, ReportForm> rowForms = new java.util.concurrent.ConcurrentHashMap<>();

	private Submission row(ResultSet rs, int i) throws SQLException {
		long formId = rs.getLong("form_id");
		ReportForm form = rowForms.computeIfAbsent(formId, this::load);
		return row(rs, i, form);
	}

	private Submission row(ResultSet rs, int i, ReportForm form) throws SQLException {
		return new Submission(rs.getLong("id"), rs.getLong("form_id"), rs.getString("jurisdiction_code"),
				rs.getObject("report_date", LocalDate.class), ReportState.valueOf(rs.getString("state")),
				values(form, rs.getString("field_values")), rs.getInt("revision"), rs.getBoolean("late"),
				rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class),
				rs.getString("review_note"), rs.getInt("version"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> values(ReportForm form, String text) {
		Map<String, Object> raw = json.readValue(text, Map.class);
		Map<String, Object> values = new LinkedHashMap<>();
		for (ReportField f : form.fields()) {
			Object v = ValueRules.parse(f, raw.get(f.key()));
			if (v != null) {
				values.put(f.key(), v);
			}
		}
		return values;
	}

	private SubmissionView view(CurrentUser user, ReportForm form, String placeName, Submission s,
			@Nullable Map<String, Object> prefilled) {
		List<String> actions = new ArrayList<>();
		boolean fills = mayFill(user, form, s.code()) && form.active();
		boolean reviews = mayReview(user, form, s.code());
		if (fills && (s.state() == ReportState.MISSING || s.state() == ReportState.DRAFT
				|| s.state() == ReportState.RETURNED)) {
			actions.add("save");
			actions.add("submit");
		}
		if (reviews && s.state() == ReportState.SUBMITTED) {
			actions.add("return");
			actions.add("accept");
		}
		if ((fills || reviews) && s.state().handedIn()) {
			actions.add("correct");
		}
		List<String> prefilledKeys = form.fields().stream().filter(f -> f.prefill() != null).map(ReportField::key)
				.toList();
		return new SubmissionView(s.id(), s.formId(), s.code(), placeName, s.date(), s.state(),
				prefilled != null ? prefilled : s.values(), prefilledKeys, s.revision(), s.late(), s.submittedBy(),
				s.submittedAt(), s.reviewedBy(), s.reviewedAt(), s.reviewNote(), s.version(), actions);
	}
}
