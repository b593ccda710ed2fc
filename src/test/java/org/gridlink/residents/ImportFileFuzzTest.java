package org.gridlink.residents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.gridlink.platform.Scope;
import org.gridlink.support.Fuzz;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the residents import parser (issue 12) with {@link Fuzz}'s seeded inputs: arbitrary bytes, CSV-like text in
 * four charsets and .xlsx workbooks (well-formed, with hostile cell references, and with bytes flipped, inserted,
 * deleted or cut off) go through {@link ImportFile#read} and every row through
 * {@link ImportColumns} and {@link ImportRules}, as {@code ImportRun} does. The only failure allowed is the
 * documented {@link ImportFile.NotATable}; every row problem is a {@link RowProblem}; nothing hangs.
 */
class ImportFileFuzzTest {

	static final int TRIES = 500;
	static final Duration LIMIT = Duration.ofSeconds(10);
	static final String GRID = "320819001001001";
	final ImportRules rules = new ImportRules(Set.of(GRID), Scope.of(Set.of("320819001001")),
			Map.of("LOW_INCOME", "LOW_INCOME", "低保", "LOW_INCOME"), null);

	/** Reads the bytes as an import would; answers the rows seen, or the NotATable key. */
	String parse(byte[] bytes) {
		return assertTimeoutPreemptively(LIMIT, () -> {
			List<RowProblem> problems = new ArrayList<>();
			long[] rows = { 0 };
			ImportColumns[] columns = { null };
			try {
				ImportFile.estimateRows(bytes);
				ImportFile.read(bytes, (number, cells) -> {
					rows[0]++;
					assertThat(number).isPositive();
					if (columns[0] == null) {
						columns[0] = ImportColumns.of(cells);
						rules.missingColumns(columns[0]);
					}
					else {
						rules.check(number, cells, columns[0], problems);
					}
				});
			}
			catch (ImportFile.NotATable ex) {
				assertThat(ex.messageKey()).startsWith("imports.file.");
				return ex.messageKey();
			}
			assertThat(problems).allSatisfy(p -> assertThat(p.messageKey()).startsWith("imports."));
			return "rows " + rows[0];
		});
	}

	@Test
	void anyBytes() {
		Fuzz.run(TRIES, f -> f.bytes(3000), this::parse);
	}

	@Test
	void csvText() {
		Fuzz.run(TRIES, f -> csv(table(f), f.oneOf(CHARSETS), f.bool()), this::parse);
	}

	@Test
	void xlsxWorkbooks() {
		Fuzz.run(60, f -> {
			byte[] workbook = workbook(table(f));
			return f.bool() ? workbook : f.mutate(workbook, 4);
		}, this::parse);
	}

	@Test
	void xlsxCellReferences() {
		Fuzz.run(50, f -> f.bool() ? f.string("AZaz019$-", 0, 12) : f.string(Fuzz.range('A', 'Z'), 1, 9) + "2",
				reference -> parse(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>"
						+ "<row r=\"2\"><c r=\"" + reference + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>")));
	}

	/** Found by this fuzzer: a cell at column ZZZZZZ made the reader fill hundreds of millions of empty cells. */
	@Test
	void aFarAwayCellIsRefusedNotFilled() {
		assertThat(parse(sheet("<row r=\"1\"><c r=\"ZZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")))
				.isEqualTo("imports.file.notTable");
	}

	static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"),
			StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1);

	/** Up to 6 rows of up to 8 cells: any text, digits and separators, or values the rules know (and formulas). */
	static List<List<String>> table(Fuzz f) {
		return f.list(6, () -> f.list(8, () -> f.either(() -> f.string(30),
				() -> f.string("0123456789Xx １２３ \"\r\n,;|", 0, 20),
				() -> f.oneOf("110105194912310020", "11010519491231002X", GRID, "低保", "=cmd|' /C calc'!A0", "", " ",
						"\uFEFF", "\u0000", "\uD800", "张三"))));
	}

	/** The table as CSV text under the import's header, each cell quoted or not, encoded in {@code charset}. */
	static byte[] csv(List<List<String>> table, Charset charset, boolean quote) {
		StringBuilder text = new StringBuilder("身份证号,姓名,手机号,网格编码,标签,地址\n");
		for (List<String> row : table) {
			for (int i = 0; i < row.size(); i++) {
				String cell = row.get(i);
				text.append(i == 0 ? "" : ",").append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
			}
			text.append(quote ? "\r\n" : "\n");
		}
		return text.toString().getBytes(charset);
	}

	static byte[] workbook(List<List<String>> table) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet();
			Row header = sheet.createRow(0);
			String[] names = { "身份证号", "姓名", "网格编码", "标签" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			for (int r = 0; r < table.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < table.get(r).size(); c++) {
					row.createCell(c).setCellValue(table.get(r).get(c).replace("\u0000", "").replace("\uD800", ""));
				}
			}
			book.write(out);
			book.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A minimal workbook whose first sheet holds the given rows. */
	static byte[] sheet(String rows) {
		Map<String, String> parts = Map.of("[Content_Types].xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
						+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
						+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
						+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
						+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
						+ "</Types>",
				"_rels/.rels",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
						+ "</Relationships>",
				"xl/workbook.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
						+ "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
				"xl/_rels/workbook.xml.rels",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
						+ "</Relationships>",
				"xl/worksheets/sheet1.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
						+ rows + "</sheetData></worksheet>");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}
}
