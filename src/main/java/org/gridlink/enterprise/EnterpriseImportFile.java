package org.gridlink.enterprise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an enterprise import file into rows of cells: CSV in UTF-8 (with or without byte order mark) or GB18030, or
 * the first sheet of an Excel workbook (.xlsx). Row numbers are the spreadsheet's (the header is row 1). A file that
 * is not a table ({@link NotATable}) is refused as a whole. Columns by English key or Chinese header, in any order.
 */
final class EnterpriseImportFile {

	static final int MAX_ROWS = 5_000;

	static final String CREDIT_CODE = "credit_code";
	static final String NAME = "name";
	static final String LEGAL_REP = "legal_representative";
	static final String INDUSTRY = "industry";
	static final String SIZE = "size";
	static final String ADDRESS = "address";
	static final String GRID = "grid_code";
	static final String KEY = "key";
	static final String PHONE = "contact_phone";

	/** English key and Chinese header, in template order. */
	static final List<String[]> COLUMNS = List.of(new String[] { CREDIT_CODE, "统一社会信用代码" },
			new String[] { NAME, "企业名称" }, new String[] { LEGAL_REP, "法定代表人" }, new String[] { INDUSTRY, "行业门类" },
			new String[] { SIZE, "规模" }, new String[] { ADDRESS, "地址" }, new String[] { GRID, "网格编码" },
			new String[] { KEY, "重点企业" }, new String[] { PHONE, "联系电话" });

	private static final Map<String, String> ALIASES = new HashMap<>();

	static {
		for (String[] c : COLUMNS) {
			ALIASES.put(c[0], c[0]);
			ALIASES.put(c[1], c[0]);
		}
		ALIASES.put("信用代码", CREDIT_CODE);
		ALIASES.put("creditcode", CREDIT_CODE);
		ALIASES.put("名称", NAME);
		ALIASES.put("法人", LEGAL_REP);
		ALIASES.put("legalrepresentative", LEGAL_REP);
		ALIASES.put("行业", INDUSTRY);
		ALIASES.put("企业规模", SIZE);
		ALIASES.put("网格", GRID);
		ALIASES.put("gridcode", GRID);
		ALIASES.put("grid", GRID);
		ALIASES.put("是否重点企业", KEY);
		ALIASES.put("电话", PHONE);
		ALIASES.put("contactphone", PHONE);
		ALIASES.put("phone", PHONE);
	}

	/** The file is not a table we can read; the message key says why. */
	static final class NotATable extends RuntimeException {

		NotATable(String messageKey) {
			super(messageKey);
		}

		String messageKey() {
			return getMessage();
		}
	}

	/** One data row: its spreadsheet number and cells by column key. */
	record Line(long number, Map<String, String> cells) {

		String get(String key) {
			return cells.getOrDefault(key, "");
		}
	}

	/** The header's columns (keys found) and the data rows, blank rows left out. */
	record Table(List<String> columns, List<Line> lines) {
	}

	private EnterpriseImportFile() {
	}

	static Table read(byte[] bytes) {
		if (bytes.length == 0) {
			throw new NotATable("enterprise.import.file.empty");
		}
		List<List<String>> rows = new ArrayList<>();
		List<Long> numbers = new ArrayList<>();
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			readXlsx(bytes, rows, numbers);
		}
		else {
			readCsv(bytes, rows, numbers);
		}
		int header = 0;
		while (header < rows.size() && rows.get(header).stream().allMatch(String::isBlank)) {
			header++;
		}
		if (header == rows.size()) {
			throw new NotATable("enterprise.import.file.empty");
		}
		Map<Integer, String> index = new HashMap<>();
		List<String> found = new ArrayList<>();
		List<String> head = rows.get(header);
		for (int i = 0; i < head.size(); i++) {
			String key = ALIASES.get(head.get(i).replace("\uFEFF", "").replaceAll("[\\s\u3000*_]+", "")
					.toLowerCase(Locale.ROOT).replace("legal_representative", "legalrepresentative"));
			if (key == null) {
				key = ALIASES.get(head.get(i).strip().toLowerCase(Locale.ROOT));
			}
			if (key != null && !found.contains(key)) {
				index.put(i, key);
				found.add(key);
			}
		}
		List<Line> lines = new ArrayList<>();
		for (int r = header + 1; r < rows.size(); r++) {
			List<String> cells = rows.get(r);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			if (lines.size() >= MAX_ROWS) {
				throw new NotATable("enterprise.import.file.tooManyRows");
			}
			Map<String, String> byKey = new HashMap<>();
			index.forEach((i, key) -> byKey.put(key, i < cells.size() ? cells.get(i).strip() : ""));
			lines.add(new Line(numbers.get(r), byKey));
		}
		return new Table(found, lines);
	}

	private static void readCsv(byte[] bytes, List<List<String>> rows, List<Long> numbers) {
		for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
			if (bytes[i] == 0) {
				throw new NotATable("enterprise.import.file.notTable");
			}
		}
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
		}
		catch (CharacterCodingException notUtf8) {
			text = new String(bytes, start, bytes.length - start, Charset.forName("GB18030"));
		}
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get()
				.parse(new StringReader(text))) {
			for (CSVRecord record : parser) {
				if (rows.size() > MAX_ROWS + 100) {
					throw new NotATable("enterprise.import.file.tooManyRows");
				}
				rows.add(record.toList());
				numbers.add(record.getRecordNumber());
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new NotATable("enterprise.import.file.csvBroken");
		}
	}

	private static void readXlsx(byte[] bytes, List<List<String>> rows, List<Long> numbers) {
		DataFormatter format = new DataFormatter(Locale.ROOT);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new NotATable("enterprise.import.file.notTable");
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS + 100) {
				throw new NotATable("enterprise.import.file.tooManyRows");
			}
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				short last = row.getLastCellNum();
				for (int c = 0; c < Math.min(Math.max(last, 0), 100); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
				}
				rows.add(cells);
				numbers.add(row.getRowNum() + 1L);
			}
		}
		catch (NotATable ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new NotATable("enterprise.import.file.notTable");
		}
	}
}
