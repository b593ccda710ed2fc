package org.gridlink.residents.web;

import org.gridlink.platform.SpreadsheetCells;

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so that Excel never runs it as a formula. */
final class Csv {

	private Csv() {
	}

	static String cell(String value) {
		return SpreadsheetCells.csvField(value);
	}
}
