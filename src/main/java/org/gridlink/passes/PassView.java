package org.gridlink.passes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A pass as staff see it: the holder masked, never the full name. */
public record PassView(UUID id, String districtCode, PassType type, String holder, @Nullable String plate,
		String purpose, List<String> zones, OffsetDateTime validFrom, OffsetDateTime validTo, String issuedBy,
		OffsetDateTime issuedAt, String keyId, String code, @Nullable OffsetDateTime revokedAt,
		@Nullable String revokedBy, @Nullable String revokeReason) {

	/** The {@link PassStatus} as the pass's own page shows it: NOT_YET_VALID for a valid pass whose window starts later. */
	public String standing(OffsetDateTime now) {
		PassStatus status = PassStatus.of(this, now);
		return status == PassStatus.VALID && now.isBefore(validFrom) ? "NOT_YET_VALID" : status.name();
	}
}
