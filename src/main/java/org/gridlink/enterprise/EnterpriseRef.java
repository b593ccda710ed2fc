package org.gridlink.enterprise;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise as the other parts of enterprise services see it: no personal data (the legal representative only
 * masked). {@code keyEnterprise} marks a key enterprise (重点企业), which gets an advisory team and the green channel.
 */
public record EnterpriseRef(long id, String creditCode, String name, @Nullable String industry, @Nullable String size,
		String gridCode, boolean keyEnterprise, @Nullable String legalRepresentativeMasked) {
}
