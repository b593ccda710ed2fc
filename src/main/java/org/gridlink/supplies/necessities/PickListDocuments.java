package org.gridlink.supplies.necessities;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.PdfFonts;
import org.gridlink.platform.SpreadsheetCells;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Pick lists as a workbook (one row per order, priority first, SXSSF) and as a PDF (one section per compound and
 * supplier: the orders to hand over with their lines, then the totals to pack), in the embedded CJK font.
 */
@Component
public class PickListDocuments {

	private final MessageSource messages;
	private final JurisdictionDirectory directory;
	private final BaseFont font = PdfFonts.regular();

	PickListDocuments(MessageSource messages, JurisdictionDirectory directory) {
		this.messages = messages;
		this.directory = directory;
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	static String lines(PickLists.Entry e) {
		return e.lines().stream().map(l -> l.name() + " × " + l.quantity() + " " + l.unit())
				.collect(Collectors.joining("；"));
	}

	public void workbook(List<PickLists.PickList> lists, Locale locale, OutputStream out) throws IOException {
		var names = directory.names(lists.stream().map(PickLists.PickList::gridCode).distinct().toList());
		try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
			Sheet sheet = book.createSheet(t("necessities.picklist.title", locale));
			String[] heads = { "necessities.picklist.grid", "necessities.picklist.compound",
					"necessities.picklist.supplier", "necessities.picklist.date", "necessities.picklist.priority",
					"necessities.picklist.household", "necessities.picklist.items", "necessities.picklist.total",
					"necessities.picklist.status", "necessities.picklist.order" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < heads.length; i++) {
				head.createCell(i).setCellValue(t(heads[i], locale));
			}
			int r = 1;
			for (PickLists.PickList list : lists) {
				for (PickLists.Entry e : list.entries()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(SpreadsheetCells.text(names.getOrDefault(list.gridCode(),
							list.gridCode())));
					row.createCell(1).setCellValue(SpreadsheetCells.text(list.compound()));
					row.createCell(2).setCellValue(SpreadsheetCells.text(list.supplierName()));
					row.createCell(3).setCellValue(list.date().toString());
					row.createCell(4).setCellValue(t("necessities.priority." + e.priority(), locale));
					row.createCell(5).setCellValue(SpreadsheetCells.text(e.label()));
					row.createCell(6).setCellValue(SpreadsheetCells.text(lines(e)));
					row.createCell(7).setCellValue(e.totalCents() / 100.0);
					row.createCell(8).setCellValue(t("necessities.status." + e.status(), locale));
					row.createCell(9).setCellValue(e.orderId());
				}
			}
			book.write(out);
			book.dispose();
		}
	}

	public void pdf(List<PickLists.PickList> lists, Locale locale, OutputStream out) {
		var names = directory.names(lists.stream().map(PickLists.PickList::gridCode).distinct().toList());
		Document document = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(t("necessities.picklist.title", locale));
		document.addCreator("GridLink");
		document.open();
		Font title = new Font(font, 14, Font.BOLD);
		Font normal = new Font(font, 9);
		Font bold = new Font(font, 9, Font.BOLD);
		if (lists.isEmpty()) {
			document.add(new Paragraph(t("necessities.picklist.none", locale), normal));
		}
		boolean first = true;
		for (PickLists.PickList list : lists) {
			if (!first) {
				document.newPage();
			}
			first = false;
			Paragraph heading = new Paragraph(t("necessities.picklist.title", locale) + " · "
					+ names.getOrDefault(list.gridCode(), list.gridCode()) + " " + list.compound() + " · "
					+ list.supplierName() + " · " + list.date(), title);
			heading.setSpacingAfter(8);
			document.add(heading);
			PdfPTable table = new PdfPTable(new float[] { 2, 4, 7, 2, 2 });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String h : new String[] { "necessities.picklist.priority", "necessities.picklist.household",
					"necessities.picklist.items", "necessities.picklist.total", "necessities.picklist.handedOver" }) {
				table.addCell(new PdfPCell(new Phrase(t(h, locale), bold)));
			}
			for (PickLists.Entry e : list.entries()) {
				table.addCell(new Phrase(t("necessities.priority." + e.priority(), locale), normal));
				table.addCell(new Phrase(e.label(), normal));
				table.addCell(new Phrase(lines(e), normal));
				table.addCell(new Phrase(e.total(), normal));
				table.addCell(new Phrase(e.status().equals("DELIVERED") ? t("necessities.status.DELIVERED", locale) : "",
						normal));
			}
			document.add(table);
			Paragraph totals = new Paragraph(t("necessities.picklist.totals", locale) + "："
					+ list.totals().stream().map(i -> i.name() + " × " + i.quantity() + " " + i.unit())
							.collect(Collectors.joining("；")), normal);
			totals.setSpacingBefore(8);
			totals.setAlignment(Element.ALIGN_LEFT);
			document.add(totals);
		}
		document.close();
	}
}
