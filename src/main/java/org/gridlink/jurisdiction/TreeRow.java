package org.gridlink.jurisdiction;

/** A node with the number of communities/villages and grids below it, for the tree page. */
@org.springframework.modulith.NamedInterface("api")
public record TreeRow(JurisdictionNode node, long communities, long grids) {
}
