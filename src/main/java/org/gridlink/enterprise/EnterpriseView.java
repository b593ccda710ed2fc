package org.gridlink.enterprise;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise as the registry's pages and API show it: personal data masked only ({@code legalRepresentative},
 * {@code contactPhone}); the full values through the audited reveal.
 */
public record EnterpriseView(long id, String creditCode, String name, @Nullable String industry,
		@Nullable String size, @Nullable String address, String gridCode, boolean keyEnterprise,
		@Nullable String legalRepresentative, @Nullable String contactPhone, OffsetDateTime createdAt, int version,
		int liaisonCount) {

	/** As the other parts of enterprise services see it. */
	public EnterpriseRef ref() {
		return new EnterpriseRef(id, creditCode, name, industry, size, gridCode, keyEnterprise, legalRepresentative);
	}
}
