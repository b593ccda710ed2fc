package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One hand-off case of another module's demo data, for {@link CaseManagement#demoHandOffs}: what
 * {@link CaseManagement#handOff} would open, with the times of the steps it went through since — reported, filed and
 * dispatched to {@code unitId} at {@code reportedAt} (without a unit: filed and left for the center); accepted by the
 * unit at {@code acceptedAt}; fed back at {@code handledAt}; verified by {@code verifier} at {@code verifiedAt}, passed
 * (verified and closed) or sent back for rework. A later step needs the earlier ones; null leaves the case where it
 * is.
 */
@org.springframework.modulith.NamedInterface("api")
public record DemoHandOff(String reporter, String categoryCode, String description, String jurisdictionCode,
		@Nullable Long unitId, String key, OffsetDateTime reportedAt, @Nullable OffsetDateTime acceptedAt,
		@Nullable OffsetDateTime handledAt, @Nullable OffsetDateTime verifiedAt, boolean passed, String verifier) {
}
