package org.gridlink.residents;

/** A household and its address parts, in walking order within a grid (compound, building, entrance, room). */
@org.springframework.modulith.NamedInterface("api")
public record HouseholdView(long id, String gridCode, String compound, String building, String entrance, String room,
		String address, int members) {

	/** The address as one line, e.g. {@code 金桥花园 3栋 2单元 501}. */
	public String label() {
		return Address.format(compound, building, entrance, room, address);
	}
}
