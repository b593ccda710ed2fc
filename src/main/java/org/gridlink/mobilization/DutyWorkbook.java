package org.gridlink.mobilization;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridlink.mobilization.DutyViews.UnitBoard;
import org.gridlink.mobilization.DutyViews.UnitCadreRow;
import org.gridlink.platform.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A unit's board over a period as Excel (what the unit reports upward): a title row with the unit and the period,
 * one row per posted cadre and community with days present, tasks given and done, the last day present; text
 * escaped against formulas.
 */
@Component
public class DutyWorkbook {

	private final MessageSource messages;

	DutyWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	public void write(UnitBoard board, Locale locale, OutputStream out) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
			Sheet sheet = book.createSheet(messages.getMessage("duty.unit.sheet", null, locale));
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle head = book.createCellStyle();
			head.setFont(bold);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(SpreadsheetCells.text(board.unitName()) + " " + board.from() + " – "
					+ board.to());
			title.getCell(0).setCellStyle(head);
			Row header = sheet.createRow(1);
			int col = 0;
			for (String key : List.of("duty.col.cadre", "duty.col.community", "duty.col.code", "duty.col.days",
					"duty.col.tasks", "duty.col.done", "duty.col.last")) {
				header.createCell(col).setCellValue(messages.getMessage(key, null, locale));
				header.getCell(col++).setCellStyle(head);
			}
			int r = 2;
			for (UnitCadreRow row : board.rows()) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(SpreadsheetCells.text(row.cadre()));
				line.createCell(1).setCellValue(SpreadsheetCells.text(row.communityName()));
				line.createCell(2).setCellValue(row.community());
				line.createCell(3).setCellValue(row.daysPresent());
				line.createCell(4).setCellValue(row.tasks());
				line.createCell(5).setCellValue(row.tasksDone());
				line.createCell(6).setCellValue(row.lastPresent() == null ? "" : row.lastPresent().toString());
			}
			Row total = sheet.createRow(r);
			total.createCell(0).setCellValue(messages.getMessage("duty.col.total", null, locale));
			total.createCell(3).setCellValue(board.daysPresent());
			total.createCell(5).setCellValue(board.tasksDone());
			book.write(out);
		}
	}
}
