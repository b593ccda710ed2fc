package org.gridlink.command;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;
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

import org.gridlink.platform.PdfFonts;

/**
 * The summary as a PDF: A4, OpenPDF with the embedded WenQuanYi font; the figures and their change, a table per
 * place below, overdue cases per place, then the sections (alerts, notices sent, concerns by theme, supervision
 * hand-offs, daily reports), two charts drawn with PDF graphics and the map of the grids shaded by open cases.
 */
final class SummaryPdf {

	private final Function<String, String> t;
	private final BaseFont font = PdfFonts.regular();
	private final SummaryMap map;

	SummaryPdf(Function<String, String> t) {
		this.t = t;
		this.map = new SummaryMap(font, t);
	}

	private String t(String key) {
		return t.apply(key);
	}

	byte[] write(SummaryContent c) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
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
		PdfPTable figures = table(new float[] { 3, 2, 2 }, 100);
		for (String h : new String[] { t("command.summary.figures"), c.day().toString(), t("command.change") }) {
			figures.addCell(cell(h, h2));
		}
		for (String[] row : SummaryDocuments.figureRows(c.view().figures(), c.view().change(), t)) {
			for (String v : row) {
				figures.addCell(cell(v, normal));
			}
		}
		document.add(figures);

		if (!c.view().children().isEmpty()) {
			document.add(new Paragraph(t("command.summary.streets"), h2));
			PdfPTable streets = table(new float[] { 3, 1, 1, 1, 1, 1, 1 }, 100);
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
		}

		document.add(new Paragraph(t("command.summary.overdue"), h2));
		PdfPTable overdue = table(new float[] { 4, 2 }, 60);
		c.view().children().stream().filter(ch -> ch.figures().casesOverdue() > 0)
				.sorted((a, b) -> Long.compare(b.figures().casesOverdue(), a.figures().casesOverdue()))
				.forEach(ch -> {
					overdue.addCell(cell(ch.name(), normal));
					overdue.addCell(cell("" + ch.figures().casesOverdue(), normal));
				});
		overdue.addCell(cell(c.view().name(), h2));
		overdue.addCell(cell("" + c.view().figures().casesOverdue(), h2));
		document.add(overdue);

		document.add(new Paragraph(t("command.summary.alerts"), h2));
		document.add(rows(SummaryDocuments.alertTotals(c.alerts(), t), new float[] { 4, 2 }, 60, normal, false));
		if (!c.alerts().lines().isEmpty()) {
			document.add(rows(SummaryDocuments.alertRows(c.alerts(), t), new float[] { 1, 3, 2 }, 100, normal, true));
		}
		document.add(new Paragraph(t("command.summary.notices"), h2));
		document.add(rows(SummaryDocuments.noticeRows(c.notices(), t), new float[] { 4, 2, 1 }, 100, normal, true));
		document.add(new Paragraph(t("command.summary.concerns"), h2));
		document.add(rows(SummaryDocuments.concernRows(c.concerns(), t), new float[] { 2, 4, 1 }, 100, normal, true));
		document.add(new Paragraph(t("command.summary.handoffs"), h2));
		document.add(rows(SummaryDocuments.handOffRows(c.handOffs(), c.view().name(), t),
				new float[] { 3, 1, 1, 1, 1 }, 100, normal, true));
		document.add(new Paragraph(t("command.summary.reports"), h2));
		List<String[]> reports = SummaryDocuments.reportRows(c.reports(), t);
		if (reports.size() == 1) {
			document.add(new Paragraph(t("command.summary.report.none"), normal));
		}
		else {
			document.add(rows(reports, new float[] { 4, 1, 1, 1 }, 100, normal, true));
		}

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

		document.newPage();
		document.add(new Paragraph(t("command.summary.map") + " · " + c.view().name(), h2));
		PdfTemplate shapes = canvas.createTemplate(515, 600);
		map.draw(shapes, c.map(), 515, 600);
		canvas.addTemplate(shapes, document.left(), document.top() - 30 - 600);
		document.close();
		return out.toByteArray();
	}

	private PdfPTable table(float[] widths, float percent) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(percent);
		table.setHorizontalAlignment(Element.ALIGN_LEFT);
		table.setSpacingBefore(6);
		table.setSpacingAfter(12);
		return table;
	}

	private PdfPTable rows(List<String[]> rows, float[] widths, float percent, Font f, boolean header) {
		PdfPTable table = table(widths, percent);
		if (header) {
			table.setHeaderRows(1);
		}
		for (String[] row : rows) {
			for (String v : row) {
				table.addCell(cell(v, f));
			}
		}
		return table;
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
}
