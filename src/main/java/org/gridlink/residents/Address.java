package org.gridlink.residents;

import java.util.StringJoiner;

/** Formats address parts as one line for lists and exports. */
final class Address {

	private Address() {
	}

	static String format(String compound, String building, String entrance, String room, String address) {
		StringJoiner line = new StringJoiner(" ");
		for (String part : new String[] { compound, building, entrance, room, address }) {
			if (part != null && !part.isBlank()) {
				line.add(part.trim());
			}
		}
		return line.toString();
	}
}
