package org.gridlink.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.gridlink.platform.Hashes;

/**
 * Open311 GeoReport v2 over the case loop: the minor classes of the public families as services, and the cases of
 * those classes as service requests, readable by anyone; trusted clients (an {@code api_key}) create requests, which
 * become cases reported by {@code open311:<client>} with source OPEN311. Only what a resident may see leaves: never
 * the reporter or their contact, never who handled a case; photos only as the copy without metadata.
 * <p>
 * Only the families in {@code gridlink.open311.families} (default C, E: components and events in public space) are
 * published; the social-governance classes (S: disputes, epidemic reports, hardship relief, public security) concern
 * persons and stay internal.
 */
@Service
public class Open311Gateway {

	/** At most this many requests per answer, and a date range of at most 90 days (the spec's defaults). */
	public static final int MAX_REQUESTS = 1000;
	public static final Duration MAX_RANGE = Duration.ofDays(90);

	/** Notes of these steps are meant for the reporter and shown in {@code status_notes} ({@link PublicCaseRule}). */
	static final Set<String> PUBLIC_NOTE_ACTIONS = PublicCaseRule.NOTE_ACTIONS;
	private static final Set<CaseStatus> CLOSED = Set.of(CaseStatus.CLOSED, CaseStatus.EVALUATED, CaseStatus.REJECTED,
			CaseStatus.VOIDED, CaseStatus.MERGED);
	private static final Pattern NUMBER = Pattern.compile("\\d{1,20}");
	private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A service: one active minor class of a public family. */
	public record Open311Service(String code, String name, String description, String keywords, String group) {
	}

	/** A service request as the public sees it. {@code photoId}: the first photo, for {@code media_url}. */
	public record Open311Request(String serviceRequestId, boolean closed, String statusNotes, String serviceName,
			String serviceCode, String description, @Nullable String agencyResponsible, String serviceNotice,
			OffsetDateTime requested, OffsetDateTime updated, @Nullable OffsetDateTime expected, String address,
			@Nullable Double lat, @Nullable Double lng, @Nullable Long photoId) {
	}

	/** GET requests' filters; empty lists mean "all". */
	public record Open311Query(List<String> serviceRequestIds, List<String> serviceCodes,
			@Nullable OffsetDateTime startDate, @Nullable OffsetDateTime endDate, List<String> statuses) {
	}

	/** POST requests' fields (contact fields are stored sealed and never answered). */
	public record Open311NewRequest(@Nullable String serviceCode, @Nullable Double lat, @Nullable Double lng,
			@Nullable String addressString, @Nullable String jurisdictionCode, @Nullable String description,
			@Nullable String mediaUrl, @Nullable String email, @Nullable String phone, @Nullable String firstName,
			@Nullable String lastName) {
	}

	/** The answer to a POST: the request's id (realtime: no token) and what will happen. */
	public record Open311Created(String serviceRequestId, String serviceNotice) {
	}

