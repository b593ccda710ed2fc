package org.gridlink.residents;

import org.jspecify.annotations.Nullable;

/** Where a resident moves: a grid and the address parts of the household there. Missing parts are empty. */
public record ResidentMove(String gridCode, String compound, String building, String entrance, String room,
		String address) {

	public ResidentMove(@Nullable String gridCode, @Nullable String compound, @Nullable String building,
			@Nullable String entrance, @Nullable String room, @Nullable String address) {
		this.gridCode = gridCode == null ? "" : gridCode.strip();
		this.compound = nz(compound);
		this.building = nz(building);
		this.entrance = nz(entrance);
		this.room = nz(room);
		this.address = nz(address);
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}
}
