package org.gridlink.residents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.SpreadsheetCells;

/**
 * The downloads of the import pages and API: the template (CSV and Excel) and a job's rejected rows as CSV that
 * Excel opens correctly (UTF-8 with byte order mark) and safely (a cell starting with {@code = + - @} is prefixed
 * with an apostrophe so it never runs as a formula).
 */
public final class ImportDownloads {

	static final List<String> EXAMPLE = List.of("320819199003070012", "张三", "13812345678", "320819001001001",
			"翠苑小区", "3号楼", "2单元", "301", "ELDERLY_ALONE|低保", "");
	static final List<String> VILLAGE_EXAMPLE = List.of("320819198511230022", "李四", "", "320819101201001", "", "",
			"", "", "", "王庄村三组12号");

	private ImportDownloads() {
	}

	/** The CSV template: Chinese headers, an urban and a village example row. */
	public static byte[] templateCsv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, printer -> {
			printer.printRecord(ImportColumns.ALL.stream().map(c -> c[1]).toList());
			printer.printRecord(EXAMPLE);
			printer.printRecord(VILLAGE_EXAMPLE);
		});
		return out.toByteArray();
	}

	/** The same template as an Excel workbook, every cell text (so ID numbers keep all 18 characters). */
	public static byte[] templateXlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("residents");
			var text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			List<List<String>> rows = List.of(ImportColumns.ALL.stream().map(c -> c[1]).toList(), EXAMPLE,
					VILLAGE_EXAMPLE);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					var cell = row.createCell(c);
					cell.setCellStyle(text);
					cell.setCellValue(rows.get(r).get(c));
				}
			}
			for (int c = 0; c < ImportColumns.ALL.size(); c++) {
				sheet.setDefaultColumnStyle(c, text);
				sheet.setColumnWidth(c, 20 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes a job's rejected rows: row, column, value (masked), reason in Chinese and English. */
	public static void errorsCsv(ResidentImports imports, CurrentUser user, long id, OutputStream out) {
		write(out, printer -> {
			printer.printRecord("行号/row", "列/column", "值/value", "原因", "reason");
			imports.forEachError(user, id, e -> {
				try {
					printer.printRecord(e.row(), safe(e.column()), safe(e.value()), safe(e.reasonZh()),
							safe(e.reasonEn()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		});
	}

	static String safe(String text) {
		return SpreadsheetCells.text(text);
	}

	private interface Body {
		void print(CSVPrinter printer) throws IOException;
	}

	private static void write(OutputStream out, Body body) {
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			CSVPrinter printer = CSVFormat.EXCEL.print(writer);
			body.print(printer);
			printer.flush();
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
