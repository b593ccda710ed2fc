package org.gridlink.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.platform.PdfFonts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a daily summary as a PDF (A4, Chinese, the font embedded; figures, a per-street table, overdue cases per
 * place and two charts drawn with PDF graphics) and as an Excel workbook (one sheet per section).
 */
@Component
class SummaryDocuments {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	/** What a summary shows: the district's view of the day and its 30-day trend. */
	record Content(LocalDate day, CommandView view, CommandCenter.Trend trend) {
	}

	private final MessageSource messages;
	private final BaseFont font = PdfFonts.regular();

	SummaryDocuments(MessageSource messages) {
		this.messages = messages;
	}

	private String t(String key, Object... args) {
		return messages.getMessage(key, args, key, ZH);
	}

	static List<String[]> figureRows(Figures f, Figures change, java.util.function.Function<String, String> t) {
		return List.of(
				new String[] { t.apply("command.figure.casesReported"), String.valueOf(f.casesReported()),
						signed(change.casesReported()) },
				new String[] { t.apply("command.figure.casesClosed"), String.valueOf(f.casesClosed()),
						signed(change.casesClosed()) },
				new String[] { t.apply("command.figure.casesOpen"), String.valueOf(f.casesOpen()),
						signed(change.casesOpen()) },
				new String[] { t.apply("command.figure.casesOverdue"), String.valueOf(f.casesOverdue()),
						signed(change.casesOverdue()) },
				new String[] { t.apply("command.figure.onTimeRate"),
						f.onTimeRate() == null ? "—" : f.onTimeRate() + "%",
						change.onTimeRate() == null ? "" : signed(change.onTimeRate()) },
				new String[] { t.apply("command.figure.inQuarantine"), String.valueOf(f.inQuarantine()),
						signed(change.inQuarantine()) });
	}

	static String signed(@Nullable Number n) {
		if (n == null) {
			return "";
		}
		return (n.doubleValue() > 0 ? "+" : "") + n;
	}

	byte[] pdf(Content c) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		{
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(t("command.summary.title") + " " + c.day());
			document.addCreator("GridLink");
			document.open();
			Font title = new Font(font, 18, Font.BOLD);
			Font h2 = new Font(font, 13, Font.BOLD);
			Font normal = new Font(font, 10);
			Paragraph heading = new Paragraph(t("command.summary.title") + " · " + c.view().name() + " · " + c.day(), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingAfter(12);
			document.add(heading);

			document.add(new Paragraph(t("command.summary.figures"), h2));
			PdfPTable figures = new PdfPTable(new float[] { 3, 2, 2 });
			figures.setWidthPercentage(100);
			figures.setSpacingBefore(6);
			figures.setSpacingAfter(12);
			for (String h : new String[] { t("command.summary.figures"), c.day().toString(), t("command.change") }) {
				figures.addCell(cell(h, h2));
			}
			for (String[] row : figureRows(c.view().figures(), c.view().change(), this::t)) {
				for (String v : row) {
					figures.addCell(cell(v, normal));
				}
			}
			document.add(figures);

			document.add(new Paragraph(t("command.summary.streets"), h2));
			PdfPTable streets = new PdfPTable(7);
			streets.setWidthPercentage(100);
			streets.setSpacingBefore(6);
			streets.setSpacingAfter(12);
			for (String h : new String[] { t("command.place"), t("command.figure.casesReported"),
					t("command.figure.casesClosed"), t("command.figure.casesOpen"), t("command.figure.casesOverdue"),
					t("command.figure.onTimeRate"), t("command.figure.inQuarantine") }) {
				streets.addCell(cell(h, normal));
			}
			for (CommandView.Child child : c.view().children()) {
				Figures f = child.figures();
				for (String v : new String[] { child.name(), "" + f.casesReported(), "" + f.casesClosed(),
						"" + f.casesOpen(), "" + f.casesOverdue(), f.onTimeRate() == null ? "—" : f.onTimeRate() + "%",
						"" + f.inQuarantine() }) {
					streets.addCell(cell(v, normal));
				}
			}
			document.add(streets);

			document.add(new Paragraph(t("command.summary.overdue"), h2));
			PdfPTable overdue = new PdfPTable(new float[] { 4, 2 });
			overdue.setWidthPercentage(60);
			overdue.setHorizontalAlignment(Element.ALIGN_LEFT);
			overdue.setSpacingBefore(6);
			overdue.setSpacingAfter(12);
			c.view().children().stream().filter(ch -> ch.figures().casesOverdue() > 0)
					.sorted((a, b) -> Long.compare(b.figures().casesOverdue(), a.figures().casesOverdue()))
					.forEach(ch -> {
						overdue.addCell(cell(ch.name(), normal));
						overdue.addCell(cell("" + ch.figures().casesOverdue(), normal));
					});
			overdue.addCell(cell(c.view().name(), h2));
			overdue.addCell(cell("" + c.view().figures().casesOverdue(), h2));
			document.add(overdue);

			document.newPage();
			PdfContentByte canvas = writer.getDirectContent();
			document.add(new Paragraph(t("command.summary.trend"), h2));
			float top = document.top() - 30;
			PdfTemplate line = canvas.createTemplate(515, 220);
			lineChart(line, c.trend());
			canvas.addTemplate(line, document.left(), top - 220);
			PdfTemplate bars = canvas.createTemplate(515, 260);
			barChart(bars, c.view().children(), ch -> ch.figures().casesOpen());
			Paragraph second = new Paragraph(t("command.summary.ranking"), h2);
			second.setSpacingBefore(240);
			document.add(second);
			canvas.addTemplate(bars, document.left(), top - 520);
			document.close();
		}
		return out.toByteArray();
	}

