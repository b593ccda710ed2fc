package org.gridlink.dailyreport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridlink.platform.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A form's reports of a day or a period as Excel in the layout of the form: a title row with the form's name and the
 * period, one column per field in the form's order after date, place and state, one row per report; numbers as
 * numbers, text escaped against formulas.
 */
@Component
public class ReportWorkbook {

	private final MessageSource messages;

	ReportWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	public void write(ReportForm form, LocalDate from, LocalDate to, List<SubmissionView> reports, Locale locale,
			OutputStream out) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
			Sheet sheet = book.createSheet(SpreadsheetCells.text(form.name()).replaceAll("[\\\\/?*\\[\\]:]", " "));
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle head = book.createCellStyle();
			head.setFont(bold);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(SpreadsheetCells.text(form.name()) + " "
					+ (from.equals(to) ? from.toString() : from + " – " + to));
			title.getCell(0).setCellStyle(head);
			Row header = sheet.createRow(1);
			int col = 0;
			for (String key : List.of("dailyreport.col.date", "dailyreport.col.place", "dailyreport.col.code",
					"dailyreport.col.state", "dailyreport.col.late")) {
				header.createCell(col++).setCellValue(messages.getMessage(key, null, locale));
			}
			for (ReportField f : form.fields()) {
				header.createCell(col++).setCellValue(SpreadsheetCells.text(f.label()));
			}
			for (int i = 0; i < col; i++) {
				header.getCell(i).setCellStyle(head);
			}
			int r = 2;
			for (SubmissionView s : reports) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(s.date().toString());
				row.createCell(1).setCellValue(SpreadsheetCells.text(s.jurisdictionName()));
				row.createCell(2).setCellValue(s.jurisdictionCode());
				row.createCell(3).setCellValue(messages.getMessage("dailyreport.state." + s.state().name(), null, locale));
				row.createCell(4).setCellValue(s.late() ? messages.getMessage("dailyreport.late", null, locale) : "");
				int c = 5;
				for (ReportField f : form.fields()) {
					Object v = s.values().get(f.key());
					if (v instanceof Long l) {
						row.createCell(c).setCellValue(l);
					}
					else if (v instanceof BigDecimal d) {
						row.createCell(c).setCellValue(d.doubleValue());
					}
					else if (v != null) {
						row.createCell(c).setCellValue(SpreadsheetCells.text(v.toString()));
					}
					c++;
				}
			}
			book.write(out);
		}
	}
}
