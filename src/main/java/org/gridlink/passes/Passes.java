package org.gridlink.passes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.PassToken;
import org.gridlink.passes.token.PassVerifier;
import org.gridlink.passes.token.RevocationList;
import org.gridlink.passes.token.SigningKey;
import org.gridlink.passes.token.TrustList;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Like;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.JurisdictionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.gridlink.shared.Masked;

/**
 * Person and vehicle passes. Community, street and center staff issue passes for zones inside their scope and
 * revoke them with a reason; every pass gets a signed code ({@code GL1:...}, see {@link PassToken}) that carries the
 * masked holder name or the plate, zones and window, and no ID number, phone or health data. Checkpoint roles verify
 * codes here (live keys and revocations, the same core as offline) or offline from the signed trust and revocation
 * lists.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Passes {

	static final int MAX_ZONES = 20;

	private final JdbcClient jdbc;
	private final KeyRing keys;
	private final PersonalDataCipher cipher;
	private final Jurisdictions jurisdictions;
	private final AuditTrail audit;
	private final PassAlgorithm defaultAlgorithm;
	private final Duration maxValidity;
	private final PassVerifier live;
	private final RevokedPasses revokedPasses;
	private final Clock clock;
	private final Checkpoints checkpoints;
	private final ZoneNames zoneNames;
	private final org.springframework.context.ApplicationEventPublisher events;

	Passes(JdbcClient jdbc, KeyRing keys, PersonalDataCipher cipher, Jurisdictions jurisdictions, AuditTrail audit,
			RevokedPasses revokedPasses, Checkpoints checkpoints, ZoneNames zoneNames,
			@Value("${gridlink.passes.algorithm:ES256}") PassAlgorithm defaultAlgorithm,
			@Value("${gridlink.passes.accepted-algorithms:ES256,SM2_SM3}") Set<PassAlgorithm> accepted,
			@Value("${gridlink.passes.max-validity:P90D}") Duration maxValidity, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.clock = clock;
		this.checkpoints = checkpoints;
		this.zoneNames = zoneNames;
		this.jdbc = jdbc;
		this.keys = keys;
		this.cipher = cipher;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.defaultAlgorithm = defaultAlgorithm;
		this.maxValidity = maxValidity;
		this.revokedPasses = revokedPasses;
		this.live = new PassVerifier(accepted, keys::find, revokedPasses::contains, null);
	}

	/** Issues a pass for zones inside the caller's scope and returns its id and signed code. */
	@Transactional
	public IssuedPass issue(CurrentUser user, NewPass pass) {
		PassAccess.require(user, PassAccess.ISSUERS, "issue");
		if (pass.type() == null) {
			throw new InvalidInputException("passes.type.invalid");
		}
		String holderName = pass.holderName() == null ? "" : pass.holderName().strip();
		String plate = null;
		String shown;
		if (pass.type() == PassType.VEHICLE) {
			plate = PassRules.normalisePlate(pass.plate() == null ? "" : pass.plate());
			if (!PassRules.validPlate(plate)) {
				throw new InvalidInputException("passes.plate.invalid", pass.plate() == null ? "" : pass.plate());
			}
			shown = plate;
		}
		else {
			if (holderName.isEmpty()) {
				throw new InvalidInputException("passes.holder.required");
			}
			shown = Masked.name(holderName);
		}
		if (holderName.length() > 50) {
			throw new InvalidInputException("passes.holder.invalid");
		}
		String purpose = pass.purpose() == null ? "" : pass.purpose().strip();
		if (purpose.isEmpty() || purpose.length() > 100) {
			throw new InvalidInputException("passes.purpose.invalid");
		}
		List<String> zones = zones(user, pass.zones());
		OffsetDateTime from = pass.validFrom();
		OffsetDateTime to = pass.validTo();
		Instant now = clock.instant();
		if (from == null || to == null || !to.isAfter(from) || !to.toInstant().isAfter(now)
				|| from.toInstant().isBefore(now.minus(Duration.ofDays(1)))
				|| Duration.between(from, to).compareTo(maxValidity) > 0) {
			throw new InvalidInputException("passes.window.invalid", maxValidity.toDays());
		}
		// the token counts whole seconds: store what is signed
		Instant validFrom = from.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Instant validTo = to.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String district = JurisdictionCode.of(zones.get(0)).districtCode();
		UUID id = UUID.randomUUID();
		SigningKey key = keys.signing(pass.algorithm() == null ? defaultAlgorithm : pass.algorithm());
		String code = PassToken.sign(
				new PassClaims(PassClaims.VERSION, id, pass.type(), shown, zones, validFrom, validTo, district), key);
		String kid = java.util.HexFormat.of().formatHex(key.kid());
		jdbc.sql("""
				INSERT INTO pass (id, district_code, type, holder_sealed, holder_masked, plate, purpose, zones, valid_from,
				valid_to, issued_by, issued_at, key_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, district, pass.type().name(), holderName.isEmpty() ? null : cipher.encrypt(holderName),
						pass.type() == PassType.VEHICLE ? plate : shown, plate, purpose, String.join(" ", zones),
						validFrom.atOffset(ZoneOffset.UTC), validTo.atOffset(ZoneOffset.UTC), user.username(),
						clock.instant().atOffset(ZoneOffset.UTC), kid, code)
				.update();
		for (String zone : zones) {
			jdbc.sql("INSERT INTO pass_zone (pass_id, district_code, zone_code) VALUES (?, ?, ?)")
					.params(id, district, zone).update();
		}
		audit.record("PASS_ISSUE", "pass", id.toString(), AuditTrail.SUCCESS,
				"type=" + pass.type() + " zones=" + String.join(",", zones) + " kid=" + kid);
		events.publishEvent(new PassesChanged(id));
		return new IssuedPass(id, code);
	}

	/** Revokes a pass whose zones all lie in the caller's scope; it never verifies again. */
	@Transactional
	public PassView revoke(CurrentUser user, UUID id, @Nullable String reason) {
		PassAccess.require(user, PassAccess.ISSUERS, "revoke");
		Pass.Revoked revoked = pass(id).revoke(user, reason, clock.instant());
		PassRevoked event = revoked.event();
		int updated = jdbc.sql("""
				UPDATE pass SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, version = ?
				WHERE id = ? AND version = ?""")
				.params(event.at().atOffset(ZoneOffset.UTC), event.by(), event.reason(), revoked.pass().version(), id,
						revoked.pass().version() - 1)
				.update();
		if (updated == 0) {
			// revoke is the only step after issue: whoever wrote first revoked it
			throw new InvalidInputException("passes.already.revoked");
		}
		revokedPasses.revokedInThisTransaction(event.passId());
		events.publishEvent(new PassesChanged(id));
		audit.record("PASS_REVOKE", "pass", id.toString(), AuditTrail.SUCCESS, "reason=" + event.reason());
		return find(id);
	}

	/** The pass as its steps see it. */
	private Pass pass(UUID id) {
		return jdbc.sql("SELECT id, zones, valid_from, valid_to, revoked_at, version FROM pass WHERE id = ?").param(id)
				.query((rs, n) -> new Pass(rs.getObject("id", UUID.class), Arrays.asList(rs.getString("zones").split(" ")),
						rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
						rs.getObject("valid_to", OffsetDateTime.class).toInstant(),
						instant(rs.getObject("revoked_at", OffsetDateTime.class)), rs.getLong("version")))
				.optional().orElseThrow(() -> new NotFoundException("passes.not.found", id.toString()));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	/** One pass with a zone in the caller's scope. */
	public PassView get(CurrentUser user, UUID id) {
		PassAccess.require(user, PassAccess.ISSUERS, "read");
		PassView pass = find(id);
		if (pass.zones().stream().noneMatch(user.scope()::covers)) {
			throw new OutOfScopeException("pass", id.toString());
		}
		return pass;
	}

	/** The pass's code as a QR image (PNG), for the pass shown on a phone or printed. */
	public byte[] qrPng(CurrentUser user, UUID id) {
		return PassQr.png(get(user, id).code(), 6);
	}

	/** Passes with a zone in the caller's scope, newest first (at most 200). */
	public List<PassView> list(CurrentUser user) {
		PassAccess.require(user, PassAccess.ISSUERS, "read");
		return jdbc.sql("SELECT * FROM pass p WHERE EXISTS (SELECT 1 FROM pass_zone z WHERE z.pass_id = p.id AND "
				+ user.scope().sqlCondition("z.zone_code") + ") ORDER BY issued_at DESC LIMIT 200").query(this::view)
				.list();
	}

	/** Passes with a zone in the caller's scope matching the filters, newest first, one page. */
	public Page<PassView> search(CurrentUser user, PassQuery query, Pageable page) {
		PassAccess.require(user, PassAccess.ISSUERS, "read");
		StringBuilder where = new StringBuilder("EXISTS (SELECT 1 FROM pass_zone z WHERE z.pass_id = p.id AND "
				+ user.scope().sqlCondition("z.zone_code") + ")");
		List<Object> params = new ArrayList<>();
		if (query.type() != null) {
			where.append(" AND p.type = ?");
			params.add(query.type().name());
		}
		if (query.status() != null) {
			where.append(switch (query.status()) {
				case REVOKED -> " AND p.revoked_at IS NOT NULL";
				case VALID -> " AND p.revoked_at IS NULL AND p.valid_to > ?";
				case EXPIRED -> " AND p.revoked_at IS NULL AND p.valid_to <= ?";
			});
			if (query.status() != PassStatus.REVOKED) {
				params.add(clock.instant().atOffset(ZoneOffset.UTC));
			}
		}
		String zone = query.zone() == null ? "" : query.zone().strip();
		if (!zone.isEmpty()) {
			if (!JurisdictionCode.isValid(zone)) {
				throw new InvalidInputException("passes.zone.unknown", zone);
			}
			where.append(" AND EXISTS (SELECT 1 FROM pass_zone y WHERE y.pass_id = p.id AND y.zone_code LIKE ?)");
			params.add(JurisdictionCode.of(zone).prefix() + "%");
		}
		String issuedBy = query.issuedBy() == null ? "" : query.issuedBy().strip();
		if (!issuedBy.isEmpty()) {
			where.append(" AND p.issued_by = ?");
			params.add(issuedBy);
		}
		String q = query.q() == null ? "" : query.q().strip();
		if (q.length() > 50) {
			throw new InvalidInputException("passes.search.invalid");
		}
		if (!q.isEmpty()) {
			String plateLike = "%" + likeEscaped(PassRules.normalisePlate(q)) + "%";
			where.append(" AND (p.plate LIKE ? ESCAPE '\\' OR p.holder_masked LIKE ? ESCAPE '\\')");
			params.add(plateLike);
			params.add("%" + likeEscaped(q) + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM pass p WHERE " + where).params(params).query(Long.class).single();
		List<PassView> rows = jdbc.sql("SELECT * FROM pass p WHERE " + where
				+ " ORDER BY p.issued_at DESC, p.id LIMIT " + page.getPageSize() + " OFFSET " + page.getOffset())
				.params(params).query(this::view).list();
		return new PageImpl<>(rows, page, total);
	}

	private static String likeEscaped(String text) {
		return Like.escape(text);
	}

	/** Verifies a code as a checkpoint does, with the live keys and revocations: never UNKNOWN. */
	public Verdict verify(CurrentUser user, String code) {
		return verify(user, code, null);
	}

	/**
	 * Verifies a code at a checkpoint the caller may see: a pass that would be valid but whose zones do not cover the
	 * checkpoint is {@code NOT_VALID_HERE} ({@link VerifyReason#OUTSIDE_ZONES}). Without a checkpoint, as
	 * {@link #verify(CurrentUser, String)}.
	 */
	public Verdict verify(CurrentUser user, String code, @Nullable Long checkpointId) {
		PassAccess.require(user, PassAccess.VERIFIERS, "verify");
		Checkpoint here = checkpointId == null ? null : checkpoints.get(user, checkpointId);
		Verdict verdict = verify(code, clock.instant());
		if (here != null && verdict.valid() && !here.admits(verdict.claims().zones())) {
			return Verdict.of(VerifyReason.OUTSIDE_ZONES, verdict.claims());
		}
		return verdict;
	}

	/**
	 * Names by code of the zones the passes still in their window carry, and of the communities and streets above
	 * them (at most 1,000 zones): what the checkpoint page can show offline.
	 */
	public Map<String, String> zoneNames(CurrentUser user) {
		PassAccess.require(user, PassAccess.VERIFIERS, "verify");
		List<String> zones = jdbc.sql("""
				SELECT DISTINCT z.zone_code FROM pass_zone z JOIN pass p ON p.id = z.pass_id
				WHERE p.revoked_at IS NULL AND p.valid_to > ? ORDER BY z.zone_code LIMIT 1000""")
				.param(clock.instant().atOffset(ZoneOffset.UTC)).query(String.class).list();
		Set<String> codes = new java.util.TreeSet<>();
		for (String zone : zones) {
			codes.add(zone);
			if (zone.length() == 15) {
				codes.add(zone.substring(0, 12));
			}
			codes.add(zone.substring(0, 9) + "000");
		}
		Map<String, String> names = new java.util.LinkedHashMap<>();
		for (String code : codes) {
			String name = zoneNames.name(code);
			if (!name.equals(code)) {
				names.put(code, name);
			}
		}
		return names;
	}

	/**
	 * The name of a zone (a jurisdiction), or its code when the code is unknown. From memory ({@link ZoneNames}): a
	 * jurisdiction import shows within about a second.
	 */
	public String zoneName(String code) {
		return zoneNames.name(code);
	}

	/** True when the user's roles may issue, list and revoke passes (community, street, center staff). */
	public boolean canIssue(CurrentUser user) {
		return user.roles().stream().anyMatch(PassAccess.ISSUERS::contains);
	}

	/** True when the user's roles may verify codes (checkpoint, police, property, grid worker, staff). */
	public boolean canVerify(CurrentUser user) {
		return user.roles().stream().anyMatch(PassAccess.VERIFIERS::contains);
	}

	/** The same verification at a given time (tests, replays). */
	Verdict verify(String code, Instant at) {
		return live.verify(code, at);
	}

	/** The signed list of trusted public keys (see {@link TrustList}). */
	public String trustList(CurrentUser user) {
		PassAccess.require(user, PassAccess.VERIFIERS, "trust-list");
		return trustList(clock.instant());
	}

	String trustList(Instant at) {
		Map<String, org.gridlink.passes.token.VerificationKey> trusted = keys.trusted();
		Map<String, byte[]> spki = keys.trustedSpki();
		List<TrustList.Entry> entries = trusted.keySet().stream().sorted()
				.map(kid -> new TrustList.Entry(trusted.get(kid).algorithm(), spki.get(kid))).toList();
		return TrustList.sign(at, districtCode(), entries, keys.listSigner(at));
	}

	/** The signed list of revoked passes still inside their window, as truncated hashes (see {@link RevocationList}). */
	public String revocations(CurrentUser user) {
		PassAccess.require(user, PassAccess.VERIFIERS, "revocations");
		return revocations(clock.instant());
	}

	String revocations(Instant at) {
		List<UUID> revoked = jdbc.sql("SELECT id FROM pass WHERE revoked_at IS NOT NULL AND valid_to > ?")
				.param(at.atOffset(ZoneOffset.UTC)).query(UUID.class).list();
		return RevocationList.sign(at, revoked, keys.listSigner(at));
	}

	/** The key id (hex) of the list-signing key, which offline verifiers pin. */
	public String listKeyId() {
		return java.util.HexFormat.of().formatHex(keys.listKey().kid());
	}

	/**
	 * Starts a rotation of the list key: the new key is announced inside the lists the current key signs for
	 * {@code gridlink.passes.list-key-overlap} (14 days) and signs them from then on. 409 while one is under way.
	 */
	public String rotateListKey(CurrentUser user) {
		PassAccess.require(user, PassAccess.KEY_KEEPERS, "rotate-list");
		String kid = keys.rotateList(clock.instant(), keys.listOverlap());
		if (kid == null) {
			throw new ConflictException("passes.list.rotation.pending");
		}
		audit.record("PASS_LIST_KEY_ROTATE", "passKey", kid, AuditTrail.SUCCESS,
				"from=" + clock.instant().plus(keys.listOverlap()));
		return kid;
	}

	/** All signing keys, without private parts. */
	public List<PassKey> keys(CurrentUser user) {
		PassAccess.require(user, PassAccess.KEY_KEEPERS, "keys");
		return keys.rows().stream().map(r -> new PassKey(r.kid(), r.purpose(), r.algorithm().name(), r.publicKey(),
				r.createdAt(), r.retiredAt(), r.withdrawnAt(), r.withdrawReason())).toList();
	}

	/** Starts a new signing key for the algorithm now; passes signed before still verify. */
	public String rotateKey(CurrentUser user, PassAlgorithm algorithm) {
		PassAccess.require(user, PassAccess.KEY_KEEPERS, "rotate");
		String kid = keys.rotate(algorithm);
		audit.record("PASS_KEY_ROTATE", "passKey", kid, AuditTrail.SUCCESS, "algorithm=" + algorithm);
		return kid;
	}

	/** Withdraws a pass key (e.g. leaked): every pass it signed fails verification from now on. */
	public void withdrawKey(CurrentUser user, String kid, @Nullable String reason) {
		PassAccess.require(user, PassAccess.KEY_KEEPERS, "withdraw");
		String why = Pass.reason(reason);
		if (!keys.withdraw(kid, user.username(), why)) {
			throw new NotFoundException("passes.key.not.found", kid);
		}
		audit.record("PASS_KEY_WITHDRAW", "passKey", kid, AuditTrail.SUCCESS, "reason=" + why);
	}

	private List<String> zones(CurrentUser user, @Nullable List<String> requested) {
		if (requested == null || requested.isEmpty() || requested.size() > MAX_ZONES) {
			throw new InvalidInputException("passes.zones.invalid", MAX_ZONES);
		}
		Set<String> zones = new LinkedHashSet<>();
		String district = null;
		for (String raw : requested) {
			String code = raw == null ? "" : raw.strip();
			if (!JurisdictionCode.isValid(code) || jurisdictions.find(code).isEmpty()) {
				throw new InvalidInputException("passes.zone.unknown", code);
			}
			if (!user.scope().covers(code)) {
				throw new OutOfScopeException("jurisdiction", code);
			}
			String d = JurisdictionCode.of(code).districtCode();
			if (district != null && !district.equals(d)) {
				throw new InvalidInputException("passes.zones.invalid", MAX_ZONES);
			}
			district = d;
			zones.add(code);
		}
		return new ArrayList<>(zones);
	}

	private String districtCode() {
		List<String> districts = jurisdictions.districtCodes();
		return districts.isEmpty() ? "" : JurisdictionCode.of(districts.get(0)).districtCode();
	}

	private PassView find(UUID id) {
		return jdbc.sql("SELECT * FROM pass WHERE id = ?").param(id).query(this::view).optional()
				.orElseThrow(() -> new NotFoundException("passes.not.found", id.toString()));
	}

	private PassView view(ResultSet rs, int row) throws SQLException {
		return new PassView(rs.getObject("id", UUID.class), rs.getString("district_code"),
				PassType.valueOf(rs.getString("type")), rs.getString("holder_masked"), rs.getString("plate"),
				rs.getString("purpose"), Arrays.asList(rs.getString("zones").split(" ")),
				rs.getObject("valid_from", OffsetDateTime.class), rs.getObject("valid_to", OffsetDateTime.class),
				rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class), rs.getString("key_id"),
				rs.getString("code"), rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_by"),
				rs.getString("revoke_reason"));
	}

}
