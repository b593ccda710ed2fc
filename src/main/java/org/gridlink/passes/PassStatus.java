package org.gridlink.passes;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Where a pass stands now: VALID (not revoked and not ended; includes passes whose window starts later), EXPIRED, REVOKED. */
public enum PassStatus {
	VALID, EXPIRED, REVOKED;

	public static PassStatus of(PassView pass, OffsetDateTime now) {
		return of(pass.revokedAt() != null, pass.validTo().toInstant(), now.toInstant());
	}

	/** The rule: revoked for good, otherwise valid until the window ends. */
	static PassStatus of(boolean revoked, Instant validTo, Instant now) {
		return revoked ? REVOKED : now.isBefore(validTo) ? VALID : EXPIRED;
	}
}
