package org.gridlink.passes;

import java.time.Instant;
import java.util.UUID;

/** A pass was revoked: it never verifies again (the live verifier learns it when the revoking transaction commits). */
record PassRevoked(UUID passId, String by, String reason, Instant at) {
}
