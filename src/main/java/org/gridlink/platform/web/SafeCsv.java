package org.gridlink.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.gridlink.platform.SpreadsheetCells;

/**
 * CSV downloads that Excel opens correctly (UTF-8 with a byte order mark, CRLF) and safely: a cell starting with
 * {@code = + - @} or a tab is prefixed with an apostrophe so a spreadsheet never runs it as a formula.
 */
final class SafeCsv {

	static final MediaType TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);
	static final String BOM = "\uFEFF";

	private SafeCsv() {
	}

	/** A printer that has written the BOM and the header row. */
	static CSVPrinter open(Writer out, List<String> header) throws IOException {
		out.write(BOM);
		CSVPrinter printer = CSVFormat.EXCEL.print(out);
		printer.printRecord(header);
		return printer;
	}

	static void row(CSVPrinter printer, Object... cells) throws IOException {
		Object[] safe = new Object[cells.length];
		for (int i = 0; i < cells.length; i++) {
			safe[i] = cell(cells[i]);
		}
		printer.printRecord(safe);
	}

	static String cell(Object value) {
		return SpreadsheetCells.text(value);
	}

	static HttpHeaders attachment(String filename) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(TYPE);
		headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
		return headers;
	}
}
