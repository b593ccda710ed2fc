package org.gridlink.housing.choice;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import org.gridlink.housing.HousingProjectRef;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The agreement as a PDF (A4, the platform's embedded font): title and number, the parties (the project's township
 * and the household, its head's name masked), the figures table copied from the agreement (unit type, floor area,
 * price, subsidy, the household's share, site, building, plot), the template's clauses with those figures filled in
 * ({@code housing.choice.pdf.clause.1..n}), the tranches, and the lines to sign.
 */
@Component
public class AgreementPdf {

	static final int CLAUSES = 5;

	private final MessageSource messages;
	private final JurisdictionDirectory directory;

	AgreementPdf(MessageSource messages, JurisdictionDirectory directory) {
		this.messages = messages;
		this.directory = directory;
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	public byte[] render(HousingProjectRef project, Agreements.Agreement a, List<SubsidyTranches.Tranche> tranches,
			Locale locale) {
		Map<String, String> names = directory.names(List.of(project.townshipCode(), a.villageCode()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 56, 56);
		PdfWriter.getInstance(document, out);
		document.addTitle(t("housing.choice.pdf.title", locale) + " " + a.number());
		document.addCreator("GridLink");
		document.open();
		BaseFont base = PdfFonts.regular();
		Font title = new Font(base, 16, Font.BOLD);
		Font normal = new Font(base, 10.5f);
		Font bold = new Font(base, 10.5f, Font.BOLD);
		Paragraph heading = new Paragraph(t("housing.choice.pdf.title", locale), title);
		heading.setAlignment(Element.ALIGN_CENTER);
		document.add(heading);
		Paragraph number = new Paragraph(t("housing.choice.pdf.number", locale, a.number()), normal);
		number.setAlignment(Element.ALIGN_RIGHT);
		number.setSpacingAfter(12);
		document.add(number);
		document.add(new Paragraph(t("housing.choice.pdf.partyA", locale, project.name(),
				names.getOrDefault(project.townshipCode(), project.townshipCode())), normal));
		Paragraph partyB = new Paragraph(t("housing.choice.pdf.partyB", locale, a.headMasked(),
				names.getOrDefault(a.villageCode(), a.villageCode())), normal);
		partyB.setSpacingAfter(10);
		document.add(partyB);
		PdfPTable table = new PdfPTable(new float[] { 3, 5 });
		table.setWidthPercentage(100);
		String[][] rows = { { "housing.choice.unitType", a.unitType() }, { "housing.choice.area", a.area() },
				{ "housing.choice.price", a.price() }, { "housing.choice.subsidy", a.subsidy() },
				{ "housing.choice.share", a.share() }, { "housing.choice.site", a.siteName() },
				{ "housing.choice.building", String.valueOf(a.building()) }, { "housing.choice.plot", a.plot() } };
		for (String[] row : rows) {
			table.addCell(new PdfPCell(new Phrase(t(row[0], locale), bold)));
			table.addCell(new PdfPCell(new Phrase(row[1], normal)));
		}
		document.add(table);
		Object[] figures = { a.unitType(), a.area(), a.price(), a.subsidy(), a.share(), a.siteName(), a.building(),
				a.plot(), project.handOverOn().toString() };
		for (int i = 1; i <= CLAUSES; i++) {
			Paragraph clause = new Paragraph(i + ". " + t("housing.choice.pdf.clause." + i, locale, figures), normal);
			clause.setSpacingBefore(6);
			document.add(clause);
		}
		Paragraph trancheHeading = new Paragraph(t("housing.choice.tranches", locale), bold);
		trancheHeading.setSpacingBefore(10);
		document.add(trancheHeading);
		for (SubsidyTranches.Tranche tranche : tranches) {
			document.add(new Paragraph(t("housing.choice.pdf.tranche", locale,
					t("housing.choice.milestone." + tranche.milestone(), locale), tranche.percent(), tranche.amount()), normal));
		}
		Paragraph sign = new Paragraph(t("housing.choice.pdf.sign", locale), normal);
		sign.setSpacingBefore(36);
		document.add(sign);
		document.close();
		return out.toByteArray();
	}
}
