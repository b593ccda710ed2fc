package org.gridlink.passes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.platform.InvalidInputException;

/**
 * Reads a list of passes to issue: a CSV file (UTF-8 with or without BOM, or GB18030 as a Chinese Excel saves CSV)
 * or the first sheet of an Excel workbook (.xlsx). The header row names the columns in English or Chinese (see
 * {@link #COLUMNS}); rows are numbered as a spreadsheet shows them (header = 1). Anything else (an old .xls, an image,
 * a PDF) is refused as a whole with {@code passes.bulk.not.table}.
 */
final class PassListFile {

	/** Column keys with their accepted header names (first: English, second: Chinese). */
	static final Map<String, List<String>> COLUMNS = columns();
	private static final Charset GB18030 = Charset.forName("GB18030");
	private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	record Line(int number, Map<String, String> cells) {
		String get(String column) {
			return cells.getOrDefault(column, "").strip();
		}
	}

	private PassListFile() {
	}

	private static Map<String, List<String>> columns() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		columns.put("type", List.of("type", "类型"));
		columns.put("holder_name", List.of("holder_name", "持证人姓名"));
		columns.put("plate", List.of("plate", "车牌号"));
		columns.put("purpose", List.of("purpose", "事由"));
		columns.put("zones", List.of("zones", "通行区域"));
		columns.put("valid_from", List.of("valid_from", "生效时间"));
		columns.put("valid_to", List.of("valid_to", "失效时间"));
		return columns;
	}

	/** The data rows; throws {@link InvalidInputException} for a file that is not a table or has too many rows. */
	static List<Line> read(byte[] bytes, int maxRows) {
		List<List<String>> table = isXlsx(bytes) ? xlsx(bytes, maxRows) : csv(bytes, maxRows);
		if (table.isEmpty()) {
			throw new InvalidInputException("passes.bulk.empty");
		}
		List<String> header = table.get(0);
		Map<Integer, String> byIndex = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(Locale.ROOT);
			for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
				if (column.getValue().contains(name)) {
					byIndex.put(i, column.getKey());
				}
			}
		}
		for (String required : List.of("type", "purpose", "zones")) {
			if (!byIndex.containsValue(required)) {
				throw new InvalidInputException("passes.bulk.column.missing", required + " / " + COLUMNS.get(required).get(1));
			}
		}
		List<Line> lines = new ArrayList<>();
		for (int r = 1; r < table.size(); r++) {
			List<String> cells = table.get(r);
			if (cells.stream().allMatch(c -> c.isBlank())) {
				continue;
			}
			Map<String, String> named = new LinkedHashMap<>();
			byIndex.forEach((index, column) -> named.put(column, index < cells.size() ? cells.get(index) : ""));
			lines.add(new Line(r + 1, named));
		}
		if (lines.isEmpty()) {
			throw new InvalidInputException("passes.bulk.empty");
		}
		return lines;
	}

	private static boolean isXlsx(byte[] bytes) {
		return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	private static List<List<String>> xlsx(byte[] bytes, int maxRows) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > maxRows) {
				throw new InvalidInputException("passes.bulk.too.many", maxRows);
			}
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			List<List<String>> table = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						cells.add(text(row.getCell(c), formatter));
					}
				}
				table.add(cells);
			}
			return table;
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException notAWorkbook) {
			// POI throws various runtime exceptions for damaged or hostile archives (zip bombs included)
			throw new InvalidInputException("passes.bulk.not.table");
		}
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			// Excel stores wall-clock time without a zone; the rows are read as Beijing time, as staff typed them
			return CELL_TIME.format(cell.getLocalDateTimeCellValue());
		}
		return cell.getCellType() == CellType.FORMULA ? formatter.formatCellValue(cell,
				cell.getSheet().getWorkbook().getCreationHelper().createFormulaEvaluator()) : formatter.formatCellValue(cell);
	}

	private static List<List<String>> csv(byte[] bytes, int maxRows) {
		for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
			if (bytes[i] == 0) {
				throw new InvalidInputException("passes.bulk.not.table");
			}
		}
		String text = decode(bytes);
		List<List<String>> table = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
			for (CSVRecord record : parser) {
				if (table.size() > maxRows) {
					throw new InvalidInputException("passes.bulk.too.many", maxRows);
				}
				table.add(record.toList());
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException broken) {
			throw new InvalidInputException("passes.bulk.not.table");
		}
		return table;
	}

	private static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(bytes, start, bytes.length - start, GB18030);
		}
	}
}
