package org.gridlink.passes;

import java.time.OffsetDateTime;

/** Where a pass stands now: VALID (not revoked and not ended; includes passes whose window starts later), EXPIRED, REVOKED. */
public enum PassStatus {
	VALID, EXPIRED, REVOKED;

	public static PassStatus of(PassView pass, OffsetDateTime now) {
		return pass.revokedAt() != null ? REVOKED : now.isBefore(pass.validTo()) ? VALID : EXPIRED;
	}
}
