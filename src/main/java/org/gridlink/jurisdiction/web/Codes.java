package org.gridlink.jurisdiction.web;

import java.util.LinkedHashSet;
import java.util.Set;

/** Codes typed into a text area: one per line, or separated by commas, semicolons or spaces. */
final class Codes {

	private Codes() {
	}

	static Set<String> parse(String text) {
		Set<String> codes = new LinkedHashSet<>();
		for (String code : text.split("[\\s,，;；|、]+")) {
			if (!code.isBlank()) {
				codes.add(code.trim());
			}
		}
		return codes;
	}
}
