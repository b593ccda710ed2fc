package org.gridlink.jurisdiction;

import java.util.List;

/**
 * A node with its children counts: {@code children} direct children, and below it in all
 * {@code streets}, {@code communities} and {@code grids}. {@code path} lists the ancestors the caller may see.
 */
public record JurisdictionDetail(String code, String name, String level, String kind, String parentCode,
		long children, long streets, long communities, long grids, List<JurisdictionNode> path) {
}
