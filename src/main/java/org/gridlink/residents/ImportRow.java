package org.gridlink.residents;

import java.util.Set;

import org.gridlink.shared.IdNumber;
import org.jspecify.annotations.Nullable;

/** A valid row of an import file, normalised: ready to be written. */
record ImportRow(long rowNumber, String gridCode, String name, IdNumber idNumber, @Nullable String phone,
		String compound, String building, String entrance, String room, String address, Set<String> tags) {

	String district() {
		return gridCode.substring(0, 6);
	}

	Households.Key household() {
		return new Households.Key(district(), gridCode, compound, building, entrance, room, address);
	}
}
