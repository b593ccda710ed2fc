package org.gridlink.jurisdiction;

import java.util.List;

/**
 * A grid as a place where people live: its code, the name of its community or village, whether it is a village
 * grid (village addresses, no compounds) and the buildings of its compounds. No personal data.
 */
@org.springframework.modulith.NamedInterface("api")
public record ResidentialGrid(String code, String parentName, boolean village, List<Building> buildings) {

	public record Building(String compound, String name, int floors) {
	}
}
