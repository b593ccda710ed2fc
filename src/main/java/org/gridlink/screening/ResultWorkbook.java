package org.gridlink.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridlink.platform.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Excel export of a campaign's results: the households in walking order with their outcome, and the key
 * persons. Streamed (only a window of rows in memory). ID numbers appear only as stored on the key-person list,
 * i.e. masked; phones are not exported at all.
 */
@Component
class ResultWorkbook {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.of("Asia/Shanghai"));

	private final MessageSource messages;

	ResultWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	void write(Screening screening, CurrentUser user, long id, Locale locale, OutputStream out) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet households = book.createSheet(text("screening.export.households", locale));
			header(households, bold, locale, "screening.keyPersons.grid", "screening.export.address",
					"screening.export.members", "screening.export.outcome", "screening.export.abnormalPersons",
					"screening.export.by", "screening.export.at");
			int[] n = { 1 };
			screening.forEachResult(user, id, r -> {
				Row row = households.createRow(n[0]++);
				row.createCell(0).setCellValue(r.gridCode());
				row.createCell(1).setCellValue(r.label());
				row.createCell(2).setCellValue(r.members());
				row.createCell(3).setCellValue(text("screening.outcome." + (r.outcome() == null ? "none" : r.outcome()),
						locale));
				row.createCell(4).setCellValue(r.abnormalPersons());
				row.createCell(5).setCellValue(r.screenedBy() == null ? "" : r.screenedBy());
				row.createCell(6).setCellValue(r.screenedAt() == null ? "" : TIME.format(r.screenedAt()));
			});
			Sheet keyPersons = book.createSheet(text("screening.export.keyPersons", locale));
			header(keyPersons, bold, locale, "screening.keyPersons.name", "screening.keyPersons.idNumber",
					"screening.keyPersons.grid", "screening.keyPersons.reasons", "screening.keyPersons.owner",
					"screening.keyPersons.found");
			int k = 1;
			for (KeyPerson person : screening.keyPersons(user, id)) {
				Row row = keyPersons.createRow(k++);
				row.createCell(0).setCellValue(person.name());
				row.createCell(1).setCellValue(person.idNumber());
				row.createCell(2).setCellValue(person.gridCode());
				row.createCell(3).setCellValue(person.reasons());
				row.createCell(4).setCellValue(person.owner() == null ? "" : person.owner());
				row.createCell(5).setCellValue(TIME.format(person.foundAt()));
			}
			book.write(out);
			book.dispose();
		}
	}

	private void header(Sheet sheet, CellStyle style, Locale locale, String... keys) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(text(keys[i], locale));
			cell.setCellStyle(style);
			sheet.setColumnWidth(i, (i == 1 ? 40 : 16) * 256);
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
