package org.gridlink.cases;

import org.jspecify.annotations.Nullable;

/**
 * A report: a minor class, what is wrong, and where — a jurisdiction code, or a point (WGS 84) that is located in
 * its grid. {@code reporterContact} (a resident's phone, say) is stored encrypted and shown masked.
 */
@org.springframework.modulith.NamedInterface("api")
public record NewCase(@Nullable String categoryCode, @Nullable String description, @Nullable String jurisdictionCode,
		@Nullable Double lat, @Nullable Double lng, @Nullable String address, CaseSource source,
		@Nullable String reporterContact) {
}
