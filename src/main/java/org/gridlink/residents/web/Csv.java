package org.gridlink.residents.web;

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so that Excel never runs it as a formula. */
final class Csv {

	private Csv() {
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