	private PdfPCell cell(String text, Font f) {
		PdfPCell cell = new PdfPCell(new Phrase(text, f));
		cell.setPadding(4);
		return cell;
	}

	private void lineChart(PdfTemplate g, CommandCenter.Trend trend) {
		float w = 515, h = 220, left = 30, bottom = 24;
		long max = 1;
		for (int i = 0; i < trend.days().size(); i++) {
			max = Math.max(max, Math.max(trend.reported().get(i), trend.closed().get(i)));
		}
		axes(g, w, h, left, bottom, max);
		series(g, trend.reported(), max, w, h, left, bottom, new java.awt.Color(0x0d, 0x6e, 0xfd));
		series(g, trend.closed(), max, w, h, left, bottom, new java.awt.Color(0x19, 0x87, 0x54));
		legend(g, left + 10, h - 12, new java.awt.Color(0x0d, 0x6e, 0xfd), t("command.figure.casesReported"));
		legend(g, left + 130, h - 12, new java.awt.Color(0x19, 0x87, 0x54), t("command.figure.casesClosed"));
		text(g, trend.days().get(0).toString(), left, 6, 7);
		text(g, trend.days().get(trend.days().size() - 1).toString(), w - 60, 6, 7);
	}

	private void series(PdfTemplate g, List<Long> values, long max, float w, float h, float left, float bottom,
			java.awt.Color color) {
		float step = (w - left - 10) / Math.max(1, values.size() - 1);
		g.setColorStroke(color);
		g.setLineWidth(1.5f);
		for (int i = 0; i < values.size(); i++) {
			float x = left + i * step;
			float y = bottom + (h - bottom - 24) * values.get(i) / max;
			if (i == 0) {
				g.moveTo(x, y);
			}
			else {
				g.lineTo(x, y);
			}
		}
		g.stroke();
	}

	private void barChart(PdfTemplate g, List<CommandView.Child> children, ToLongFunction<CommandView.Child> value) {
		float w = 515, h = 260, left = 30, bottom = 60;
		long max = 1;
		for (CommandView.Child c : children) {
			max = Math.max(max, value.applyAsLong(c));
		}
		axes(g, w, h, left, bottom, max);
		int n = Math.max(1, children.size());
		float slot = (w - left - 10) / n;
		g.setColorFill(new java.awt.Color(0xfd, 0x7e, 0x14));
		for (int i = 0; i < children.size(); i++) {
			float bh = (h - bottom - 24) * value.applyAsLong(children.get(i)) / max;
			g.rectangle(left + i * slot + slot * 0.15f, bottom, slot * 0.7f, bh);
		}
		g.fill();
		for (int i = 0; i < children.size(); i++) {
			String name = children.get(i).name();
			g.beginText();
			g.setFontAndSize(font, 7);
			g.setColorFill(java.awt.Color.DARK_GRAY);
			g.showTextAligned(Element.ALIGN_RIGHT, name, left + i * slot + slot / 2, bottom - 4, 60);
			g.endText();
			text(g, String.valueOf(value.applyAsLong(children.get(i))), left + i * slot + slot * 0.3f,
					bottom + 2 + (h - bottom - 24) * value.applyAsLong(children.get(i)) / max, 7);
		}
	}

	private void axes(PdfTemplate g, float w, float h, float left, float bottom, long max) {
		g.setColorStroke(java.awt.Color.GRAY);
		g.setLineWidth(0.5f);
		g.moveTo(left, bottom);
		g.lineTo(w - 5, bottom);
		g.moveTo(left, bottom);
		g.lineTo(left, h - 20);
		g.stroke();
		text(g, "0", 4, bottom - 3, 7);
		text(g, String.valueOf(max), 4, h - 28, 7);
	}

	private void legend(PdfTemplate g, float x, float y, java.awt.Color color, String label) {
		g.setColorFill(color);
		g.rectangle(x, y, 10, 6);
		g.fill();
		text(g, label, x + 14, y, 8);
	}

	private void text(PdfTemplate g, String s, float x, float y, float size) {
		g.beginText();
		g.setFontAndSize(font, size);
		g.setColorFill(java.awt.Color.DARK_GRAY);
		g.setTextMatrix(x, y);
		g.showText(s);
		g.endText();
	}

	byte[] xlsx(Content c) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet figures = book.createSheet(t("command.summary.figures"));
			header(figures, t("command.place"), c.view().name(), c.day().toString());
			int r = 1;
			for (String[] row : figureRows(c.view().figures(), c.view().change(), this::t)) {
				Row x = figures.createRow(r++);
				x.createCell(0).setCellValue(row[0]);
				x.createCell(1).setCellValue(row[1]);
				x.createCell(2).setCellValue(row[2]);
			}
			Sheet streets = book.createSheet(t("command.summary.streets"));
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
			Sheet overdue = book.createSheet(t("command.summary.overdue"));
			header(overdue, t("command.place"), t("command.figure.casesOverdue"));
			r = 1;
			for (CommandView.Child child : c.view().children()) {
				Row x = overdue.createRow(r++);
				x.createCell(0).setCellValue(child.name());
				x.createCell(1).setCellValue(child.figures().casesOverdue());
			}
			Sheet trend = book.createSheet(t("command.summary.trend"));
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
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(Sheet sheet, String... titles) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < titles.length; i++) {
			row.createCell(i).setCellValue(titles[i]);
		}
	}
}
