package org.gridlink.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.Like;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.Masked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry (docs/enterprise.md): register and edit enterprises (the legal representative and the
 * contact phone sealed with {@link PersonalDataCipher}, kept masked beside), the scoped and filtered list, the
 * detail, the audited reveal and the liaisons assigned per enterprise. Who sees what is {@link EnterpriseDirectory}'s
 * rule, who may do what {@link EnterpriseAccess}'s.
 */
@Service
public class Enterprises {

	static final String COLUMNS = "e.id, e.credit_code, e.name, e.industry, e.size, e.address, e.grid_code, "
			+ "e.key_enterprise, e.legal_rep_masked, e.contact_phone_masked, e.created_at, e.version, "
			+ "(SELECT COUNT(*) FROM enterprise_liaison l WHERE l.enterprise_id = e.id) AS liaisons";

	private final JdbcClient jdbc;
	private final EnterpriseDirectory directory;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final JurisdictionDirectory places;
	private final Accounts accounts;
	private final Clock clock;
	private final EnterpriseRules rules;

	Enterprises(JdbcClient jdbc, EnterpriseDirectory directory, PersonalDataCipher cipher, AuditTrail audit,
			JurisdictionDirectory places, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.cipher = cipher;
		this.audit = audit;
		this.places = places;
		this.accounts = accounts;
		this.clock = clock;
		this.rules = new EnterpriseRules(code -> JurisdictionCode.isValid(code)
				&& JurisdictionCode.of(code).level() == org.gridlink.shared.JurisdictionLevel.GRID && places.exists(code));
	}

