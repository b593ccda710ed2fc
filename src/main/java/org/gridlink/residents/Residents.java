package org.gridlink.residents;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.Like;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.IdNumber;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.Masked;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents registry. Every read is filtered by the caller's scope in SQL; ID numbers and phones are stored
 * encrypted, found by keyed hash and shown masked; revealing one value needs a reason and is audited.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Residents {

	static final String COLUMNS = """
			r.id, r.name, r.id_number_masked, r.phone_masked, r.grid_code, r.household_id, r.status, r.birth_date,
			r.gender, COALESCE(h.compound, '') AS compound, COALESCE(h.building, '') AS building,
			COALESCE(h.entrance, '') AS entrance, COALESCE(h.room, '') AS room, COALESCE(h.address, '') AS address""";
	static final String FROM = " FROM resident r LEFT JOIN household h"
			+ " ON h.id = r.household_id AND h.district_code = r.district_code";

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final JurisdictionDirectory jurisdictions;
	private final ApplicationEventPublisher events;
	private final Households households;
	private final ResidentCounts counts;
	private final Clock clock;
	private final ResidentNameGrams grams;

	Residents(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit, JurisdictionDirectory jurisdictions,
			ApplicationEventPublisher events, Households households, ResidentCounts counts, Clock clock,
			ResidentNameGrams grams) {
		this.grams = grams;
		this.counts = counts;
		this.clock = clock;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.jurisdictions = jurisdictions;
		this.events = events;
		this.households = households;
	}

	/** Residents in the caller's scope matching the query, ordered by grid and registration. */
	@Transactional(readOnly = true)
	public ListPage<ResidentView> search(CurrentUser user, ResidentQuery query, Pageable pageable) {
		return search(user, query, pageable, null);
	}

	/**
	 * Residents in the caller's scope matching the query, ordered by grid and registration: the page of
	 * {@code pageable}, or with a cursor {@code after} (the {@link ListPage#next()} of an earlier page) the
	 * {@code pageable.getPageSize()} residents after it, however deep (no offset to skip). The total is exact below
	 * {@link ResidentCounts#EXACT_COUNT_LIMIT} residents in the searched area, otherwise an estimate ({@link ListPage#isTotalEstimated()}).
	 */
	@Transactional(readOnly = true)
	public ListPage<ResidentView> search(CurrentUser user, ResidentQuery query, Pageable pageable,
			@Nullable String after) {
		Filter filter = filter(user, query);
		ResidentCursor cursor = after == null || after.isBlank() ? null : ResidentCursor.parse(after);
		StringBuilder where = new StringBuilder(filter.where);
		List<Object> pageParams = filter.allParams();
		if (cursor != null) {
			// (grid_code, id) > cursor, written so that both databases range-scan the (grid_code, id) index
			where.append(" AND r.grid_code >= ? AND (r.grid_code > ? OR r.id > ?)");
			pageParams.add(cursor.gridCode());
			pageParams.add(cursor.gridCode());
			pageParams.add(cursor.id());
		}
		int size = pageable.getPageSize();
		long area = counts.total(filter.areaCondition("g.grid_code"), filter.areaParams);
		long offset = cursor == null ? pageable.getOffset() : 0;
		if (offset > counts.exactCountLimit() && area > counts.exactCountLimit() && !filter.narrowed) {
			// a deep page by number of an unfiltered list in a large area: the counters say in which grid it starts,
			// so the database skips whole grids by the index instead of reading the offset's rows
			Map.Entry<String, Long> start = counts.gridAt(filter.areaCondition("g.grid_code"), filter.areaParams,
					offset);
			if (start != null) {
				where.append(" AND r.grid_code >= ?");
				pageParams.add(start.getKey());
				offset -= start.getValue();
			}
		}
		pageParams.add(size + 1);
		pageParams.add(offset);
		List<ResidentView> rows = jdbc.sql("SELECT " + COLUMNS + filter.from + where
				+ " ORDER BY r.grid_code, r.id LIMIT ? OFFSET ?").params(pageParams).query(Residents::row).list();
		boolean more = rows.size() > size;
		if (more) {
			rows = rows.subList(0, size);
		}
		String next = more ? new ResidentCursor(rows.get(size - 1).gridCode(), rows.get(size - 1).id()).toString() : null;
		Pageable paged = cursor == null ? pageable : PageRequest.of(0, size);
		long seen = (cursor == null ? pageable.getOffset() : 0) + rows.size() + (more ? 1 : 0);
		Total total = total(filter, area, seen);
		return new ListPage<>(withTags(rows), paged, total.value, total.estimated, next, cursor != null);
	}

	private record Total(long value, boolean estimated) {
	}

	/**
	 * The total of a search: exact when the searched area (by the counters) holds at most the threshold; else the
	 * counters' sum for an unfiltered list; for a text search whose candidates the text indexes read, their count
	 * up to the threshold; for a single common character its index rows ({@link #oneCharacterTotal}); otherwise
	 * (and for a tag) the matches among the first grids holding the threshold's number of residents, scaled to the
	 * area. Estimates are rounded to two significant digits and never less than the rows the page has shown to
	 * exist ({@code seen}).
	 */
	private Total total(Filter filter, long area, long seen) {
		if (area <= counts.exactCountLimit()) {
			return new Total(exactCount(filter), false);
		}
		if (!filter.narrowed) {
			return new Total(Math.max(area, seen), true);
		}
		if (filter.indexedText) {
			// the text index finds the matches without scanning the area: count them unless there are many
			long found = jdbc.sql("SELECT COUNT(*) FROM (SELECT r.id" + filter.from + filter.where + " LIMIT ?) x")
					.params(filter.allParams(counts.exactCountLimit() + 1)).query(Long.class).single();
			if (found <= counts.exactCountLimit()) {
				return new Total(found, false);
			}
		}
		if (filter.gramEstimate != null) {
			Long estimate = filter.gramEstimate.get();
			if (estimate != null) {
				return new Total(Math.max(roughly(estimate), seen), true);
			}
		}
		Map.Entry<String, Long> sample = counts.sampleBoundary(filter.areaCondition("g.grid_code"), filter.areaParams,
				counts.exactCountLimit());
		if (sample == null) {
			return new Total(exactCount(filter), false);
		}
		List<Object> params = filter.allParams(sample.getKey());
		long matches = jdbc.sql("SELECT COUNT(*)" + filter.from + filter.where + " AND r.grid_code <= ?").params(params)
				.query(Long.class).single();
		long estimate = roughly(Math.round((double) matches * area / sample.getValue()));
		return new Total(Math.max(estimate, seen), true);
	}

	/** {@code n} rounded to two significant digits. */
	static long roughly(long n) {
		if (n < 100) {
			return n;
		}
		long unit = (long) Math.pow(10, (long) Math.floor(Math.log10(n)) - 1);
		return Math.round((double) n / unit) * unit;
	}

	private long exactCount(Filter filter) {
		return jdbc.sql("SELECT COUNT(*)" + filter.from + filter.where).params(filter.allParams()).query(Long.class)
				.single();
	}

	/**
	 * The WHERE of a search (scope, jurisdiction, text, tag) with its parameters; the area part (scope and
	 * jurisdiction only) again for the per-grid counters; {@code narrowed} when a text or tag filter applies. The
	 * FROM clause with its own parameters (bound before the WHERE's): for a text search it starts from the
	 * matches the name index and the households' texts give ({@code indexedText}), else from the residents.
	 */
	private record Filter(String from, List<Object> fromParams, String where, List<Object> params,
			List<String> scopePrefixes, @Nullable String prefix, List<Object> areaParams, boolean narrowed,
			boolean indexedText, java.util.function.@Nullable Supplier<@Nullable Long> gramEstimate) {

		/** The FROM's then the WHERE's parameters, then {@code more}. */
		List<Object> allParams(Object... more) {
			List<Object> all = new ArrayList<>(fromParams);
			all.addAll(params);
			all.addAll(List.of(more));
			return all;
		}

		String areaCondition(String column) {
			return scopePrefixes.isEmpty() ? "1 = 0"
					: "(" + String.join(" OR ", scopePrefixes.stream().map(p -> column + " LIKE '" + p + "%'").toList())
							+ ")" + (prefix == null ? "" : " AND " + column + " LIKE '" + prefix + "'");
		}
	}

	private Filter filter(CurrentUser user, ResidentQuery query) {
		requireReader(user);
		List<String> scope = user.scope().prefixes();
		StringBuilder where = new StringBuilder(" WHERE " + (scope.isEmpty() ? "1=0"
				: "(" + String.join(" OR ", scope.stream().map(p -> codeRange("r.grid_code", p)).toList()) + ")"));
		List<Object> params = new ArrayList<>();
		String prefix = null;
		String codePrefix = null;
		if (query.jurisdiction() != null && !query.jurisdiction().isBlank()) {
			String code = query.jurisdiction().trim();
			if (!JurisdictionCode.isValid(code)) {
				throw new InvalidInputException("jurisdiction.unknown", code);
			}
			if (!user.scope().covers(code)) {
				throw new OutOfScopeException("jurisdiction", code);
			}
			prefix = JurisdictionCode.of(code).prefix();
			codePrefix = prefix;
			where.append(" AND ").append(codeRange("r.grid_code", prefix));
			prefix = prefix + "%";
		}
		List<Object> areaParams = new ArrayList<>(params);
		boolean narrowed = false;
		java.util.function.Supplier<@Nullable Long> gramEstimate = null;
		String from = FROM;
		List<Object> fromParams = new ArrayList<>();
		String q = query.q() == null ? "" : query.q().trim();
		if (!q.isEmpty()) {
			narrowed = true;
			if (IdNumber.isValid(q)) {
				where.append(" AND r.id_number_hash = ?");
				params.add(cipher.lookupHash(IdNumber.normalise(q)));
			}
			else if (PhoneNumber.isValid(q) && q.chars().filter(Character::isDigit).count() >= 7) {
				where.append(" AND r.phone_hash = ?");
				params.add(cipher.lookupHash(PhoneNumber.normalise(q)));
			}
			else {
				where.append(" AND (r.name LIKE ?" + Like.ESCAPE + " OR h.compound LIKE ?" + Like.ESCAPE
						+ " OR h.address LIKE ?" + Like.ESCAPE + ")");
				String like = Like.contains(q);
				params.add(like);
				params.add(like);
				params.add(like);
				boolean few = !scope.isEmpty() && fewCandidates(q, scope, codePrefix);
				from = few ? textMatches(q, scope, codePrefix, fromParams) : FROM;
				if (!few && !scope.isEmpty() && q.codePointCount(0, q.length()) == 1) {
					String text = q;
					String within = codePrefix;
					gramEstimate = () -> oneCharacterTotal(text, scope, within);
				}
			}
		}
		if (query.tag() != null && !query.tag().isBlank()) {
			narrowed = true;
			gramEstimate = null; // the text's index rows know nothing of tags
			where.append(" AND EXISTS (SELECT 1 FROM resident_tag t WHERE t.resident_id = r.id"
					+ " AND t.district_code = r.district_code AND t.tag = ?)");
			params.add(query.tag().trim());
		}
		return new Filter(from, fromParams, where.toString(), params, scope, prefix, areaParams, narrowed,
				!from.equals(FROM), gramEstimate);
	}

	/**
	 * Most candidates (residents whose name, or households whose compound or address, the text indexes say may
	 * contain the text) for which a text search starts from the indexes. With more, the matches are common enough
	 * that reading the area in list order finds a page's worth after a few thousand rows, and the total is
	 * estimated from a sample, so the search reads the residents in order instead.
	 */
	static final int MAX_INDEXED_CANDIDATES = 5_000;

	/** {@link #MAX_INDEXED_CANDIDATES}, lower in tests (the test district is small). */
	volatile int maxIndexedCandidates = MAX_INDEXED_CANDIDATES;

	/** Whether the text indexes hold at most {@link #maxIndexedCandidates} candidates for {@code q} in the area. */
	private boolean fewCandidates(String q, List<String> scope, @Nullable String codePrefix) {
		long found = 0;
		for (String[] table : new String[][] { { "resident_name_gram", "resident_id" },
				{ "household_text_gram", "household_id" } }) {
			List<Object> params = new ArrayList<>();
			String sql = "SELECT COUNT(*) FROM (SELECT 1 FROM " + grams(table[0], table[1],
					ResidentNameGrams.lookup(q), params) + " AND " + area(scope, codePrefix, "g0.grid_code")
					+ " LIMIT ?) x";
			params.add(maxIndexedCandidates + 1 - found);
			found += jdbc.sql(sql).params(params).query(Long.class).single();
			if (found > maxIndexedCandidates) {
				return false;
			}
		}
		return true;
	}

	/** Most households matching a text whose residents {@link #oneCharacterTotal} counts one household at a time. */
	static final int MAX_COUNTED_HOUSEHOLDS = 5_000;

	/**
	 * The matches of a one-character text in the area, from the text indexes: a single character's index rows are
	 * exactly the names (and compounds and addresses) holding it, so the names' rows plus the residents of the
	 * households found are the matches (a resident found both ways, or a name holding the character twice, counts
	 * twice: an estimate, shown as such). Null when more than {@link #MAX_COUNTED_HOUSEHOLDS} households match (a
	 * character of a village's name): then the total is sampled.
	 */
	private @Nullable Long oneCharacterTotal(String q, List<String> scope, @Nullable String codePrefix) {
		List<String[]> lookup = ResidentNameGrams.lookup(q);
		List<Object> homeParams = new ArrayList<>();
		String homes = "SELECT g0.household_id FROM " + grams("household_text_gram", "household_id", lookup,
				homeParams) + " AND " + area(scope, codePrefix, "g0.grid_code");
		List<Object> capped = new ArrayList<>(homeParams);
		capped.add(MAX_COUNTED_HOUSEHOLDS + 1);
		// index rows, capped (at least one per household found): stops early for a character of many addresses
		long households = jdbc.sql("SELECT COUNT(*) FROM (" + homes + " LIMIT ?) x").params(capped).query(Long.class)
				.single();
		if (households > MAX_COUNTED_HOUSEHOLDS) {
			return null;
		}
		List<Object> nameParams = new ArrayList<>();
		long names = jdbc.sql("SELECT COUNT(*) FROM " + grams("resident_name_gram", "resident_id", lookup, nameParams)
				+ " AND " + area(scope, codePrefix, "g0.grid_code")).params(nameParams).query(Long.class).single();
		long inHomes = households == 0 ? 0
				: jdbc.sql("SELECT COUNT(*) FROM resident r2 WHERE r2.household_id IN (" + homes + ")")
						.params(homeParams).query(Long.class).single();
		return names + inHomes;
	}

	/** The scope's code ranges (and the jurisdiction's) over {@code column}. */
	private static String area(List<String> scope, @Nullable String codePrefix, String column) {
		return "(" + String.join(" OR ", scope.stream().map(p -> codeRange(column, p)).toList()) + ")"
				+ (codePrefix == null ? "" : " AND " + codeRange(column, codePrefix));
	}

	/**
	 * {@code table g0 [JOIN table g1 ...] WHERE g0.c1 = ? ...}: the rows of a gram table holding every gram of
	 * {@code lookup} for the same {@code key}.
	 */
	private static String grams(String table, String key, List<String[]> lookup, List<Object> params) {
		StringBuilder sql = new StringBuilder(table + " g0");
		for (int k = 1; k < lookup.size(); k++) {
			sql.append(" JOIN ").append(table).append(" g").append(k).append(" ON g").append(k).append(".")
					.append(key).append(" = g0.").append(key).append(" AND g").append(k).append(".c1 = ? AND g")
					.append(k).append(".c2 = ?");
			params.add(lookup.get(k)[0]);
			params.add(lookup.get(k)[1]);
		}
		sql.append(" WHERE g0.c1 = ?");
		params.add(lookup.get(0)[0]);
		if (lookup.get(0)[1] != null) {
			sql.append(" AND g0.c2 = ?");
			params.add(lookup.get(0)[1]);
		}
		return sql.toString();
	}

	/**
	 * The FROM of a text search: the residents whose name the name index ({@link ResidentNameGrams}) says may
	 * contain the text, together with the residents of the households whose compound or address the household
	 * index says may contain it, both
	 * within the scope (and jurisdiction) by code range; the search's WHERE then checks each candidate's name,
	 * compound and address with {@code LIKE}. So the database reads the candidates instead of scanning the area.
	 */
	private static String textMatches(String q, List<String> scope, @Nullable String codePrefix,
			List<Object> fromParams) {
		java.util.function.Function<String, String> area = column -> area(scope, codePrefix, column);
		List<String[]> lookup = ResidentNameGrams.lookup(q);
		String names = "SELECT g0.resident_id AS id FROM " + grams("resident_name_gram", "resident_id", lookup,
				fromParams) + " AND " + area.apply("g0.grid_code");
		String homes = "SELECT r2.id FROM (SELECT DISTINCT g0.household_id FROM "
				+ grams("household_text_gram", "household_id", lookup, fromParams) + " AND "
				+ area.apply("g0.grid_code") + ") hm JOIN resident r2 ON r2.household_id = hm.household_id";
		return " FROM (" + names + " UNION " + homes + ") m JOIN resident r ON r.id = m.id"
				+ " LEFT JOIN household h ON h.id = r.household_id AND h.district_code = r.district_code";
	}

	/**
	 * {@code column LIKE 'prefix%'} for a code prefix (digits, validated), with the range the prefix spans written
	 * out as well: PostgreSQL uses a B-tree index for a LIKE prefix only under the C collation, and for a range
	 * always (digit strings sort the same in every collation).
	 */
	static String codeRange(String column, String prefix) {
		if (!prefix.chars().allMatch(c -> c >= '0' && c <= '9') || prefix.isEmpty()) {
			throw new IllegalArgumentException("not a code prefix: " + prefix);
		}
		String upper = new java.math.BigInteger(prefix).add(java.math.BigInteger.ONE).toString();
		String range = column + " >= '" + prefix + "'"
				+ (upper.length() > prefix.length() ? "" : " AND " + column + " < '"
						+ "0".repeat(prefix.length() - upper.length()) + upper + "'");
		return "(" + column + " LIKE '" + prefix + "%' AND " + range + ")";
	}

	/**
	 * How many residents the query finds in the caller's scope (what an export would carry, before its cap):
	 * counted exactly, whatever the size.
	 */
	@Transactional(readOnly = true)
	public long count(CurrentUser user, ResidentQuery query) {
		return exactCount(filter(user, query));
	}

	/** Most rows one export carries. */
	public static final int MAX_EXPORT_ROWS = 100_000;

	private static final int EXPORT_PAGE = 1_000;

	/**
	 * Hands the residents matching the query (masked, like the list) to {@code sink} page by page, at most
	 * {@link #MAX_EXPORT_ROWS}, and audits the export; returns the rows handed over.
	 */
	@Transactional(readOnly = true)
	public long export(CurrentUser user, ResidentQuery query, Consumer<ResidentView> sink) {
		long exported = 0;
		String after = null;
		do {
			ListPage<ResidentView> rows = search(user, query, PageRequest.of(0, EXPORT_PAGE), after);
			rows.forEach(sink);
			exported += rows.getNumberOfElements();
			after = rows.next();
		}
		while (after != null && exported < MAX_EXPORT_ROWS);
		audit.record("RESIDENT_EXPORT", "residents", query.jurisdiction(), AuditTrail.SUCCESS,
				"rows=" + exported + " masked");
		return exported;
	}

	/** One resident, scope-checked. */
	public ResidentView get(CurrentUser user, long id) {
		requireReader(user);
		ResidentView resident = find(id).orElseThrow(() -> new NotFoundException("resident.not.found", "" + id));
		if (!user.scope().covers(resident.gridCode())) {
			throw new OutOfScopeException("resident", String.valueOf(id));
		}
		return withTags(List.of(resident)).get(0);
	}

	/**
	 * The resident with this ID number in the district, masked, for another module matching a person it was told
	 * about by number (e.g. a close contact). Not scope-filtered: the caller already holds the number and must show
	 * nothing of the resident beyond its own user's scope.
	 */
	public java.util.Optional<ResidentView> findByIdNumber(String districtCode, String idNumber) {
		if (!IdNumber.isValid(idNumber)) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.district_code = ? AND r.id_number_hash = ?")
				.params(districtCode, cipher.lookupHash(IdNumber.normalise(idNumber))).query(Residents::row).optional();
	}

	/** The full ID number or phone of one resident in scope; the reason and the reveal are audited. */
	public String reveal(CurrentUser user, long id, String field, String reason) {
		if (!ResidentAccess.canReveal(user)) {
			audit.record("RESIDENT_REVEAL", "resident", String.valueOf(id), AuditTrail.DENIED, "role");
			throw new OutOfScopeException("resident", String.valueOf(id));
		}
		if (reason == null || reason.isBlank() || reason.trim().length() < 2 || reason.length() > 200) {
			throw new InvalidInputException("resident.reveal.reason");
		}
		String column = switch (field) {
			case "idNumber" -> "id_number_enc";
			case "phone" -> "phone_enc";
			default -> throw new InvalidInputException("resident.reveal.field", field);
		};
		ResidentView resident = get(user, id);
		String stored = jdbc.sql("SELECT " + column + " FROM resident WHERE id = ?").param(resident.id())
				.query(String.class).optional().orElse(null);
		audit.record("RESIDENT_REVEAL", "resident", String.valueOf(id), AuditTrail.SUCCESS,
				"field=" + field + "; reason=" + reason.trim());
		return stored == null ? "" : cipher.decrypt(stored);
	}

	/** Registers one resident (or updates the one with the same ID number) in a grid of the caller's scope. */
	@Transactional
	public ResidentView register(CurrentUser user, NewResident resident) {
		requireEditor(user);
		String grid = resident.gridCode().trim();
		if (!user.scope().covers(grid)) {
			throw new OutOfScopeException("grid", grid);
		}
		if (grid.length() != 15 || !jurisdictions.exists(grid)) {
			throw new InvalidInputException("resident.grid.unknown", grid);
		}
		if (resident.name() == null || resident.name().isBlank() || resident.name().trim().length() > 50) {
			throw new InvalidInputException("resident.name.invalid");
		}
		IdNumber.problemOf(resident.idNumber()).ifPresent(problem -> {
			throw new InvalidInputException("idNumber." + problem.name());
		});
		String phone = resident.phone() == null || resident.phone().isBlank() ? null
				: PhoneNumber.normalise(resident.phone());
		if (phone != null && !PhoneNumber.isValid(phone)) {
			throw new InvalidInputException("phone.invalid", Masked.phone(phone));
		}
		IdNumber idNumber = IdNumber.parse(resident.idNumber());
		String district = grid.substring(0, 6);
		long household = households.findOrCreate(district, grid, resident.compound(), resident.building(),
				resident.entrance(), resident.room(), resident.address());
		long id = upsert(district, grid, household, resident.name().trim(), idNumber, phone, "ACTIVE");
		for (String tag : resident.tags()) {
			tag(user, id, tag);
		}
		audit.record("RESIDENT_REGISTER", "resident", String.valueOf(id), AuditTrail.SUCCESS, "grid=" + grid);
		return get(user, id);
	}

	/**
	 * Inserts or updates (by ID number within the district) one resident; returns its id. The single write path
	 * shared with the bulk import, so both store the same encrypted, hashed and masked columns.
	 */
	long upsert(String district, String grid, long household, String name, IdNumber idNumber, @Nullable String phone,
			String status) {
		String hash = cipher.lookupHash(idNumber.value());
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<String> grids = new ArrayList<>(jdbc.sql("SELECT grid_code FROM resident WHERE district_code = ? AND id_number_hash = ?")
				.params(district, hash).query(String.class).list());
		grids.add(grid);
		int updated = jdbc.sql("""
				UPDATE resident SET grid_code = ?, household_id = ?, name = ?, phone_hash = ?, phone_enc = ?,
				phone_masked = ?, status = ?, version = version + 1, updated_at = ?
				WHERE district_code = ? AND id_number_hash = ?""")
				.params(grid, household, name, phone == null ? null : cipher.lookupHash(phone),
						phone == null ? null : cipher.encrypt(phone), phone == null ? null : Masked.phone(phone),
						status, now, district, hash)
				.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO resident (district_code, grid_code, household_id, name, id_number_hash, id_number_enc,
					id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(district, grid, household, name, hash, cipher.encrypt(idNumber.value()),
							Masked.idNumber(idNumber.value()), phone == null ? null : cipher.lookupHash(phone),
							phone == null ? null : cipher.encrypt(phone), phone == null ? null : Masked.phone(phone),
							idNumber.birthDate(), idNumber.genderCode(), status, now, now)
					.update();
		}
		counts.recount(grids);
		long id = jdbc.sql("SELECT id FROM resident WHERE district_code = ? AND id_number_hash = ?").params(district, hash)
				.query(Long.class).single();
		grams.replace(id);
		return id;
	}

	/** Moves a resident to a household of another grid; the old grid's worker no longer sees them. */
	@Transactional
	public ResidentView move(CurrentUser user, long id, ResidentMove move) {
		requireEditor(user);
		String gridCode = move.gridCode();
		ResidentView resident = get(user, id);
		if (!user.scope().covers(gridCode)) {
			throw new OutOfScopeException("grid", gridCode);
		}
		if (gridCode.length() != 15 || !jurisdictions.exists(gridCode)) {
			throw new InvalidInputException("resident.grid.unknown", gridCode);
		}
		String district = gridCode.substring(0, 6);
		long household = households.findOrCreate(district, gridCode, move.compound(), move.building(),
				move.entrance(), move.room(), move.address());
		jdbc.sql("""
				UPDATE resident SET grid_code = ?, household_id = ?, version = version + 1, updated_at = ?
				WHERE id = ?""").params(gridCode, household, OffsetDateTime.now(clock), id).update();
		grams.replace(id);
		counts.recount(List.of(resident.gridCode(), gridCode));
		audit.record("RESIDENT_MOVE", "resident", String.valueOf(id), AuditTrail.SUCCESS,
				resident.gridCode() + " -> " + gridCode);
		events.publishEvent(new ResidentMoved(id, resident.gridCode(), gridCode));
		return get(user, id);
	}

	/** Sets a care or follow-up tag, recording who set it and when it is to be reviewed. */
	@Transactional
	public void tag(CurrentUser user, long id, String tag) {
		requireEditor(user);
		ResidentView resident = get(user, id);
		Integer reviewDays = jdbc.sql("SELECT review_days FROM resident_tag_type WHERE code = ?").param(tag)
				.query(Integer.class).optional().orElseThrow(() -> new InvalidInputException("resident.tag.unknown", tag));
		if (resident.tags().contains(tag)) {
			return;
		}
		jdbc.sql("""
				INSERT INTO resident_tag (resident_id, district_code, tag, set_by, set_at, review_on)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, resident.gridCode().substring(0, 6), tag, user.username(), OffsetDateTime.now(clock),
						LocalDate.now(clock).plusDays(reviewDays))
				.update();
		audit.record("RESIDENT_TAG", "resident", String.valueOf(id), AuditTrail.SUCCESS, "+" + tag);
	}

	@Transactional
	public void untag(CurrentUser user, long id, String tag) {
		requireEditor(user);
		get(user, id);
		int removed = jdbc.sql("DELETE FROM resident_tag WHERE resident_id = ? AND tag = ?").params(id, tag).update();
		if (removed > 0) {
			audit.record("RESIDENT_TAG", "resident", String.valueOf(id), AuditTrail.SUCCESS, "-" + tag);
		}
	}

	/** The tag types with their names and legal basis. */
	public List<TagType> tagTypes() {
		return jdbc.sql("SELECT code, name_zh, name_en, legal_basis, review_days FROM resident_tag_type ORDER BY code")
				.query((rs, i) -> new TagType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5)))
				.list();
	}

	public record TagType(String code, String nameZh, String nameEn, String legalBasis, int reviewDays) {
	}

	/** Households of a grid in walking order with their member counts (for screening tasks; no personal data). */
	public List<HouseholdView> households(String gridCode) {
		return households.ofGrid(gridCode);
	}

	/** Active residents of a household (masked), for the grid worker's screening page. */
	public List<ResidentView> members(long householdId) {
		return withTags(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.household_id = ? AND r.status <> 'MOVED_OUT'"
				+ " ORDER BY r.id").param(householdId).query(Residents::row).list());
	}

	/**
	 * Records a person found in a household during screening as PENDING, for the community to confirm. Without a
	 * valid ID number nothing can be stored safely, so one is required.
	 */
	@Transactional
	public long registerPending(CurrentUser user, long householdId, String name, String idNumber,
			@Nullable String phone) {
		HouseholdView household = households.get(householdId)
				.orElseThrow(() -> new NotFoundException("household.not.found", "" + householdId));
		if (!user.scope().covers(household.gridCode())) {
			throw new OutOfScopeException("household", String.valueOf(householdId));
		}
		IdNumber.problemOf(idNumber).ifPresent(problem -> {
			throw new InvalidInputException("idNumber." + problem.name());
		});
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("resident.name.invalid");
		}
		String normalisedPhone = phone == null || phone.isBlank() ? null : PhoneNumber.normalise(phone);
		if (normalisedPhone != null && !PhoneNumber.isValid(normalisedPhone)) {
			throw new InvalidInputException("phone.invalid", Masked.phone(normalisedPhone));
		}
		IdNumber id = IdNumber.parse(idNumber);
		String district = household.gridCode().substring(0, 6);
		String hash = cipher.lookupHash(id.value());
		boolean known = jdbc.sql("SELECT COUNT(*) FROM resident WHERE district_code = ? AND id_number_hash = ?")
				.params(district, hash).query(Long.class).single() > 0;
		long residentId = known
				? jdbc.sql("SELECT id FROM resident WHERE district_code = ? AND id_number_hash = ?").params(district, hash)
						.query(Long.class).single()
				: upsert(district, household.gridCode(), householdId, name.trim(), id, normalisedPhone, "PENDING");
		audit.record("RESIDENT_FOUND", "resident", String.valueOf(residentId), AuditTrail.SUCCESS,
				"household=" + householdId + (known ? " (already registered)" : " (pending confirmation)"));
		return residentId;
	}

	/** Confirms a PENDING resident found in screening. */
	@Transactional
	public void confirm(CurrentUser user, long id) {
		requireEditor(user);
		get(user, id);
		jdbc.sql("UPDATE resident SET status = 'ACTIVE', updated_at = ? WHERE id = ? AND status = 'PENDING'")
				.params(OffsetDateTime.now(clock), id).update();
		audit.record("RESIDENT_CONFIRM", "resident", String.valueOf(id), AuditTrail.SUCCESS, null);
	}

	private java.util.Optional<ResidentView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.id = ?").param(id).query(Residents::row).optional();
	}

	private List<ResidentView> withTags(List<ResidentView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<String>> tags = new HashMap<>();
		List<Long> ids = rows.stream().map(ResidentView::id).toList();
		jdbc.sql("SELECT resident_id, tag FROM resident_tag WHERE resident_id IN (:ids) ORDER BY tag")
				.param("ids", ids)
				.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
				.forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream().map(r -> new ResidentView(r.id(), r.name(), r.idNumber(), r.phone(), r.gridCode(),
				r.householdId(), r.address(), tags.getOrDefault(r.id(), List.of()), r.status(), r.birthDate(),
				r.gender())).toList();
	}

	static ResidentView row(ResultSet rs, int i) throws SQLException {
		return new ResidentView(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
				rs.getString("phone_masked"), rs.getString("grid_code"), (Long) rs.getObject("household_id", Long.class),
				Address.format(rs.getString("compound"), rs.getString("building"), rs.getString("entrance"),
						rs.getString("room"), rs.getString("address")),
				List.of(), rs.getString("status"), rs.getObject("birth_date", LocalDate.class),
				(Integer) rs.getObject("gender", Integer.class));
	}

	private static void requireReader(CurrentUser user) {
		if (!ResidentAccess.canRead(user)) {
			throw new OutOfScopeException("residents", "role");
		}
	}

	private static void requireEditor(CurrentUser user) {
		if (!ResidentAccess.canEdit(user)) {
			throw new OutOfScopeException("residents", "edit");
		}
	}
}
