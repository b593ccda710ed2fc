package org.gridlink.passes;

import java.util.UUID;

/**
 * A pass was issued or revoked (published in that transaction): the command center resyncs the valid passes from
 * {@link PassFacts}. Expiry publishes nothing; the command center also resyncs every few minutes.
 */
@org.springframework.modulith.NamedInterface("api")
public record PassesChanged(UUID passId) {
}
