package org.gridlink.jurisdiction;

import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;

/** One node of the tree. {@code kind} tells a street from a town and a community from a village. */
@org.springframework.modulith.NamedInterface("api")
public record JurisdictionNode(String code, String name, JurisdictionLevel level, String kind,
		@Nullable String parentCode) {
}
