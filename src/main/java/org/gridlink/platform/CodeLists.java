package org.gridlink.platform;

import java.util.LinkedHashSet;
import java.util.Set;

/** Codes typed into a text area (jurisdiction codes of a scope or an assignment): one per line, or separated by commas, semicolons, spaces or bars. */
@org.springframework.modulith.NamedInterface("api")
public final class CodeLists {

	private CodeLists() {
	}

	/** The codes in the order typed, each once, without blanks. */
	public static Set<String> parse(String text) {
		Set<String> codes = new LinkedHashSet<>();
		for (String code : text.split("[\\s,，;；|、]+")) {
			if (!code.isBlank()) {
				codes.add(code.trim());
			}
		}
		return codes;
	}
}