	static EnterpriseView row(ResultSet rs, int i) throws SQLException {
		return new EnterpriseView(rs.getLong(1), rs.getString(2).strip(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
				rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getInt(12), rs.getInt(13));
	}

	// ------------------------------------------------------------------ who may

	public boolean registersAny(CurrentUser user) {
		return EnterpriseAccess.registersAny(user);
	}

	public boolean seesAny(CurrentUser user) {
		return directory.seesAny(user);
	}

	public boolean mayEdit(CurrentUser user, EnterpriseView e) {
		return EnterpriseAccess.mayEdit(user, e.gridCode(), assigned(user, e.id()));
	}

	public boolean mayAssign(CurrentUser user, EnterpriseView e) {
		return EnterpriseAccess.mayAssign(user, e.gridCode());
	}

	public boolean mayReveal(CurrentUser user) {
		return EnterpriseAccess.mayReveal(user);
	}

	private boolean assigned(CurrentUser user, long id) {
		return user.has(Role.LIAISON) && jdbc.sql("SELECT COUNT(*) FROM enterprise_liaison WHERE enterprise_id = ? AND"
				+ " account_id = ?").params(id, user.id()).query(Long.class).single() > 0;
	}

	// ------------------------------------------------------------------ reading

	/** One enterprise the user sees; otherwise not found (404), also for an id that exists elsewhere. */
	public EnterpriseView get(CurrentUser user, long id) {
		directory.require(user, id);
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE e.id = ?").param(id).query(Enterprises::row)
				.single();
	}

	/** The enterprises the user sees, filtered, key enterprises first then by name. */
	public Page<EnterpriseView> list(CurrentUser user, EnterpriseFilter filter, Pageable pageable) {
		List<Object> params = new ArrayList<>();
		String where = where(user, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM enterprise e WHERE " + where).params(params).query(Long.class)
				.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<EnterpriseView> rows = jdbc.sql("SELECT " + COLUMNS + " FROM enterprise e WHERE " + where
				+ " ORDER BY e.key_enterprise DESC, e.name, e.id LIMIT ? OFFSET ?").params(pageParams)
				.query(Enterprises::row).list();
		return new PageImpl<>(rows, pageable, total);
	}

	private String where(CurrentUser user, EnterpriseFilter filter, List<Object> params) {
		StringBuilder where = new StringBuilder(directory.visibleSql(user, "e"));
		String place = EnterpriseRules.clean(filter.place());
		if (place != null) {
			if (!JurisdictionCode.isValid(place)) {
				throw new InvalidInputException("enterprise.filter.place.invalid", place);
			}
			where.append(" AND e.grid_code LIKE ?");
			params.add(JurisdictionCode.of(place).prefix() + "%");
		}
		String industry = EnterpriseRules.clean(filter.industry());
		if (industry != null) {
			where.append(" AND e.industry = ?");
			params.add(Industries.of(industry).orElseThrow(() -> new InvalidInputException(
					"enterprise.industry.invalid", industry)).code());
		}
		if (filter.key() != null) {
			where.append(" AND e.key_enterprise = ?");
			params.add(filter.key());
		}
		if (filter.noPhone()) {
			where.append(" AND e.contact_phone_sealed IS NULL");
		}
		String q = EnterpriseRules.clean(filter.q());
		if (q != null) {
			where.append(" AND (LOWER(e.name) LIKE ?" + Like.ESCAPE + " OR e.credit_code LIKE ?" + Like.ESCAPE + ")");
			params.add(Like.contains(q.toLowerCase(Locale.ROOT)));
			params.add(Like.contains(q.toUpperCase(Locale.ROOT)));
		}
		return where.toString();
	}

	/** Counts for the list header and the home page, within what the user sees (and the filter). */
	public EnterpriseCounts counts(CurrentUser user, EnterpriseFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(user, filter, params);
		return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN e.key_enterprise THEN 1 ELSE 0 END), 0), "
				+ "COALESCE(SUM(CASE WHEN e.contact_phone_sealed IS NULL THEN 1 ELSE 0 END), 0) FROM enterprise e WHERE "
				+ where).params(params)
				.query((rs, i) -> new EnterpriseCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	/**
	 * The streets and communities of the enterprises the user sees, code to name, for the place filter (a liaison's
	 * enterprises may lie anywhere).
	 */
	public Map<String, String> places(CurrentUser user) {
		Set<String> codes = new TreeSet<>();
		jdbc.sql("SELECT DISTINCT SUBSTRING(e.grid_code, 1, 12) FROM enterprise e WHERE " + directory.visibleSql(user, "e"))
				.query(String.class).list().forEach(community -> {
					codes.add(community.substring(0, 9) + "000");
					codes.add(community);
				});
		Map<String, String> names = places.names(codes);
		Map<String, String> out = new TreeMap<>();
		codes.forEach(c -> out.put(c, names.getOrDefault(c, c)));
		return out;
	}

	/** The names of places (grids, communities, streets) by code, for pages. */
	public Map<String, String> placeNames(java.util.Collection<String> codes) {
		return places.names(codes);
	}

	// ------------------------------------------------------------------ registering and editing

	/** Problems of the input, field to problem, for a form; the scope and uniqueness are checked on save. */
	public Map<String, InvalidInputException> problems(EnterpriseInput input) {
		return rules.problems(input);
	}

	EnterpriseRules rules() {
		return rules;
	}

	@Transactional
	public EnterpriseView register(CurrentUser user, EnterpriseInput input) {
		if (!EnterpriseAccess.registersAny(user)) {
			audit.record("enterprise.create", "enterprise", null, AuditTrail.DENIED, "role");
			throw new AccessDeniedException("registering enterprises is for center, street and community staff");
		}
		EnterpriseRules.Valid v = validOrThrow(input);
		if (!EnterpriseAccess.mayRegister(user, v.gridCode())) {
			throw new OutOfScopeException("grid", v.gridCode());
		}
		long id = insert(user.username(), v);
		audit.record("enterprise.create", "enterprise", String.valueOf(id), AuditTrail.SUCCESS,
				v.creditCode() + " grid " + v.gridCode() + (Boolean.TRUE.equals(v.key()) ? " key" : ""));
		return get(user, id);
	}

	private EnterpriseRules.Valid validOrThrow(EnterpriseInput input) {
		Map<String, InvalidInputException> problems = rules.problems(input);
		if (!problems.isEmpty()) {
			throw problems.values().iterator().next();
		}
		return EnterpriseRules.valid(input);
	}

	long insert(String username, EnterpriseRules.Valid v) {
		if (jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?").param(v.creditCode()).query(Long.class)
				.single() > 0) {
			throw new ConflictException("enterprise.creditCode.taken", v.creditCode());
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO enterprise (credit_code, name, legal_rep_sealed, legal_rep_masked, industry, size, address,
				grid_code, key_enterprise, contact_phone_sealed, contact_phone_masked, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(v.creditCode(), v.name(), seal(v.legalRepresentative()), maskName(v.legalRepresentative()),
						v.industry(), v.size(), v.address(), v.gridCode(), Boolean.TRUE.equals(v.key()),
						seal(v.contactPhone()), v.contactPhone() == null ? null : Masked.phone(v.contactPhone()), now(),
						username)
				.update(keys, "id");
		return Objects.requireNonNull(keys.getKey()).longValue();
	}

	/**
	 * Edits an enterprise: staff of its place (also moving it to another grid of their scope), or its liaison (not
	 * moving it, not changing the key flag). A blank legal representative or phone keeps the stored one.
	 */
	@Transactional
	public EnterpriseView update(CurrentUser user, long id, EnterpriseInput input) {
		EnterpriseView old = get(user, id);
		boolean staff = EnterpriseAccess.mayRegister(user, old.gridCode());
		if (!mayEdit(user, old)) {
			throw new OutOfScopeException("enterprise", String.valueOf(id));
		}
		EnterpriseRules.Valid v = validOrThrow(input);
		if (!v.gridCode().equals(old.gridCode()) && !(staff && EnterpriseAccess.mayRegister(user, v.gridCode()))) {
			throw new OutOfScopeException("grid", v.gridCode());
		}
		if (!staff && v.key() != null && v.key() != old.keyEnterprise()) {
			throw new OutOfScopeException("enterprise", String.valueOf(id));
		}
		apply(user.username(), id, v, old.keyEnterprise());
		audit.record("enterprise.update", "enterprise", String.valueOf(id), AuditTrail.SUCCESS,
				v.creditCode() + " grid " + v.gridCode());
		return get(user, id);
	}

	void apply(String username, long id, EnterpriseRules.Valid v, boolean oldKey) {
		if (jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ? AND id <> ?").params(v.creditCode(), id)
				.query(Long.class).single() > 0) {
			throw new ConflictException("enterprise.creditCode.taken", v.creditCode());
		}
		List<Object> params = new ArrayList<>(List.of(v.creditCode(), v.name()));
		StringBuilder set = new StringBuilder("credit_code = ?, name = ?");
		if (v.legalRepresentative() != null) {
			set.append(", legal_rep_sealed = ?, legal_rep_masked = ?");
			params.add(seal(v.legalRepresentative()));
			params.add(maskName(v.legalRepresentative()));
		}
		if (v.contactPhone() != null) {
			set.append(", contact_phone_sealed = ?, contact_phone_masked = ?");
			params.add(seal(v.contactPhone()));
			params.add(Masked.phone(v.contactPhone()));
		}
		set.append(", industry = ?, size = ?, address = ?, grid_code = ?, key_enterprise = ?, updated_at = ?,"
				+ " updated_by = ?, version = version + 1");
		params.addAll(java.util.Arrays.asList(v.industry(), v.size(), v.address(), v.gridCode(),
				v.key() == null ? oldKey : v.key(), now(), username, id));
		jdbc.sql("UPDATE enterprise SET " + set + " WHERE id = ?").params(params).update();
	}

	private @Nullable String seal(@Nullable String value) {
		return value == null ? null : cipher.encrypt(value);
	}

	private static @Nullable String maskName(@Nullable String value) {
		return value == null ? null : Masked.name(value);
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	// ------------------------------------------------------------------ reveal

	/** The full legal representative ({@code legalRepresentative}) or contact phone ({@code contactPhone}); audited. */
	public String reveal(CurrentUser user, long id, @Nullable String field, @Nullable String reason) {
		if (!EnterpriseAccess.mayReveal(user)) {
			audit.record("enterprise.reveal", "enterprise", String.valueOf(id), AuditTrail.DENIED, "role");
			throw new AccessDeniedException("revealing is for staff of the place and the enterprise's liaison");
		}
		String column = switch (field == null ? "" : field) {
			case "legalRepresentative" -> "legal_rep_sealed";
			case "contactPhone" -> "contact_phone_sealed";
			default -> throw new InvalidInputException("enterprise.reveal.field", String.valueOf(field));
		};
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 2 || why.length() > 200) {
			throw new InvalidInputException("enterprise.reveal.reason");
		}
		get(user, id);
		String sealed = jdbc.sql("SELECT " + column + " FROM enterprise WHERE id = ?").param(id).query(String.class)
				.optional().orElse(null);
		audit.record("enterprise.reveal", "enterprise", String.valueOf(id), AuditTrail.SUCCESS,
				"field=" + field + "; reason=" + why);
		return sealed == null ? "" : cipher.decrypt(sealed);
	}

	// ------------------------------------------------------------------ liaisons

	public List<Liaison> liaisons(CurrentUser user, long id) {
		get(user, id);
		List<Long> ids = jdbc.sql("SELECT account_id FROM enterprise_liaison WHERE enterprise_id = ? ORDER BY account_id")
				.param(id).query(Long.class).list();
		List<Liaison> out = new ArrayList<>();
		for (Long account : ids) {
			AccountView a = accounts.get(account);
			out.add(new Liaison(a.id(), a.username(), a.displayName()));
		}
		return out;
	}

	/** The enabled accounts with the liaison role in the district(s), for the assignment form. */
	public List<Liaison> liaisonCandidates() {
		return accounts.staffWithin(Set.of(Role.LIAISON), null, Scope.of(places.districtCodes())).stream()
				.filter(a -> a.roles().contains(Role.LIAISON))
				.map(a -> new Liaison(a.id(), a.username(), a.displayName())).toList();
	}

	@Transactional
	public void assignLiaison(CurrentUser user, long id, @Nullable String username) {
		EnterpriseView e = get(user, id);
		if (!EnterpriseAccess.mayAssign(user, e.gridCode())) {
			throw new OutOfScopeException("enterprise", String.valueOf(id));
		}
		AccountView account = accounts.find(username == null ? "" : username.strip())
				.filter(a -> a.enabled() && a.roles().contains(Role.LIAISON))
				.orElseThrow(() -> new InvalidInputException("enterprise.liaison.invalid", String.valueOf(username)));
		if (jdbc.sql("SELECT COUNT(*) FROM enterprise_liaison WHERE enterprise_id = ? AND account_id = ?")
				.params(id, account.id()).query(Long.class).single() == 0) {
			jdbc.sql("INSERT INTO enterprise_liaison (enterprise_id, account_id, assigned_at, assigned_by) VALUES"
					+ " (?, ?, ?, ?)").params(id, account.id(), now(), user.username()).update();
			audit.record("enterprise.liaison.assign", "enterprise", String.valueOf(id), AuditTrail.SUCCESS,
					"liaison " + account.username());
		}
	}

	@Transactional
	public void removeLiaison(CurrentUser user, long id, long accountId) {
		EnterpriseView e = get(user, id);
		if (!EnterpriseAccess.mayAssign(user, e.gridCode())) {
			throw new OutOfScopeException("enterprise", String.valueOf(id));
		}
		if (jdbc.sql("DELETE FROM enterprise_liaison WHERE enterprise_id = ? AND account_id = ?").params(id, accountId)
				.update() > 0) {
			audit.record("enterprise.liaison.remove", "enterprise", String.valueOf(id), AuditTrail.SUCCESS,
					"liaison " + accountId);
		}
	}

	/** Not found unless visible: for callers that hold an id only. */
	NotFoundException notFound(long id) {
		return new NotFoundException("enterprise.not.found", String.valueOf(id));
	}
}
