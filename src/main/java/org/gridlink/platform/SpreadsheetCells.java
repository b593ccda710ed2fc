package org.gridlink.platform;

/**
 * Cells for files a spreadsheet opens (CSV downloads, error reports, templates): a cell starting with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so a spreadsheet never runs it as a
 * formula (CSV injection).
 */
@org.springframework.modulith.NamedInterface("api")
public final class SpreadsheetCells {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private SpreadsheetCells() {
	}

	/** The value as text that a spreadsheet shows as text; null is the empty cell. */
	public static String text(Object value) {
		String text = value == null ? "" : value.toString();
		if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	/** {@link #text} as one field of a hand-written CSV line: quoted when it holds a comma, quote or line break. */
	public static String csvField(Object value) {
		String text = text(value);
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
