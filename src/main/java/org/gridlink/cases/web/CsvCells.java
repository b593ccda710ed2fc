package org.gridlink.cases.web;

import org.gridlink.platform.SpreadsheetCells;

/** One CSV cell: quoted when needed, and a leading =, +, - or @ neutralised so a spreadsheet never runs it. */
final class CsvCells {

	private CsvCells() {
	}

	static String cell(Object value) {
		return SpreadsheetCells.csvField(value);
	}
}
