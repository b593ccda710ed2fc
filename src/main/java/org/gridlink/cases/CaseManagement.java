package org.gridlink.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NewestFirstCursor;
import org.gridlink.platform.Like;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.Masked;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public facade of linked case handling: report (by staff, residents, Open311 clients and other modules), read
 * and list within the caller's scope, and take the loop's steps ({@link #act}). Every step is recorded in the case's
 * history; two users acting on the same case at once: exactly one succeeds, the other gets a
 * {@link org.gridlink.platform.ConflictException}.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class CaseManagement {

	static final double DUPLICATE_METERS = 100;
	static final long DUPLICATE_HOURS = 24;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final CaseCategories categories;
	private final Jurisdictions jurisdictions;
	private final UnitNames units;
	private final PersonalDataCipher cipher;
	private final CaseSteps steps;
	private final WorkingCalendars calendars;
	private final Clock clock;
	private final CaseRatings ratings;
	private final List<PublicReferences> references;
	private final org.springframework.jdbc.core.JdbcTemplate bulk;
	private final CaseIntake intake;

	CaseManagement(org.springframework.jdbc.core.JdbcTemplate bulk, JdbcClient jdbc, TransactionTemplate transactions, CaseCategories categories,
			Jurisdictions jurisdictions, UnitNames units, PersonalDataCipher cipher, CaseSteps steps, WorkingCalendars calendars, Clock clock,
			CaseRatings ratings, List<PublicReferences> references, CaseIntake intake) {
		this.bulk = bulk;
		this.intake = intake;
		this.ratings = ratings;
		this.references = references;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.categories = categories;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.cipher = cipher;
		this.steps = steps;
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * A staff member reports a problem in their scope. With an {@code idempotencyKey}, a retried request returns the
	 * case of the first one instead of a second case.
	 */
	public CaseView report(CurrentUser user, NewCase report, @Nullable String idempotencyKey) {
		if (!CaseAccess.canReport(user)) {
			throw new AccessDeniedException("this role does not report cases");
		}
		Located where = locate(report);
		if (!user.scope().covers(where.code())) {
			throw new OutOfScopeException("jurisdiction", where.code());
		}
		CaseIntake.Reported reported = intake(user.username(), report, where, idempotencyKey);
		if (reported.created() == null) {
			return get(user, reported.id());
		}
		// a new case: the answer is built from what was just written, without reading it back
		return view(user, reported.created(), where.name(), List.of(reported.event()));
	}

	/** True when the user may report a problem: a reporting role and a jurisdiction scope. */
	public boolean canReport(CurrentUser user) {
		return CaseAccess.canReport(user);
	}

	/**
	 * A report from outside the staff: a resident's page, an Open311 client, or another module (an alert). No scope
	 * applies; the location must lie in the district. Returns the new (or, for a repeated key, the earlier) case id.
	 */
	public long reportAs(String reporter, NewCase report, @Nullable String idempotencyKey) {
		return intake(reporter, report, locate(report), idempotencyKey).id();
	}

	private CaseIntake.Reported intake(String reporter, NewCase report, Located where, @Nullable String idempotencyKey) {
		CaseCategory category = categories.requireMinor(report.categoryCode());
		String description = report.description() == null ? "" : report.description().strip();
		if (description.isEmpty() || description.length() > 2000) {
			throw new InvalidInputException("cases.description.invalid");
		}
		String address = report.address() == null ? "" : report.address().strip();
		if (address.length() > 200) {
			throw new InvalidInputException("cases.address.invalid");
		}
		String contact = report.reporterContact() == null ? "" : report.reporterContact().strip();
		if (contact.length() > 100) {
			throw new InvalidInputException("cases.contact.invalid");
		}
		String key = idempotencyKey == null ? null : idempotencyKey.strip();
		if (key != null && (key.isEmpty() || key.length() > 100)) {
			throw new InvalidInputException("cases.idempotency.invalid");
		}
		// checked here, in the caller's thread; written by the intake (with group commit, together with the reports
		// that arrive with it), answered once committed
		return intake.write(new CaseIntake.Report(reporter, report.source(), category.code(), description, address,
				intake.seal(contact), where.code(), where.lat(), where.lng(), key, AuditTrail.requestAddress()));
	}

	/** Where a report lies: its grid (or the jurisdiction given), the grid's name, and the point if one was given. */
	private record Located(String code, String name, @Nullable Double lat, @Nullable Double lng) {
	}

	private Located locate(NewCase report) {
		if (report.lat() != null || report.lng() != null) {
			if (report.lat() == null || report.lng() == null || !Double.isFinite(report.lat())
					|| !Double.isFinite(report.lng()) || Math.abs(report.lat()) > 90 || Math.abs(report.lng()) > 180) {
				throw new InvalidInputException("cases.location.invalid");
			}
			JurisdictionNode grid = jurisdictions.locate(report.lat(), report.lng())
					.orElseThrow(() -> new InvalidInputException("cases.location.outside"));
			return new Located(grid.code(), grid.name(), report.lat(), report.lng());
		}
		String code = report.jurisdictionCode() == null ? "" : report.jurisdictionCode().strip();
		JurisdictionNode node = JurisdictionCode.isValid(code) ? jurisdictions.find(code).orElse(null) : null;
		if (node == null) {
			throw new InvalidInputException("cases.jurisdiction.invalid", code);
		}
		return new Located(code, node.name(), null, null);
	}

	/** One case the caller may see, with its history. */
	public CaseView get(CurrentUser user, long id) {
		CaseFile file = steps.load(id);
		if (!steps.visible(user, file)) {
			throw new OutOfScopeException("case", String.valueOf(id));
		}
		return view(user, file);
	}

	/** Up to this many cases a page's total is counted exactly ({@link #list(CurrentUser, CaseQuery, Pageable)}). */
	static final int EXACT_TOTAL_LIMIT = 1_000;

	/**
	 * The cases the caller may see, newest first, filtered, for the pages (list and export): the total is exact up
	 * to {@value #EXACT_TOTAL_LIMIT} cases, above that an estimate ({@link ListPage#isTotalEstimated()}, "about N",
	 * see {@link #total}): counting every visible case of a district for every list page cost more database time
	 * than the page itself.
	 */
	public ListPage<CaseSummary> list(CurrentUser user, CaseQuery query, Pageable pageable) {
		return list(user, query, pageable, null, EXACT_TOTAL_LIMIT);
	}

	/**
	 * The cases the caller may see, newest first, filtered: the page of {@code pageable}, or with a cursor
	 * {@code after} (the {@link ListPage#next()} of an earlier page) the {@code pageable.getPageSize()} cases after it,
	 * however deep (no offset to skip). The total is exact.
	 */
	public ListPage<CaseSummary> list(CurrentUser user, CaseQuery query, Pageable pageable, @Nullable String after) {
		return list(user, query, pageable, after, 0);
	}

	/** As above; a total above {@code exactLimit} cases is estimated ({@link #total}), none when it is 0. */
	ListPage<CaseSummary> list(CurrentUser user, CaseQuery query, Pageable pageable, @Nullable String after,
			int exactLimit) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE (").append(visibility(user)).append(')');
		if (query.status() != null) {
			where.append(" AND c.status = ?");
			params.add(query.status().name());
		}
		if (query.category() != null && !query.category().isBlank()) {
			String category = query.category().strip();
			if (!CaseCategories.MAJOR.matcher(category).matches() && !CaseCategories.MINOR.matcher(category).matches()) {
				throw new InvalidInputException("cases.category.invalid", category);
			}
			where.append(" AND c.category_code LIKE ?");
			params.add(category + "%");
		}
		if (query.unit() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM case_unit u WHERE u.case_id = c.id AND u.unit_id = ?)");
			params.add(query.unit());
		}
		if (query.jurisdiction() != null && !query.jurisdiction().isBlank()) {
			String code = query.jurisdiction().strip();
			if (!JurisdictionCode.isValid(code)) {
				throw new InvalidInputException("cases.jurisdiction.invalid", code);
			}
			where.append(" AND c.jurisdiction_code LIKE ?");
			params.add(JurisdictionCode.of(code).prefix() + "%");
		}
		if (query.overdue() != null) {
			where.append(" AND c.overdue = ?");
			params.add(query.overdue());
		}
		if (query.q() != null && !query.q().isBlank()) {
			String text = query.q().strip();
			where.append(" AND (c.number = ? OR c.description LIKE ?" + Like.ESCAPE + " OR c.address LIKE ?"
					+ Like.ESCAPE + ")");
			params.add(text);
			params.add(Like.contains(text));
			params.add(Like.contains(text));
		}
		NewestFirstCursor cursor = after == null || after.isBlank() ? null : NewestFirstCursor.parse(after);
		Total total = exactLimit > 0 ? total(where.toString(), params, exactLimit)
				: new Total(jdbc.sql("SELECT COUNT(*) FROM case_file c" + where).params(params).query(Long.class).single(),
						false);
		List<Object> pageParams = new ArrayList<>(params);
		String page = where.toString();
		if (cursor != null) {
			page += " AND " + cursor.after("c.reported_at", "c.id", pageParams);
		}
		int size = pageable.getPageSize();
		pageParams.add(size + 1);
		pageParams.add(cursor == null ? pageable.getOffset() : 0);
		Map<Long, String> unitNames = units.names();
		Locale locale = LocaleContextHolder.getLocale();
		List<CaseSummary> content = jdbc.sql("SELECT " + prefixed() + " FROM case_file c" + page
				+ " ORDER BY c.reported_at DESC, c.id DESC LIMIT ? OFFSET ?").params(pageParams)
				.query(CaseFile::map).list().stream().map(f -> summary(f, unitNames, locale)).toList();
		boolean more = content.size() > size;
		if (more) {
			content = content.subList(0, size);
		}
		String next = more ? new NewestFirstCursor(content.get(size - 1).reportedAt(), content.get(size - 1).id()).toString()
				: null;
		long shown = (cursor == null ? pageable.getOffset() : 0) + content.size();
		if (total.estimated() && cursor == null) {
			// an estimate never contradicts the page: the last page knows the true total, an earlier one at least one more
			total = more ? new Total(Math.max(total.value(), shown + 1), true) : new Total(shown, false);
		}
		return new ListPage<>(content, cursor == null ? pageable : PageRequest.of(0, size), total.value(),
				total.estimated(), next, cursor != null);
	}

	private record Total(long value, boolean estimated) {
	}

	/**
	 * Large totals counted at most every {@value #LARGE_TOTAL_SECONDS} s per query (the WHERE with its parameters:
	 * the caller's visibility is part of it, so a total is never shared across scopes), at most 10,000 queries.
	 */
	private static final int LARGE_TOTAL_SECONDS = 30;

	private final Cache<List<Object>, Long> largeTotals = Caffeine.newBuilder()
		.expireAfterWrite(java.time.Duration.ofSeconds(LARGE_TOTAL_SECONDS)).maximumSize(10_000).build();

	/**
	 * The total of a list: exact up to {@code exactLimit} cases (counted among the newest, by the
	 * {@code reported_at} index, never more); above that the exact count of the whole list, counted at most every
	 * {@value #LARGE_TOTAL_SECONDS} s for the same query and shown as an estimate (two significant digits: "about N"),
	 * since it may be that many seconds old. A list remembered as large skips the capped count as well.
	 */
	private Total total(String where, List<Object> params, int exactLimit) {
		List<Object> key = new ArrayList<>(params.size() + 1);
		key.add(where);
		key.addAll(params);
		Long large = largeTotals.getIfPresent(key);
		if (large == null || large <= exactLimit) {
			List<Object> capped = new ArrayList<>(params);
			capped.add(exactLimit + 1);
			long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one FROM case_file c" + where + " LIMIT ?) t")
				.params(capped).query(Long.class).single();
			if (counted <= exactLimit) {
				return new Total(counted, false);
			}
			large = jdbc.sql("SELECT COUNT(*) FROM case_file c" + where).params(params).query(Long.class).single();
			largeTotals.put(key, large);
		}
		return new Total(roughly(large), true);
	}

	/** {@code n} rounded to two significant digits. */
	static long roughly(long n) {
		if (n < 100) {
			return n;
		}
		long unit = (long) Math.pow(10, (long) Math.floor(Math.log10(n)) - 1);
		return Math.round((double) n / unit) * unit;
	}

	/** The SQL condition (over alias {@code c}) for the cases a user may see; validated values only. */
	String visibility(CurrentUser user) {
		List<String> parts = new ArrayList<>();
		if (CaseAccess.seesArea(user)) {
			parts.add(CaseAccess.areaSql(user));
		}
		if (CaseAccess.seesUnit(user)) {
			// IN rather than a correlated EXISTS: beside the area (OR) PostgreSQL costs the EXISTS as if it ran per
			// row (a cost so high that it compiled every count of the list with JIT, ~6 ms); IN is costed as the
			// hashed set of the unit's cases it is
			parts.add("c.id IN (SELECT cu.case_id FROM case_unit cu WHERE cu.unit_id = " + user.unitId().longValue()
					+ ")");
		}
		return parts.isEmpty() ? "1 = 0" : String.join(" OR ", parts);
	}

	/**
	 * Takes one step of the loop. Impossible steps (for the status, or for the caller's role) are refused with a
	 * clear message; a step based on a stale version answers a conflict.
	 */
	public CaseView act(CurrentUser user, long id, CaseAction action, ActionInput input) {
		steps.act(user, id, action, input);
		// the answer shows the case as the step left it, even when the step took it out of the caller's sight
		// (a unit returning a case to the center no longer sees it afterwards)
		return view(user, steps.load(id));
	}

	/** True when the caller may see the case now (a unit stops seeing a case it returned). */
	public boolean canSee(CurrentUser user, long id) {
		return steps.visible(user, steps.load(id));
	}

	/**
	 * What the case page shows of one case for the caller, from one read of the case: the case with its history, the
	 * steps the caller may take, and whether they may add photos, feedback photos and references (each asked
	 * separately, these read the case five more times). Like {@link #get}: 404 unknown, 403 out of sight.
	 */
	public CasePage page(CurrentUser user, long id) {
		CaseFile file = steps.load(id);
		if (!steps.visible(user, file)) {
			throw new OutOfScopeException("case", String.valueOf(id));
		}
		return new CasePage(view(user, file), allowed(user, file), CasePhotos.mayAdd(user, file),
				CasePhotos.mayAddFeedback(user, file), mayReferenceVisible(user, file));
	}

	/** See {@link #page}. */
	public record CasePage(CaseView view, Set<CaseAction> allowed, boolean mayAddPhotos,
			boolean mayAddFeedbackPhotos, boolean mayReference) {
	}

	/** The steps the caller may take on the case now (for the page's buttons). */
	public Set<CaseAction> allowedActions(CurrentUser user, CaseView view) {
		return allowed(user, steps.load(view.id()));
	}

	private Set<CaseAction> allowed(CurrentUser user, CaseFile file) {
		Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
		boolean inArea = CaseAccess.seesInArea(user, file);
		for (CaseAction action : CaseAction.values()) {
			boolean possible = CaseLoop.next(file.status(), file.pendingRequest(), action, true, file.resumeStatus())
					.isPresent()
					|| CaseLoop.next(file.status(), file.pendingRequest(), action, false, file.resumeStatus())
							.isPresent();
			if (possible && CaseAccess.mayTake(user, action, file, inArea)) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	/**
	 * What the notifier needs to tell the reporter of a case (for internal use by the notifier only, never shown):
	 * the case number, the phone the reporter left (when the contact is a phone number) and the reporter's username
	 * when a staff member reported. Empty for an unknown case.
	 */
	public Optional<ReporterContact> reporterContact(long caseId) {
		return ratings.contact(caseId);
	}

	/** See {@link #reporterContact}: {@code phone} and {@code staffUsername} are null when not known. */
	public record ReporterContact(String caseNumber, @Nullable String phone, @Nullable String staffUsername) {
	}

	/**
	 * A fresh one-time link for the reporter to rate the case's handling without logging in: its path
	 * ({@code /rate/<token>}, the token random 256 bits, stored as its hash). 404 for an unknown case.
	 */
	public String newRatingLink(long caseId) {
		return ratings.newLink(caseId);
	}

	/**
	 * The latest answer to the reporter (for the notifier): the note of the last step whose note the public may read
	 * ({@link PublicCaseRule}: feedback, closing, a published answer pointed to, …); empty when there is none.
	 */
	public Optional<String> latestAnswer(long caseId) {
		return ratings.latestAnswer(caseId);
	}

	/**
	 * True when the caller may answer the case by pointing to a published answer: those who act on it (the center in
	 * its area, the lead unit), unless it was voided or merged.
	 */
	public boolean mayReference(CurrentUser user, long id) {
		CaseFile f = steps.load(id);
		return mayReference(user, f);
	}

	private boolean mayReference(CurrentUser user, CaseFile f) {
		return steps.visible(user, f) && mayReferenceVisible(user, f);
	}

	/** {@link #mayReference(CurrentUser, CaseFile)} for a case the caller is known to see. */
	private boolean mayReferenceVisible(CurrentUser user, CaseFile f) {
		if (f.status() == CaseStatus.VOIDED || f.status() == CaseStatus.MERGED) {
			return false;
		}
		boolean center = user.has(org.gridlink.platform.Role.CENTER) && CaseAccess.seesInArea(user, f);
		boolean unit = user.unitId() != null && user.unitId().equals(f.leadUnitId())
				&& user.roles().stream().anyMatch(CaseAccess.UNIT_READERS::contains);
		return center || unit;
	}

	/**
	 * Answers the case by pointing to a published reference ({@link PublicReferences}, e.g. a public answer): a line
	 * in the history with its title, and the link on the case's public status page. A key nobody publishes (or
	 * withdrawn) → 400; a caller who does not act on the case → 403 (404 if out of sight). False: already added.
	 */
	public boolean addReference(CurrentUser user, long id, @Nullable String key) {
		CaseFile f = steps.load(id);
		if (!steps.visible(user, f)) {
			throw new OutOfScopeException("case", String.valueOf(id));
		}
		if (!mayReference(user, f)) {
			throw new AccessDeniedException("not allowed: reference");
		}
		String k = key == null ? "" : key.strip();
		PublicReferences.PublicReference ref = k.isEmpty() || k.length() > 100 ? null : references.stream()
				.map(r -> r.find(k)).flatMap(Optional::stream).findFirst().orElse(null);
		if (ref == null) {
			throw new InvalidInputException("cases.reference.invalid");
		}
		String title = ref.title().length() > 300 ? ref.title().substring(0, 300) : ref.title();
		return steps.reference(user.username(), user.unitId(), f, ref.key(), title, ref.path());
	}

	/** The published references a case page offers (from every {@link PublicReferences} source). */
	public List<PublicReferences.PublicReference> offeredReferences(int limit) {
		return references.stream().flatMap(r -> r.offered(limit).stream()).limit(Math.max(0, limit)).toList();
	}

	/** The references the case was answered with, oldest first (public: titles and paths of published answers). */
	public List<PublicReferences.PublicReference> references(long id) {
		return jdbc.sql("SELECT ref_key, title, path FROM case_reference WHERE case_id = ? ORDER BY id").param(id)
				.query((rs, i) -> new PublicReferences.PublicReference(rs.getString(1), rs.getString(2),
						rs.getString(3))).list();
	}

	/**
	 * The counts of the daily digest for {@code [from, to)} over the cases located in the caller's jurisdiction scope
	 * (center and leaders only; figures, no case). See {@link CaseDayCounts}.
	 */
	public CaseDayCounts dayCounts(CurrentUser user, OffsetDateTime from, OffsetDateTime to) {
		if (!user.hasAny(org.gridlink.platform.Role.CENTER, org.gridlink.platform.Role.LEADER)
				|| user.scope().isEmpty()) {
			throw new AccessDeniedException("the digest is for the center and leaders");
		}
		if (!to.isAfter(from)) {
			throw new InvalidInputException("cases.period.invalid");
		}
		String scope = user.scope().sqlCondition("c.jurisdiction_code");
		String open = "c.status NOT IN ('CLOSED', 'EVALUATED', 'REJECTED', 'VOIDED', 'MERGED')";
		String inDay = "c.reported_at >= ? AND c.reported_at < ?";
		Locale locale = LocaleContextHolder.getLocale();
		List<CaseDayCounts.Count> byCategory = jdbc.sql("SELECT SUBSTRING(c.category_code, 1, 3) AS major, COUNT(*)"
				+ " FROM case_file c WHERE " + scope + " AND " + inDay + " GROUP BY SUBSTRING(c.category_code, 1, 3)"
				+ " ORDER BY COUNT(*) DESC, major").params(from, to)
				.query((rs, i) -> new CaseDayCounts.Count(rs.getString(1), categories.find(rs.getString(1))
						.map(c -> c.name(locale)).orElse(rs.getString(1)), rs.getLong(2))).list();
		List<CaseDayCounts.Count> bySource = jdbc.sql("SELECT c.source, COUNT(*) FROM case_file c WHERE " + scope
				+ " AND " + inDay + " GROUP BY c.source ORDER BY COUNT(*) DESC, c.source").params(from, to)
				.query((rs, i) -> new CaseDayCounts.Count(rs.getString(1), rs.getString(1), rs.getLong(2))).list();
		long reported = byCategory.stream().mapToLong(CaseDayCounts.Count::count).sum();
		long answered = jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + scope + " AND (c.closed_at >= ? AND"
				+ " c.closed_at < ? OR EXISTS (SELECT 1 FROM case_reference r WHERE r.case_id = c.id AND"
				+ " r.added_at >= ? AND r.added_at < ?))").params(from, to, from, to).query(Long.class).single();
		long openOfDay = jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + scope + " AND " + inDay + " AND " + open)
				.params(from, to).query(Long.class).single();
		long openNow = jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + scope + " AND " + open)
				.query(Long.class).single();
		return new CaseDayCounts(reported, byCategory, bySource, answered, openOfDay, openNow);
	}

	/** The routing rule's suggestion for dispatching this case: lead unit, assisting units, police, property. */
	public RouteSuggestion suggestRoute(CurrentUser user, long id) {
		CaseView view = get(user, id);
		return steps.suggest(user, view.categoryCode(), view.jurisdictionCode());
	}

	/** What dispatching a case would do by default. */
	public record RouteSuggestion(CaseView.@Nullable UnitRef leadUnit, List<CaseView.UnitRef> assistingUnits,
			List<String> policeGrids, List<String> propertyCompanies) {
	}

	private CaseSummary summary(CaseFile f, Map<Long, String> unitNames, Locale locale) {
		String description = f.description().length() > 120 ? f.description().substring(0, 120) + "…"
				: f.description();
		return new CaseSummary(f.id(), f.number(), f.status(), f.source(), f.categoryCode(),
				categories.find(f.categoryCode()).map(c -> c.name(locale)).orElse(f.categoryCode()), description,
				f.jurisdictionCode(), f.address(), f.leadUnitId(),
				f.leadUnitId() == null ? null : unitNames.get(f.leadUnitId()), f.reportedAt(), f.deadlineAt(),
				f.warned(), f.overdue(), f.pausedSince() != null, f.pendingRequest());
	}

	private CaseView view(CurrentUser user, CaseFile f) {
		return view(user, f, jurisdictions.find(f.jurisdictionCode()).map(JurisdictionNode::name).orElse(null),
				history(f.id(), units.names()));
	}

	private List<CaseEventView> history(long caseId, Map<Long, String> unitNames) {
		return jdbc.sql("""
				SELECT id, action, from_status, to_status, actor, unit_id, note, occurred_at FROM case_event
				WHERE case_id = ? ORDER BY id""").param(caseId)
				.query((rs, i) -> {
					String from = rs.getString(3);
					Long unit = rs.getObject(6, Long.class);
					return new CaseEventView(rs.getLong(1), rs.getString(2), from == null ? null : CaseStatus.valueOf(from),
							CaseStatus.valueOf(rs.getString(4)), rs.getString(5), unit,
							unit == null ? null : unitNames.get(unit), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
				}).list();
	}

	private CaseView view(CurrentUser user, CaseFile f, @Nullable String jurisdictionName,
			List<CaseEventView> history) {
		Map<Long, String> unitNames = units.names();
		Locale locale = LocaleContextHolder.getLocale();
		// a case has units only while it is dispatched to a lead unit (dispatch writes them, return removes them)
		List<CaseView.UnitRef> assisting = f.leadUnitId() == null ? List.of() : jdbc
				.sql("SELECT unit_id FROM case_unit WHERE case_id = ? AND role = 'ASSIST' ORDER BY unit_id")
				.param(f.id()).query(Long.class).list().stream()
				.map(u -> new CaseView.UnitRef(u, unitNames.getOrDefault(u, "#" + u))).toList();
		List<CaseView.Duplicate> duplicates = f.status() == CaseStatus.REPORTED || f.status() == CaseStatus.FILED
				? duplicates(user, f) : List.of();
		return new CaseView(f.id(), f.number(), f.status(), f.source(), f.categoryCode(),
				categories.find(f.categoryCode()).map(c -> c.name(locale)).orElse(f.categoryCode()), f.description(),
				f.jurisdictionCode(), jurisdictionName, f.address(), f.lat(), f.lng(), f.reporter(), maskedContact(f.reporterContact()), f.reportedAt(),
				f.handledAt(), f.closedAt(), f.leadUnitId(),
				f.leadUnitId() == null ? null : unitNames.get(f.leadUnitId()), assisting, f.timeLimitMinutes(),
				f.deadlineAt(), workingMinutesLeft(f), f.warnAt(), f.pausedSince() != null, f.pendingRequest(), f.requestedMinutes(),
				f.warned(), f.overdue(), f.closedOnTime(), f.reworkCount(), f.extensionCount(), f.urgeCount(),
				f.satisfaction(), f.mergedIntoId(), f.version(), history, duplicates, f.dissatisfiedCount(),
				f.underReview());
	}

	/** The working time left on the case's clock now (negative once overdue; frozen while stopped), or null. */
	private @Nullable Long workingMinutesLeft(CaseFile f) {
		return f.clock() == null ? null
				: Case.of(f).workingMinutesLeft(new Case.When(OffsetDateTime.now(clock), calendars.current()));
	}

	private String maskedContact(String sealed) {
		if (sealed.isEmpty()) {
			return "";
		}
		String plain = cipher.decrypt(sealed);
		return plain.matches("\\d{7,}") ? Masked.phone(plain) : plain.charAt(0) + "***";
	}

	/** Open cases of the same minor class within 100 m reported in the 24 hours before this one. */
	private List<CaseView.Duplicate> duplicates(CurrentUser user, CaseFile f) {
		if (f.lat() == null || f.lng() == null) {
			return List.of();
		}
		double dLat = DUPLICATE_METERS / 111_320.0;
		double dLng = DUPLICATE_METERS / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(f.lat()))));
		return jdbc.sql("SELECT id, number, status, lat, lng, reported_at FROM case_file c WHERE category_code = ?"
				+ " AND id <> ? AND reported_at BETWEEN ? AND ? AND status NOT IN ('VOIDED', 'MERGED', 'REJECTED')"
				+ " AND lat BETWEEN ? AND ? AND lng BETWEEN ? AND ? AND (" + visibility(user) + ") ORDER BY reported_at")
				.params(f.categoryCode(), f.id(), f.reportedAt().minusHours(DUPLICATE_HOURS), f.reportedAt(),
						f.lat() - dLat, f.lat() + dLat, f.lng() - dLng, f.lng() + dLng)
				.query((rs, i) -> new CaseView.Duplicate(rs.getLong(1), rs.getString(2),
						CaseStatus.valueOf(rs.getString(3)),
						(int) Math.round(meters(f.lat(), f.lng(), rs.getDouble(4), rs.getDouble(5))),
						rs.getObject(6, OffsetDateTime.class)))
				.list().stream().filter(d -> d.distanceMeters() <= DUPLICATE_METERS).toList();
	}

	/** Great-circle distance (haversine), good to a metre at these distances. */
	static double meters(double lat1, double lng1, double lat2, double lng2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 6_371_008.8 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

	private static String prefixed() {
		return "c." + CaseFile.COLUMNS.replace("\n", " ").replace(", ", ", c.");
	}

	/** Not found → 404. */
	static NotFoundException notFound(long id) {
		return new NotFoundException("cases.not.found", String.valueOf(id));
	}

	// ---- hand-offs: cases another module opens for a unit and closes after its own verification (supervision)

	/**
	 * Opens a case for another module's finding and hands it to {@code unitId} at once: reported as {@code reporter}
	 * (no scope applies, as {@link #reportAs}), filed and dispatched to the unit (its time limit starts); without a
	 * unit, filed and left for the center to dispatch. The key makes a repeated call answer the same case, and a call
	 * repeated after a failure between the steps finishes them. Returns the case id.
	 */
	public long handOff(String reporter, NewCase report, @Nullable Long unitId, String idempotencyKey) {
		long id = reportAs(reporter, report, idempotencyKey);
		CaseFile f = steps.load(id);
		if (f.status() == CaseStatus.REPORTED) {
			steps.actAs(reporter, id, CaseAction.FILE, ActionInput.empty());
			f = steps.load(id);
		}
		if (f.status() == CaseStatus.FILED && f.leadUnitId() == null && unitId != null) {
			steps.actAs(reporter, id, CaseAction.DISPATCH, new ActionInput(null, unitId, List.of(), null, null, null,
					null, null, null, null, null));
		}
		return id;
	}

	/**
	 * The module that handed a case off verifies the fix the unit fed back: passed closes the case (verified and
	 * closed in the module's name); not passed sends it back to the unit for rework (the clock runs again). Refused
	 * (409) unless the case waits for verification.
	 */
	public HandOffProgress verifyHandOff(String actor, long caseId, boolean passed, @Nullable String note) {
		CaseFile f = steps.load(caseId);
		if (f.status() != CaseStatus.HANDLED) {
			throw new org.gridlink.platform.ConflictException("cases.handoff.not.handled", f.number());
		}
		steps.actAs(actor, caseId, CaseAction.VERIFY, new ActionInput(note, null, null, passed, null, null, null, null,
				null, null, null));
		if (passed) {
			steps.actAs(actor, caseId, CaseAction.CLOSE, ActionInput.note(note));
		}
		return progress(List.of(caseId)).get(caseId);
	}

	/** Where the given cases stand (for the module that opened them); unknown ids are left out. */
	public Map<Long, HandOffProgress> progress(java.util.Collection<Long> caseIds) {
		Map<Long, HandOffProgress> out = new java.util.HashMap<>();
		List<Long> ids = caseIds.stream().distinct().toList();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
			jdbc.sql("SELECT id, number, status, overdue, lead_unit_id, handled_at, closed_at FROM case_file"
					+ " WHERE id IN (" + marks + ")").params(new ArrayList<Object>(chunk))
					.query((rs, i) -> {
						CaseStatus status = CaseStatus.valueOf(rs.getString(3));
						return new HandOffProgress(rs.getLong(1), rs.getString(2), status.name(),
								status == CaseStatus.HANDLED, status.isClosed() || status == CaseStatus.VERIFIED,
								status.isFinal() && !status.isClosed(), rs.getBoolean(4),
								rs.getObject(5, Long.class), rs.getObject(6, OffsetDateTime.class),
								rs.getObject(7, OffsetDateTime.class));
					}).list().forEach(p -> out.put(p.caseId(), p));
		}
		return out;
	}

	/**
	 * When the given cases passed the loop's milestones (for a module that keeps its own clock over the cases it
	 * opened); unknown ids are left out. The first acceptance is read from the history.
	 */
	public Map<Long, CaseMilestones> milestones(java.util.Collection<Long> caseIds) {
		Map<Long, CaseMilestones> out = new java.util.HashMap<>();
		List<Long> ids = caseIds.stream().distinct().toList();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
			jdbc.sql("SELECT c.id, c.number, c.status, c.reported_at, c.dispatched_at, (SELECT MIN(e.occurred_at) FROM"
					+ " case_event e WHERE e.case_id = c.id AND e.action = 'accept'), c.handled_at, c.closed_at,"
					+ " c.satisfaction, c.dissatisfied_count, c.under_review, c.lead_unit_id FROM case_file c"
					+ " WHERE c.id IN (" + marks + ")").params(new ArrayList<Object>(chunk))
					.query((rs, i) -> new CaseMilestones(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
							rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
							rs.getObject(8, OffsetDateTime.class), rs.getObject(9, Integer.class), rs.getInt(10),
							rs.getBoolean(11), rs.getObject(12, Long.class)))
					.list().forEach(m -> out.put(m.caseId(), m));
		}
		return out;
	}

	/**
	 * How many cases were reported in {@code [from, to)} located at or below the place {@code code} (a jurisdiction
	 * code): a figure for other modules' daily reports. The caller has checked that its user may read that place.
	 */
	public long reportedIn(String code, OffsetDateTime from, OffsetDateTime to) {
		String prefix = org.gridlink.shared.JurisdictionCode.of(code).prefix();
		return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE jurisdiction_code LIKE ? AND reported_at >= ?"
				+ " AND reported_at < ?").params(prefix + "%", from, to).query(Long.class).single();
	}

	/**
	 * Demo data only: writes other modules' demo hand-off cases in bulk, each as {@link #handOff} and
	 * {@link #verifyHandOff} would have left it at the given times (history, lead unit, working-time clock, warning
	 * and overdue marks, idempotency key), in one transaction, without events or audit lines — a few seconds for
	 * hundreds instead of minutes one by one. Returns the case ids in the order given.
	 */
	public List<Long> demoHandOffs(List<DemoHandOff> handOffs) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Long> ids = transactions.execute(
				tx -> DemoHandOffWriter.write(bulk, categories, calendars.current(), handOffs, now));
		return ids == null ? List.of() : ids;
	}

	/**
	 * Demo data only: as {@link #demoHandOffs(List)}, the cases marked with another {@code source} (enterprise
	 * appeals' demo cases are {@link CaseSource#ENTERPRISE}).
	 */
	public List<Long> demoHandOffs(List<DemoHandOff> handOffs, CaseSource source) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Long> ids = transactions.execute(
				tx -> DemoHandOffWriter.write(bulk, categories, calendars.current(), handOffs, now, source));
		return ids == null ? List.of() : ids;
	}
}
