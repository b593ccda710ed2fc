package org.gridlink.residents;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What it takes to register a resident; the address parts place them in a household of the grid. */
public record NewResident(String name, String idNumber, @Nullable String phone, String gridCode, String compound,
		String building, String entrance, String room, String address, Set<String> tags) {
}
