package org.gridlink.passes.token;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gridlink.passes.PassClaims;
import org.gridlink.passes.Verdict;
import org.gridlink.passes.VerifyReason;
import org.jspecify.annotations.Nullable;

/**
 * The verifier core, without Spring, shared by the server, the command-line verifier and the tests. Checks in order:
 * prefix, Base45, COSE structure, accepted algorithm, known key id (with the header's algorithm matching the key's),
 * signature, body, validity window (EXPIRED or NOT_YET_VALID), revocation, and, offline, the age of the lists: a
 * list older than 24 hours turns what would be VALID (or an unknown key, which a newer list may know) into UNKNOWN,
 * never green.
 */
public final class PassVerifier {

	/** The oldest a trust or revocation list may be for a VALID answer offline. */
	public static final Duration MAX_LIST_AGE = Duration.ofHours(24);

	/** Finds a trusted key by its 8-byte id; {@code null} when unknown or withdrawn. */
	public interface KeyLookup {
		@Nullable VerificationKey find(byte[] kid);
	}

	/** True when the pass has been revoked. */
	public interface RevocationLookup {
		boolean revoked(UUID passId);
	}

	private final Set<PassAlgorithm> accepted;
	private final KeyLookup keys;
	private final RevocationLookup revocations;
	private final @Nullable Instant listsIssuedAt;

	/**
	 * @param listsIssuedAt when the (older of the) offline lists was issued; {@code null} for the server's live
	 *        lookups, which are never stale
	 */
	public PassVerifier(Set<PassAlgorithm> accepted, KeyLookup keys, RevocationLookup revocations,
			@Nullable Instant listsIssuedAt) {
		this.accepted = EnumSet.copyOf(accepted);
		this.keys = keys;
		this.revocations = revocations;
		this.listsIssuedAt = listsIssuedAt;
	}

	/** An offline verifier over a checked trust list and revocation list. */
	public static PassVerifier offline(TrustList trust, RevocationList revoked, Set<PassAlgorithm> accepted) {
		Map<String, VerificationKey> byKid = new HashMap<>();
		for (VerificationKey key : trust.keys()) {
			byKid.put(key.kidHex(), key);
		}
		Instant oldest = trust.issuedAt().isBefore(revoked.issuedAt()) ? trust.issuedAt() : revoked.issuedAt();
		return new PassVerifier(accepted, kid -> byKid.get(HexFormat.of().formatHex(kid)), revoked::revoked, oldest);
	}

	public Verdict verify(String code, Instant at) {
		PassToken.Parsed parsed;
		try {
			parsed = PassToken.parse(code.strip());
		}
		catch (TokenRejected ex) {
			return Verdict.of(ex.reason());
		}
		PassAlgorithm algorithm = PassAlgorithm.ofCose(parsed.algorithm()).orElse(null);
		if (algorithm == null || !accepted.contains(algorithm)) {
			return Verdict.of(VerifyReason.DISALLOWED_ALGORITHM);
		}
		VerificationKey key = parsed.kid().length == 8 ? keys.find(parsed.kid()) : null;
		if (key == null) {
			return Verdict.of(stale(at) ? VerifyReason.STALE_LIST : VerifyReason.UNKNOWN_KEY);
		}
		if (key.algorithm() != algorithm || !algorithm.verify(key.publicKey(), parsed.toBeSigned(), parsed.signature())) {
			return Verdict.of(VerifyReason.BAD_SIGNATURE);
		}
		PassClaims claims;
		try {
			claims = PassToken.claims(parsed.payload());
		}
		catch (TokenRejected ex) {
			return Verdict.of(ex.reason());
		}
		if (!at.isBefore(claims.validTo())) {
			return Verdict.of(VerifyReason.EXPIRED, claims);
		}
		if (at.isBefore(claims.validFrom())) {
			return Verdict.of(VerifyReason.NOT_YET_VALID, claims);
		}
		if (revocations.revoked(claims.passId())) {
			return Verdict.of(VerifyReason.REVOKED, claims);
		}
		if (stale(at)) {
			return Verdict.of(VerifyReason.STALE_LIST, claims);
		}
		return Verdict.of(VerifyReason.OK, claims);
	}

	private boolean stale(Instant at) {
		return listsIssuedAt != null && Duration.between(listsIssuedAt, at).compareTo(MAX_LIST_AGE) > 0;
	}
}
