package org.gridlink.cases.web;

/** One CSV cell: quoted when needed, and a leading =, +, - or @ neutralised so a spreadsheet never runs it. */
final class CsvCells {

	private CsvCells() {
	}

	static String cell(Object value) {
		String text = value == null ? "" : value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
