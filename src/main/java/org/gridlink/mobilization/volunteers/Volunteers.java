package org.gridlink.mobilization.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Like;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.shared.Masked;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers and party members registered with their home community (双报到): the public registration (consent
 * required, phone sealed), the community's decision, the scoped list with masked phones, the audited reveal, the
 * per-branch list of party members and a volunteer's own record.
 */
@Service
public class Volunteers {

	static final String COLUMNS = "v.id, v.community_code, v.name, v.phone_masked, v.party_member, v.unit_id, v.branch,"
			+ " v.skills, v.availability, v.status, v.username, v.registered_at";

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final Accounts accounts;
	private final Clock clock;
	private volatile @Nullable Map<String, String> communities;

	Volunteers(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit, Jurisdictions jurisdictions,
			Organization organization, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The communities (and villages) a person may register with: code to name, by code. */
	public Map<String, String> communities() {
		Map<String, String> known = communities;
		if (known == null || known.isEmpty()) {
			Map<String, String> all = new LinkedHashMap<>();
			jurisdictions.residentialGrids().stream().sorted(Comparator.comparing(g -> g.code()))
					.forEach(g -> all.putIfAbsent(g.code().substring(0, 12), g.parentName()));
			known = Map.copyOf(all);
			communities = known;
		}
		return new java.util.TreeMap<>(known);
	}

	/** The units a party member may name as their branch's: id to name. */
	public Map<Long, String> units() {
		Map<Long, String> units = new LinkedHashMap<>();
		organization.allUnits().stream().sorted(Comparator.comparingLong(UnitView::id))
				.forEach(u -> units.put(u.id(), u.name()));
		return units;
	}

	/** A person registers with their home community (public, no account); the community decides later. */
	@Transactional
	public Volunteer register(NewVolunteer input) {
		String community = input.communityCode() == null ? "" : input.communityCode().strip();
		if (!communities().containsKey(community)) {
			throw new InvalidInputException("volunteers.community.invalid");
		}
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			throw new InvalidInputException("volunteers.name.invalid");
		}
		String phone = PhoneNumber.normalise(input.phone());
		if (!PhoneNumber.isValid(phone)) {
			throw new InvalidInputException("volunteers.phone.invalid");
		}
		if (!Boolean.TRUE.equals(input.consent())) {
			throw new InvalidInputException("volunteers.consent.required");
		}
		boolean party = Boolean.TRUE.equals(input.partyMember());
		Long unitId = party ? input.unitId() : null;
		String branch = party ? blankToNull(input.branch()) : null;
		if (unitId != null && !units().containsKey(unitId)) {
			throw new InvalidInputException("volunteers.unit.invalid");
		}
		if (party && unitId == null && branch == null) {
			throw new InvalidInputException("volunteers.branch.required");
		}
		if (branch != null && branch.length() > 100) {
			throw new InvalidInputException("volunteers.branch.invalid");
		}
		String skills = input.skills() == null ? "" : input.skills().strip();
		String availability = input.availability() == null ? "" : input.availability().strip();
		if (skills.length() > 300 || availability.length() > 300) {
			throw new InvalidInputException("volunteers.text.long", 300);
		}
		String hash = cipher.lookupHash(phone);
		Long existing = jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE community_code = ? AND phone_hash = ?")
				.params(community, hash).query(Long.class).single();
		if (existing > 0) {
			throw new InvalidInputException("volunteers.already.registered");
		}
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer (community_code, name, phone_sealed, phone_hash, phone_masked, party_member, unit_id,
				branch, skills, availability, consent_at, status, badge_serial, registered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?)""")
				.params(community, name, cipher.encrypt(phone), hash, Masked.phone(phone), party, unitId, branch, skills,
						availability, now, now)
				.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("VOLUNTEER_REGISTER", "volunteer", String.valueOf(id), AuditTrail.SUCCESS,
				"community=" + community + " party=" + party);
		return find(id).orElseThrow();
	}

	/** Volunteers the user may see, newest first: by scope, or a unit's own party members. */
	public Page<Volunteer> list(CurrentUser user, @Nullable VolunteerStatus status, @Nullable Boolean partyMember,
			@Nullable String q, @Nullable String community, Pageable pageable) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(visible(user, "v"));
		if (status != null) {
			where.append(" AND v.status = ?");
			params.add(status.name());
		}
		if (partyMember != null) {
			where.append(" AND v.party_member = ?");
			params.add(partyMember);
		}
		if (q != null && !q.isBlank()) {
			if (q.strip().length() > 50) {
				throw new InvalidInputException("volunteers.search.invalid");
			}
			where.append(" AND v.name LIKE ?").append(Like.ESCAPE);
			params.add(Like.contains(q));
		}
		if (community != null && !community.isBlank()) {
			if (!community.strip().matches("\\d{12}")) {
				throw new InvalidInputException("volunteers.community.invalid");
			}
			where.append(" AND v.community_code = ?");
			params.add(community.strip());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM volunteer v WHERE " + where).params(params).query(Long.class)
				.single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(pageable.getPageSize());
		paged.add(pageable.getOffset());
		List<Volunteer> rows = shown(jdbc.sql("SELECT " + COLUMNS + " FROM volunteer v WHERE " + where
				+ " ORDER BY v.registered_at DESC, v.id DESC LIMIT ? OFFSET ?").params(paged).query(Volunteers::row)
				.list());
		return new PageImpl<>(rows, pageable, total);
	}

	/** The SQL condition of the volunteers the user may see (alias {@code a}). */
	static String visible(CurrentUser user, String a) {
		List<String> any = new ArrayList<>();
		if (VolunteerAccess.readsByScope(user)) {
			any.add(user.scope().sqlCondition(a + ".community_code"));
		}
		if (VolunteerAccess.readsByUnit(user)) {
			any.add("(" + a + ".party_member AND " + a + ".unit_id = " + user.unitId() + ")");
		}
		if (any.isEmpty()) {
			throw new AccessDeniedException("volunteers are for community staff and units");
		}
		return "(" + String.join(" OR ", any) + ")";
	}

	/** One volunteer the user may see. */
	public Volunteer get(CurrentUser user, long id) {
		Volunteer volunteer = find(id).orElseThrow(() -> new NotFoundException("volunteers.not.found",
				String.valueOf(id)));
		if (!canSee(user, volunteer)) {
			throw new OutOfScopeException("volunteer", String.valueOf(id));
		}
		return volunteer;
	}

	static boolean canSee(CurrentUser user, Volunteer v) {
		return VolunteerAccess.readsByScope(user) && user.scope().covers(v.communityCode())
				|| VolunteerAccess.readsByUnit(user) && v.partyMember() && user.unitId().equals(v.unitId())
				|| v.username() != null && v.username().equals(user.username());
	}

	public Optional<Volunteer> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer v WHERE v.id = ?").param(id).query(Volunteers::row)
				.optional().map(v -> shown(List.of(v)).get(0));
	}

	/** The volunteer record of a signed-in volunteer's account. */
	public Optional<Volunteer> mine(CurrentUser user) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer v WHERE v.username = ?").param(user.username())
				.query(Volunteers::row).optional().map(v -> shown(List.of(v)).get(0));
	}

	/**
	 * The community decides: APPROVED (optionally linking an account with the role VOLUNTEER), DECLINED, or LEFT (the
	 * volunteer no longer serves: the badge stops verifying). Audited.
	 */
	@Transactional
	public Volunteer decide(CurrentUser user, long id, @Nullable VolunteerStatus status, @Nullable String username) {
		Volunteer volunteer = managed(user, id);
		if (status == null || status == VolunteerStatus.PENDING) {
			throw new InvalidInputException("volunteers.decision.invalid");
		}
		String account = blankToNull(username);
		if (account != null) {
			AccountView view = accounts.find(account).filter(AccountView::enabled)
					.orElseThrow(() -> new InvalidInputException("volunteers.account.unknown", account));
			if (!view.roles().contains(Role.VOLUNTEER)) {
				throw new InvalidInputException("volunteers.account.role", account);
			}
			Long taken = jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE username = ? AND id <> ?").params(account, id)
					.query(Long.class).single();
			if (taken > 0) {
				throw new InvalidInputException("volunteers.account.taken", account);
			}
		}
		int serial = status == VolunteerStatus.LEFT ? 1 : 0;
		jdbc.sql("""
				UPDATE volunteer SET status = ?, username = COALESCE(?, username), decided_by = ?, decided_at = ?,
				badge_serial = badge_serial + ? WHERE id = ?""")
				.params(status.name(), account, user.username(), clock.instant().atOffset(ZoneOffset.UTC), serial, id)
				.update();
		audit.record("VOLUNTEER_" + status.name(), "volunteer", String.valueOf(id), AuditTrail.SUCCESS,
				"community=" + volunteer.communityCode() + (account == null ? "" : " account=" + account));
		return find(id).orElseThrow();
	}

	/** Revokes the volunteer's current badge (lost phone, misuse): badges shown before no longer verify. Audited. */
	@Transactional
	public void revokeBadge(CurrentUser user, long id) {
		managed(user, id);
		jdbc.sql("UPDATE volunteer SET badge_serial = badge_serial + 1 WHERE id = ?").param(id).update();
		audit.record("VOLUNTEER_BADGE_REVOKE", "volunteer", String.valueOf(id), AuditTrail.SUCCESS, null);
	}

	/** The full phone of one volunteer the user manages; needs a reason; the reveal is audited. */
	public String revealPhone(CurrentUser user, long id, @Nullable String reason) {
		if (!VolunteerAccess.canReveal(user)) {
			audit.record("VOLUNTEER_PHONE_REVEAL", "volunteer", String.valueOf(id), AuditTrail.DENIED, null);
			throw new AccessDeniedException("revealing a phone is for community staff");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 2 || why.length() > 200) {
			throw new InvalidInputException("volunteers.reveal.reason.invalid");
		}
		managed(user, id);
		String sealed = jdbc.sql("SELECT phone_sealed FROM volunteer WHERE id = ?").param(id).query(String.class)
				.single();
		audit.record("VOLUNTEER_PHONE_REVEAL", "volunteer", String.valueOf(id), AuditTrail.SUCCESS, "reason=" + why);
		return cipher.decrypt(sealed);
	}

	Volunteer managed(CurrentUser user, long id) {
		Volunteer volunteer = find(id).orElseThrow(() -> new NotFoundException("volunteers.not.found",
				String.valueOf(id)));
		if (!VolunteerAccess.canManage(user, volunteer.communityCode())) {
			throw new OutOfScopeException("volunteer", String.valueOf(id));
		}
		return volunteer;
	}

	/** Party members per branch unit (双报到), as the user may see them: unit (or branch name), then community. */
	public List<Volunteer> partyMembers(CurrentUser user, @Nullable Long unitId) {
		List<Object> params = new ArrayList<>();
		String where = visible(user, "v") + " AND v.party_member AND v.status = 'APPROVED'";
		if (unitId != null) {
			where += " AND v.unit_id = ?";
			params.add(unitId);
		}
		return shown(jdbc.sql("SELECT " + COLUMNS + " FROM volunteer v WHERE " + where
				+ " ORDER BY v.unit_id NULLS LAST, v.branch, v.community_code, v.name, v.id LIMIT 20000").params(params)
				.query(Volunteers::row).list());
	}

	/** Streams the party members the user sees (for the workbook), in the order of {@link #partyMembers}. */
	public void eachPartyMember(CurrentUser user, @Nullable Long unitId, Consumer<Volunteer> each) {
		partyMembers(user, unitId).forEach(each);
	}

	private List<Volunteer> shown(List<Volunteer> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Set<String> codes = new HashSet<>();
		rows.forEach(r -> codes.add(r.communityCode()));
		Map<String, String> names = jurisdictions.names(codes);
		Map<Long, String> units = rows.stream().anyMatch(r -> r.unitId() != null) ? units() : Map.of();
		return rows.stream().map(r -> new Volunteer(r.id(), r.communityCode(),
				names.getOrDefault(r.communityCode(), r.communityCode()), r.name(), r.phone(), r.partyMember(),
				r.unitId(), r.unitId() == null ? null : units.get(r.unitId()), r.branch(), r.skills(), r.availability(),
				r.status(), r.username(), r.registeredAt())).toList();
	}

	static Volunteer row(ResultSet rs, int n) throws SQLException {
		long unit = rs.getLong("unit_id");
		Long unitId = rs.wasNull() ? null : unit;
		return new Volunteer(rs.getLong("id"), rs.getString("community_code"), rs.getString("community_code"),
				rs.getString("name"), rs.getString("phone_masked"), rs.getBoolean("party_member"), unitId, null,
				rs.getString("branch"), rs.getString("skills"), rs.getString("availability"),
				VolunteerStatus.valueOf(rs.getString("status")), rs.getString("username"),
				rs.getObject("registered_at", OffsetDateTime.class));
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
