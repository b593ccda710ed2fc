package org.gridlink.enterprise.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;


import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.platform.PdfFonts;
import org.gridlink.platform.QrPng;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printed papers of enterprise support, in the embedded CJK font ({@link PdfFonts}): the advisory team's contact
 * card (联系卡, A6, the four seats and a QR code of the enterprise's appeal page) and the legal check-up report.
 */
@Component
public class SupportDocuments {


	private final MessageSource messages;

	SupportDocuments(MessageSource messages) {
		this.messages = messages;
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	public byte[] contactCard(EnterpriseRef enterprise, List<Advisor> team, String appealUrl, Locale locale) {
		BaseFont font = PdfFonts.regular();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A6, 20, 20, 20, 20);
		PdfWriter.getInstance(document, out);
		document.addTitle(t("support.card.title", locale) + " " + enterprise.name());
		document.addCreator("GridLink");
		document.open();
		Font title = new Font(font, 12, Font.BOLD);
		Font normal = new Font(font, 8);
		Font bold = new Font(font, 8, Font.BOLD);
		Paragraph heading = new Paragraph(t("support.card.title", locale), title);
		heading.setAlignment(Element.ALIGN_CENTER);
		document.add(heading);
		Paragraph name = new Paragraph(enterprise.name(), bold);
		name.setAlignment(Element.ALIGN_CENTER);
		name.setSpacingAfter(6);
		document.add(name);
		PdfPTable table = new PdfPTable(new float[] { 3, 4, 4 });
		table.setWidthPercentage(100);
		for (Seat seat : Seat.values()) {
			Advisor a = team.stream().filter(x -> x.seat() == seat).findFirst().orElse(null);
			table.addCell(cell(t(seat.word(), locale), bold));
			table.addCell(cell(a == null ? "—" : a.name() + (a.organisation() == null ? "" : "\n" + a.organisation()),
					normal));
			table.addCell(cell(a == null ? "" : a.workPhone(), normal));
		}
		document.add(table);
		Image qr;
		try {
			qr = Image.getInstance(qrPng(appealUrl, 4));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		qr.scaleToFit(110, 110);
		qr.setAlignment(Element.ALIGN_CENTER);
		qr.setAlt(t("support.card.qr", locale));
		document.add(qr);
		Paragraph hint = new Paragraph(t("support.card.hint", locale), normal);
		hint.setAlignment(Element.ALIGN_CENTER);
		document.add(hint);
		document.close();
		return out.toByteArray();
	}

	private static PdfPCell cell(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setBorder(Rectangle.BOTTOM);
		cell.setPadding(3);
		return cell;
	}

	/** The text as a black-on-white QR code (error correction M, 4-module quiet zone), {@code scale} pixels a module. */
	static byte[] qrPng(String text, int scale) {
		return QrPng.of(text, scale);
	}

	/** The check-up report: the enterprise, the self-check answers, the findings by risk with their fix tasks. */
	public byte[] checkupReport(LegalCheckups.Checkup checkup, List<LegalCheckups.Answer> answers,
			List<LegalCheckups.Finding> findings, Locale locale) {
		BaseFont font = PdfFonts.regular();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(t("support.checkup.report", locale));
		document.addCreator("GridLink");
		document.open();
		Font title = new Font(font, 14, Font.BOLD);
		Font h2 = new Font(font, 11, Font.BOLD);
		Font normal = new Font(font, 9);
		Font bold = new Font(font, 9, Font.BOLD);
		document.add(new Paragraph(t("support.checkup.report", locale) + " · " + checkup.enterpriseName(), title));
		document.add(new Paragraph(t("support.checkup.scheduledOn", locale) + "：" + checkup.scheduledOn() + "　"
				+ t("support.checkup.col.status", locale) + "：" + t(checkup.status().word(), locale), normal));
		document.add(new Paragraph(t("support.checkup.summary", locale, checkup.red(), checkup.orange(),
				checkup.yellow()), normal));
		Paragraph a = new Paragraph(t("support.checkup.answers", locale), h2);
		a.setSpacingBefore(10);
		a.setSpacingAfter(4);
		document.add(a);
		if (answers.isEmpty()) {
			document.add(new Paragraph(t("support.checkup.noAnswers", locale), normal));
		}
		else {
			PdfPTable table = new PdfPTable(new float[] { 7, 2, 4 });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String h : new String[] { "support.checkup.col.question", "support.checkup.col.answer",
					"support.checkup.col.note" }) {
				table.addCell(new PdfPCell(new Phrase(t(h, locale), bold)));
			}
			for (LegalCheckups.Answer x : answers) {
				table.addCell(new Phrase(t("support.question." + x.question(), locale), normal));
				table.addCell(new Phrase(t("support.answer." + x.answer(), locale), normal));
				table.addCell(new Phrase(x.note() == null ? "" : x.note(), normal));
			}
			document.add(table);
		}
		Paragraph f = new Paragraph(t("support.checkup.findings", locale), h2);
		f.setSpacingBefore(10);
		f.setSpacingAfter(4);
		document.add(f);
		if (findings.isEmpty()) {
			document.add(new Paragraph(t("support.checkup.noFindings", locale), normal));
		}
		else {
			PdfPTable table = new PdfPTable(new float[] { 2, 3, 7, 3, 3 });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String h : new String[] { "support.finding.col.risk", "support.finding.col.area",
					"support.finding.col.description", "support.finding.col.status", "support.finding.col.task" }) {
				table.addCell(new PdfPCell(new Phrase(t(h, locale), bold)));
			}
			for (LegalCheckups.Finding x : findings) {
				table.addCell(new Phrase(t(x.risk().word(), locale), bold));
				table.addCell(new Phrase(t("support.area." + x.area(), locale), normal));
				table.addCell(new Phrase(x.description() + (x.advice() == null ? "" : "\n" + t("support.finding.advice",
						locale) + "：" + x.advice()), normal));
				table.addCell(new Phrase(t("support.finding.status." + x.status(), locale), normal));
				table.addCell(new Phrase(x.taskDueOn() == null ? "" : t("support.task.due", locale, x.taskDueOn().toString())
						+ " · " + t("support.task.status." + x.taskStatus(), locale), normal));
			}
			document.add(table);
		}
		document.close();
		return out.toByteArray();
	}
}
