package org.gridlink.residents;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to register a resident; the address parts place them in a household of the grid. Bound as it is
 * from the page's form and the API's JSON: missing texts are empty, missing tags none.
 */
public record NewResident(String name, String idNumber, @Nullable String phone, String gridCode, String compound,
		String building, String entrance, String room, String address, Set<String> tags) {

	public NewResident(@Nullable String name, @Nullable String idNumber, @Nullable String phone,
			@Nullable String gridCode, @Nullable String compound, @Nullable String building, @Nullable String entrance,
			@Nullable String room, @Nullable String address, @Nullable Set<String> tags) {
		this.name = nz(name);
		this.idNumber = nz(idNumber);
		this.phone = phone;
		this.gridCode = nz(gridCode);
		this.compound = nz(compound);
		this.building = nz(building);
		this.entrance = nz(entrance);
		this.room = nz(room);
		this.address = nz(address);
		this.tags = tags == null ? Set.of() : Set.copyOf(tags);
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}
}
