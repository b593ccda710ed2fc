package org.gridlink.shared;

/** The four levels of the jurisdiction tree. A town is a STREET-level node, a village a COMMUNITY-level one. */
public enum JurisdictionLevel {
	DISTRICT, STREET, COMMUNITY, GRID;

	/** The level below this one, or {@code null} for a grid. */
	public JurisdictionLevel child() {
		return switch (this) {
			case DISTRICT -> STREET;
			case STREET -> COMMUNITY;
			case COMMUNITY -> GRID;
			case GRID -> null;
		};
	}
}
