package org.gridlink.residents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.platform.InvalidInputException;

/**
 * Where a page of the residents list ended, in the list's order (grid code, then id): {@code <grid code>-<id>}. The
 * next page starts after it, so a deep page costs what the first does, and a resident registered meanwhile on an
 * earlier page shifts nothing. A cursor that is not one is bad input (400).
 */
record ResidentCursor(String gridCode, long id) {

	private static final Pattern FORM = Pattern.compile("(\\d{1,15})-(\\d{1,18})");

	static ResidentCursor parse(String text) {
		Matcher m = FORM.matcher(text.strip());
		if (!m.matches()) {
			throw new InvalidInputException("error.cursor");
		}
		return new ResidentCursor(m.group(1), Long.parseLong(m.group(2)));
	}

	@Override
	public String toString() {
		return gridCode + "-" + id;
	}
}
