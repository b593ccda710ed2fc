package org.gridlink.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The summary as an Excel workbook (POI), one sheet per section: figures, places below, overdue, trend, alerts,
 * notices sent, concerns, supervision hand-offs, daily reports and the map's grids with their open cases. Counts are
 * numeric cells.
 */
final class SummaryWorkbook {

	private final Function<String, String> t;

	SummaryWorkbook(Function<String, String> t) {
		this.t = t;
	}

	private String t(String key) {
		return t.apply(key);
	}

	byte[] write(SummaryContent c) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet figures = sheet(book, "command.summary.figures");
			header(figures, t("command.place"), c.view().name(), c.day().toString());
			int r = 1;
			for (String[] row : SummaryDocuments.figureRows(c.view().figures(), c.view().change(), t)) {
				Row x = figures.createRow(r++);
				x.createCell(0).setCellValue(row[0]);
				x.createCell(1).setCellValue(row[1]);
				x.createCell(2).setCellValue(row[2]);
			}
			Sheet streets = sheet(book, "command.summary.streets");
			header(streets, t("command.place"), t("command.figure.casesReported"), t("command.figure.casesClosed"),
					t("command.figure.casesOpen"), t("command.figure.casesOverdue"), t("command.figure.onTimeRate"),
					t("command.figure.inQuarantine"));
			r = 1;
			for (CommandView.Child child : c.view().children()) {
				Figures f = child.figures();
				Row x = streets.createRow(r++);
				x.createCell(0).setCellValue(child.name());
				x.createCell(1).setCellValue(f.casesReported());
				x.createCell(2).setCellValue(f.casesClosed());
				x.createCell(3).setCellValue(f.casesOpen());
				x.createCell(4).setCellValue(f.casesOverdue());
				if (f.onTimeRate() != null) {
					x.createCell(5).setCellValue(f.onTimeRate());
				}
				x.createCell(6).setCellValue(f.inQuarantine());
			}
			Sheet overdue = sheet(book, "command.summary.overdue");
			header(overdue, t("command.place"), t("command.figure.casesOverdue"));
			r = 1;
			for (CommandView.Child child : c.view().children()) {
				Row x = overdue.createRow(r++);
				x.createCell(0).setCellValue(child.name());
				x.createCell(1).setCellValue(child.figures().casesOverdue());
			}
			Sheet trend = sheet(book, "command.summary.trend");
			header(trend, t("command.summary.date"), t("command.figure.casesReported"), t("command.figure.casesClosed"),
					t("command.figure.casesOpen"), t("command.figure.casesOverdue"), t("command.figure.inQuarantine"));
			for (int i = 0; i < c.trend().days().size(); i++) {
				Row x = trend.createRow(i + 1);
				x.createCell(0).setCellValue(c.trend().days().get(i).toString());
				x.createCell(1).setCellValue(c.trend().reported().get(i));
				x.createCell(2).setCellValue(c.trend().closed().get(i));
				x.createCell(3).setCellValue(c.trend().open().get(i));
				x.createCell(4).setCellValue(c.trend().overdue().get(i));
				x.createCell(5).setCellValue(c.trend().inQuarantine().get(i));
			}
			Sheet alerts = sheet(book, "command.summary.alerts");
			List<String[]> totals = new java.util.ArrayList<>();
			totals.add(new String[] { t("command.summary.alerts"), t("command.summary.notice.count") });
			totals.addAll(SummaryDocuments.alertTotals(c.alerts(), t));
			r = rows(alerts, 0, totals);
			rows(alerts, r + 1, SummaryDocuments.alertRows(c.alerts(), t));
			rows(sheet(book, "command.summary.notices"), 0, SummaryDocuments.noticeRows(c.notices(), t));
			rows(sheet(book, "command.summary.concerns"), 0, SummaryDocuments.concernRows(c.concerns(), t));
			rows(sheet(book, "command.summary.handoffs"), 0,
					SummaryDocuments.handOffRows(c.handOffs(), c.view().name(), t));
			rows(sheet(book, "command.summary.reports"), 0, SummaryDocuments.reportRows(c.reports(), t));
			Sheet grids = sheet(book, "command.summary.map");
			header(grids, t("command.summary.grid.code"), t("command.place"), t("command.figure.casesOpen"));
			r = 1;
			for (SummaryContent.Shape s : c.map().grids()) {
				Row x = grids.createRow(r++);
				x.createCell(0).setCellValue(s.code());
				x.createCell(1).setCellValue(s.name());
				x.createCell(2).setCellValue(s.open());
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Sheet sheet(XSSFWorkbook book, String key) {
		return book.createSheet(WorkbookUtil.createSafeSheetName(t(key)));
	}

	/** Writes text rows from {@code first}; cells that are whole numbers (not the header) become numeric cells. */
	private static int rows(Sheet sheet, int first, List<String[]> rows) {
		int r = first;
		for (String[] values : rows) {
			Row x = sheet.createRow(r);
			for (int i = 0; i < values.length; i++) {
				String v = values[i];
				if (r > first && i > 0 && v.matches("-?\\d{1,15}")) {
					x.createCell(i).setCellValue(Long.parseLong(v));
				}
				else {
					x.createCell(i).setCellValue(v);
				}
			}
			r++;
		}
		return r;
	}

	private static void header(Sheet sheet, String... titles) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < titles.length; i++) {
			row.createCell(i).setCellValue(titles[i]);
		}
	}
}
