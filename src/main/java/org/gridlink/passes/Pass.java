package org.gridlink.passes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;

/**
 * A pass's life, the rules of its steps in one place: issued, then VALID until its window ends (EXPIRED) unless staff
 * revoke it first (REVOKED, for good). A step checks the state and answers the new state and the event it raises;
 * {@link Passes} loads the pass, asks, and writes the answer under the version it read. No Spring, no database.
 */
record Pass(UUID id, List<String> zones, Instant validFrom, Instant validTo, @Nullable Instant revokedAt,
		long version) {

	static final int MAX_REASON = 200;

	/** Where the pass stands at {@code now}. */
	PassStatus status(Instant now) {
		return PassStatus.of(revokedAt != null, validTo, now);
	}

	/** Revoked by {@code by} for {@code reason}: the pass and the event. */
	record Revoked(Pass pass, PassRevoked event) {
	}

	/**
	 * Revokes the pass: the caller's scope must cover every zone, a reason (1-200 characters) is required, and a
	 * revoked pass stays revoked. An expired pass may still be revoked (it then never verifies in a replay either).
	 */
	Revoked revoke(CurrentUser by, @Nullable String reason, Instant now) {
		if (!zones.stream().allMatch(by.scope()::covers)) {
			throw new OutOfScopeException("pass", id.toString());
		}
		String why = reason(reason);
		if (revokedAt != null) {
			throw new InvalidInputException("passes.already.revoked");
		}
		return new Revoked(new Pass(id, zones, validFrom, validTo, now, version + 1),
				new PassRevoked(id, by.username(), why, now));
	}

	/** A reason given for a revocation or a key withdrawal: stripped, 1-200 characters. */
	static String reason(@Nullable String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > MAX_REASON) {
			throw new InvalidInputException("passes.reason.invalid");
		}
		return why;
	}
}