	/** A registered client, without its key. */
	public record Open311Client(String name, boolean active, String createdBy, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;
	private final CaseManagement cases;
	private final CaseCategories categories;
	private final CasePhotos photos;
	private final UnitNames units;
	private final Jurisdictions jurisdictions;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final Set<String> families;
	private final Clock clock;
	private final ZoneId zone;

	Open311Gateway(JdbcClient jdbc, CaseManagement cases, CaseCategories categories, CasePhotos photos,
			UnitNames units, Jurisdictions jurisdictions, MessageSource messages, AuditTrail audit,
			@Value("${gridlink.open311.families:C,E}") List<String> families,
			Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.categories = categories;
		this.photos = photos;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.messages = messages;
		this.audit = audit;
		this.families = families.stream().map(String::strip).filter(f -> f.matches("[CES]"))
				.collect(Collectors.toUnmodifiableSet());
		this.clock = clock;
		this.zone = clock.getZone();
	}

	ZoneId zone() {
		return zone;
	}

	// ---- services

	/** The services: active minor classes of the public families, in the code table's order. */
	public List<Open311Service> services() {
		Locale locale = LocaleContextHolder.getLocale();
		return categories.minorClasses().stream().filter(c -> families.contains(c.family()))
				.map(c -> service(c, locale)).toList();
	}

	/** One service, or 404 for a code that is not one. */
	public Open311Service service(String code) {
		return service(publicMinor(code).orElseThrow(() -> new NotFoundException("cases.open311.service.unknown",
				code)), LocaleContextHolder.getLocale());
	}

	private Optional<CaseCategory> publicMinor(String code) {
		return categories.find(code.strip()).filter(c -> c.isMinor() && c.active() && families.contains(c.family()));
	}

	private Open311Service service(CaseCategory c, Locale locale) {
		CaseCategory major = categories.find(c.majorCode() == null ? "" : c.majorCode()).orElse(c);
		String keywords = String.join(", ", new LinkedHashSet<>(List.of(c.nameZh(), c.nameEn(), major.nameZh(),
				major.nameEn())));
		return new Open311Service(c.code(), c.name(locale), c.filingCondition(), keywords, major.name(locale));
	}

	private String notice(CaseCategory c, Locale locale) {
		String limit = c.timeLimit() == null ? ""
				: messages.getMessage(CaseCategory.WORK_DAYS.equals(c.timeUnit()) ? "cases.open311.notice.days"
						: "cases.open311.notice.hours", new Object[] { c.timeLimit() }, locale);
		String closing = c.closingCondition().isBlank() ? ""
				: messages.getMessage("cases.open311.notice.closing", new Object[] { c.closingCondition() }, locale);
		return (limit + " " + closing).strip();
	}

	// ---- requests

	/** Service requests matching the query, newest first, at most {@link #MAX_REQUESTS}. */
	public List<Open311Request> requests(Open311Query query) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(familyCondition(params));
		if (!query.serviceRequestIds().isEmpty()) {
			for (String id : query.serviceRequestIds()) {
				if (!NUMBER.matcher(id).matches()) {
					throw new InvalidInputException("cases.open311.request.id.invalid", id);
				}
			}
			where.append(" AND c.number IN (").append(placeholders(query.serviceRequestIds().size())).append(')');
			params.addAll(query.serviceRequestIds());
		}
		else {
			OffsetDateTime end = query.endDate();
			OffsetDateTime start = query.startDate();
			if (end == null) {
				end = start == null ? OffsetDateTime.now(clock) : start.plus(MAX_RANGE);
			}
			if (start == null) {
				start = end.minus(MAX_RANGE);
			}
			if (start.isAfter(end)) {
				throw new InvalidInputException("cases.open311.range.invalid");
			}
			if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
				throw new InvalidInputException("cases.open311.range.too.long");
			}
			where.append(" AND c.reported_at BETWEEN ? AND ?");
			params.add(start);
			params.add(end);
			if (!query.serviceCodes().isEmpty()) {
				where.append(" AND c.category_code IN (").append(placeholders(query.serviceCodes().size())).append(')');
				params.addAll(query.serviceCodes());
			}
			Set<String> statuses = new LinkedHashSet<>();
			for (String s : query.statuses()) {
				if (!s.equals("open") && !s.equals("closed")) {
					throw new InvalidInputException("cases.open311.status.invalid", s);
				}
				statuses.add(s);
			}
			if (statuses.size() == 1) {
				where.append(statuses.contains("closed") ? " AND " : " AND NOT ").append("c.status IN (")
						.append(CLOSED.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", ")))
						.append(')');
			}
		}
		List<CaseFile> files = jdbc.sql("SELECT " + prefixed() + " FROM case_file c" + where
				+ " ORDER BY c.reported_at DESC, c.id DESC LIMIT " + MAX_REQUESTS).params(params)
				.query(CaseFile::map).list();
		return views(files);
	}

	/** One service request by its id (the case number), or 404 (also for a case that is not public). */
	public Open311Request request(String serviceRequestId) {
		String id = serviceRequestId.strip();
		if (!NUMBER.matcher(id).matches()) {
			throw new NotFoundException("cases.open311.request.unknown", id);
		}
		List<Object> params = new ArrayList<>();
		String families = familyCondition(params);
		params.add(id);
		return jdbc.sql("SELECT " + prefixed() + " FROM case_file c WHERE " + families + " AND c.number = ?")
				.params(params).query(CaseFile::map).optional().map(f -> views(List.of(f)).get(0))
				.orElseThrow(() -> new NotFoundException("cases.open311.request.unknown", id));
	}

	/** The copy without metadata of a photo of a public report ({@link PublicCaseRule}); 404 otherwise. */
	public CasePhotos.PhotoContent media(long photoId) {
		Long caseId = photos.caseOf(photoId).orElseThrow(() -> mediaNotFound(photoId));
		record Shown(String category, CaseSource source) {
		}
		Shown shown = jdbc.sql("SELECT category_code, source FROM case_file WHERE id = ?").param(caseId)
				.query((rs, i) -> new Shown(rs.getString(1), CaseSource.valueOf(rs.getString(2)))).single();
		if (!families.contains(shown.category().substring(0, 1)) || !PublicCaseRule.showsContent(shown.source())) {
			throw mediaNotFound(photoId);
		}
		return photos.publicContent(photoId);
	}

	private static NotFoundException mediaNotFound(long photoId) {
		return new NotFoundException("cases.photo.not.found", String.valueOf(photoId));
	}

	private String familyCondition(List<Object> params) {
		if (families.isEmpty()) {
			return "1 = 0";
		}
		params.addAll(families.stream().sorted().toList());
		return "SUBSTRING(c.category_code, 1, 1) IN (" + placeholders(families.size()) + ")";
	}

	private List<Open311Request> views(List<CaseFile> files) {
		if (files.isEmpty()) {
			return List.of();
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<Long, String> unitNames = units.names();
		Map<Long, OffsetDateTime> updated = new HashMap<>();
		Map<Long, String> notes = new HashMap<>();
		Map<Long, Long> firstPhoto = new HashMap<>();
		List<Long> ids = files.stream().map(CaseFile::id).toList();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String in = placeholders(chunk.size());
			jdbc.sql("SELECT case_id, MAX(occurred_at) FROM case_event WHERE case_id IN (" + in + ") GROUP BY case_id")
					.params(chunk).query((rs, i) -> updated.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
					.list();
			List<Object> noteParams = new ArrayList<>(chunk);
			noteParams.addAll(PUBLIC_NOTE_ACTIONS.stream().sorted().toList());
			jdbc.sql("SELECT case_id, note FROM case_event WHERE case_id IN (" + in + ") AND action IN ("
					+ placeholders(PUBLIC_NOTE_ACTIONS.size()) + ") AND note <> '' ORDER BY id")
					.params(noteParams).query((rs, i) -> notes.put(rs.getLong(1), rs.getString(2))).list();
			jdbc.sql("SELECT case_id, MIN(id) FROM case_photo WHERE case_id IN (" + in + ") GROUP BY case_id")
					.params(chunk).query((rs, i) -> firstPhoto.put(rs.getLong(1), rs.getLong(2))).list();
		}
		List<Open311Request> result = new ArrayList<>(files.size());
		for (CaseFile f : files) {
			Optional<CaseCategory> category = categories.find(f.categoryCode());
			String statusName = messages.getMessage("cases.status." + f.status().name(), null, f.status().name(),
					locale);
			String note = notes.get(f.id());
			String address = f.address();
			if (address.isBlank()) {
				address = jurisdictions.find(f.jurisdictionCode()).map(JurisdictionNode::name).orElse("");
			}
			result.add(new Open311Request(f.number(), CLOSED.contains(f.status()),
					note == null ? statusName : statusName + ": " + note,
					category.map(c -> c.name(locale)).orElse(f.categoryCode()), f.categoryCode(),
					PublicCaseRule.showsContent(f.source()) ? f.description() : "",
					f.leadUnitId() == null ? null : unitNames.get(f.leadUnitId()),
					category.map(c -> notice(c, locale)).orElse(""), local(f.reportedAt()),
					local(updated.getOrDefault(f.id(), f.reportedAt())),
					f.deadlineAt() == null ? null : local(f.deadlineAt()), address, f.lat(), f.lng(),
					PublicCaseRule.showsContent(f.source()) ? firstPhoto.get(f.id()) : null));
		}
		return result;
	}

	private OffsetDateTime local(OffsetDateTime at) {
		return at.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
	}

	// ---- create

	/**
	 * Creates a service request (a case) for a trusted client: {@code api_key} must be an active client's key
	 * (else 403); the service code a public minor class (else 404); a location by lat/long, or by address_string
	 * together with our {@code jurisdiction_code} extension (else 400). A photo ({@code media}) is checked before
	 * the case is created, so a bad photo leaves nothing behind. {@code media_url} is kept as text in the
	 * description; it is never fetched.
	 */
	public Open311Created create(@Nullable String apiKey, Open311NewRequest request, byte @Nullable [] media) {
		String client = client(apiKey).orElseThrow(() -> new AccessDeniedException("open311: bad api_key"));
		String code = request.serviceCode() == null ? "" : request.serviceCode().strip();
		if (code.isEmpty()) {
			throw new InvalidInputException("cases.open311.service.missing");
		}
		CaseCategory category = publicMinor(code)
				.orElseThrow(() -> new NotFoundException("cases.open311.service.unknown", code));
		boolean point = request.lat() != null || request.lng() != null;
		String addressString = request.addressString() == null ? "" : request.addressString().strip();
		String jurisdiction = request.jurisdictionCode() == null ? "" : request.jurisdictionCode().strip();
		if (!point && (addressString.isEmpty() || jurisdiction.isEmpty())) {
			throw new InvalidInputException("cases.open311.location.missing");
		}
		String description = request.description() == null ? "" : request.description().strip();
		String mediaUrl = request.mediaUrl() == null ? "" : request.mediaUrl().strip();
		if (!mediaUrl.isEmpty()) {
			if (mediaUrl.length() > 500 || !mediaUrl.matches("(?i)https?://[^\\s<>\"]+")) {
				throw new InvalidInputException("cases.open311.media.url.invalid");
			}
			description = description + "\n[media_url] " + mediaUrl;
		}
		if (media != null && media.length > 0) {
			PhotoImages.check(media);
		}
		String reporter = "open311:" + client;
		long id = cases.reportAs(reporter, new NewCase(category.code(), description, point ? null : jurisdiction,
				request.lat(), request.lng(), addressString, CaseSource.OPEN311, contact(request)), null);
		if (media != null && media.length > 0) {
			photos.addAs(reporter, id, media);
		}
		String number = jdbc.sql("SELECT number FROM case_file WHERE id = ?").param(id).query(String.class).single();
		return new Open311Created(number, notice(category, LocaleContextHolder.getLocale()));
	}

	private static @Nullable String contact(Open311NewRequest r) {
		List<String> parts = new ArrayList<>();
		String name = ((r.lastName() == null ? "" : r.lastName().strip()) + " "
				+ (r.firstName() == null ? "" : r.firstName().strip())).strip();
		for (String part : new String[] { r.phone(), name, r.email() }) {
			if (part != null && !part.isBlank()) {
				parts.add(part.strip());
			}
		}
		return parts.isEmpty() ? null : String.join(" / ", parts);
	}

	// ---- clients

	/** The client whose active key this is. */
	Optional<String> client(@Nullable String apiKey) {
		if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT name FROM open311_client WHERE key_hash = ? AND active = TRUE").param(hash(apiKey.strip()))
				.query(String.class).optional();
	}

	/** Registers a client (admin); answers its key, which is shown this once and stored only as a hash. */
	public String createClient(CurrentUser user, @Nullable String name) {
		requireAdmin(user);
		String n = name == null ? "" : name.strip();
		if (!CLIENT_NAME.matcher(n).matches()) {
			throw new InvalidInputException("cases.open311.client.name.invalid");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String key = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		try {
			insertClient(n, key, user.username());
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("cases.open311.client.name.taken", n);
		}
		audit.record("OPEN311_CLIENT_CREATE", "open311Client", n, AuditTrail.SUCCESS, null);
		return key;
	}

	void insertClient(String name, String key, String createdBy) {
		jdbc.sql("INSERT INTO open311_client (name, key_hash, active, created_by, created_at) VALUES (?, ?, TRUE, ?, ?)")
				.params(name, hash(key), createdBy, OffsetDateTime.now(clock)).update();
	}

	/** The registered clients (admin). */
	public List<Open311Client> clients(CurrentUser user) {
		requireAdmin(user);
		return jdbc.sql("SELECT name, active, created_by, created_at FROM open311_client ORDER BY name")
				.query((rs, i) -> new Open311Client(rs.getString(1), rs.getBoolean(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class)))
				.list();
	}

	/** Switches a client's key off (admin); its requests stay. */
	public void deactivateClient(CurrentUser user, String name) {
		requireAdmin(user);
		if (jdbc.sql("UPDATE open311_client SET active = FALSE WHERE name = ?").param(name).update() == 0) {
			throw new NotFoundException("cases.open311.client.unknown", name);
		}
		audit.record("OPEN311_CLIENT_DEACTIVATE", "open311Client", name, AuditTrail.SUCCESS, null);
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.has(Role.ADMIN)) {
			throw new AccessDeniedException("Open311 clients are managed by the system admin");
		}
	}

	static String hash(String key) {
		return Hashes.sha256Hex(key);
	}

	private static String placeholders(int n) {
		return String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

	private static String prefixed() {
		return "c." + CaseFile.COLUMNS.replace("\n", " ").replace(", ", ", c.");
	}
}
