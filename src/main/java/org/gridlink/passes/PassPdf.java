package org.gridlink.passes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.passes.token.PassCodeText;
import org.gridlink.platform.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printable pass: one A5 page per pass with the QR code (about 9 cm, scannable from a printout), the pass type,
 * code as text under it (to read aloud or type), masked holder or plate, zones with their names, window, purpose
 * and the pass id. Text is set in WenQuanYi Micro Hei ({@code fonts/wqy-microhei.ttc} in the jar, Apache-2.0, see
 * {@code fonts/LICENSE-wqy-microhei.txt}), embedded as a subset of the glyphs used (Identity-H), so a reader without
 * Chinese fonts shows the page as printed and the text stays extractable as Unicode; the code text is in its
 * monospaced face.
 */
@Component
class PassPdf {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MessageSource messages;
	private final Jurisdictions jurisdictions;
	private final BaseFont font;
	private final BaseFont mono;

	PassPdf(MessageSource messages, Jurisdictions jurisdictions) {
		this.messages = messages;
		this.jurisdictions = jurisdictions;
		this.font = PdfFonts.regular();
		this.mono = PdfFonts.mono();
	}

	/** One page per pass, in the given order. */
	byte[] render(List<PassView> passes, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A5, 36, 36, 36, 36);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(text("passes.pdf.title", locale));
			document.addCreator("GridLink");
			document.open();
			boolean first = true;
			for (PassView pass : passes) {
				if (!first) {
					document.newPage();
				}
				first = false;
				page(document, pass, locale);
			}
			if (passes.isEmpty()) {
				document.add(new Paragraph(" "));
			}
			document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private void page(Document document, PassView pass, Locale locale) throws IOException {
		Font title = new Font(font, 18, Font.BOLD);
		Font big = new Font(font, 16);
		Font normal = new Font(font, 10);
		Font small = new Font(font, 7);
		Paragraph heading = new Paragraph(text("passes.pdf.title", locale) + " · "
				+ text("passes.type." + pass.type(), locale), title);
		heading.setAlignment(Element.ALIGN_CENTER);
		document.add(heading);
		if (pass.revokedAt() != null) {
			Paragraph revoked = new Paragraph(text("passes.status.REVOKED", locale), new Font(font, 14, Font.BOLD,
					java.awt.Color.RED));
			revoked.setAlignment(Element.ALIGN_CENTER);
			document.add(revoked);
		}
		Image qr = Image.getInstance(PassQr.png(pass.code(), 6));
		qr.scaleToFit(250, 250);
		qr.setAlignment(Element.ALIGN_CENTER);
		qr.setAlt(text("passes.page.qr", locale));
		document.add(qr);
		Paragraph code = new Paragraph(PassCodeText.of(pass.code()), new Font(mono, 8));
		code.setAlignment(Element.ALIGN_CENTER);
		code.setSpacingAfter(6);
		document.add(code);
		Paragraph holder = new Paragraph(pass.holder(), big);
		holder.setAlignment(Element.ALIGN_CENTER);
		holder.setSpacingAfter(8);
		document.add(holder);

		PdfPTable table = new PdfPTable(new float[] { 1, 3 });
		table.setWidthPercentage(100);
		row(table, text("passes.field.zones", locale), String.join("\n", pass.zones().stream().map(this::zoneName).toList()),
				normal);
		row(table, text("passes.field.window", locale), MINUTES.format(pass.validFrom().atZoneSameInstant(ZONE)) + " – "
				+ MINUTES.format(pass.validTo().atZoneSameInstant(ZONE)) + " (UTC+8)", normal);
		row(table, text("passes.field.purpose", locale), pass.purpose(), normal);
		row(table, text("passes.field.issuedBy", locale), pass.issuedBy() + " · "
				+ MINUTES.format(pass.issuedAt().atZoneSameInstant(ZONE)), normal);
		document.add(table);
		Paragraph id = new Paragraph(new Chunk(text("passes.field.id", locale) + " " + pass.id(), small));
		id.setSpacingBefore(6);
		document.add(id);
		document.add(new Paragraph(text("passes.pdf.note", locale), small));
	}

	private void row(PdfPTable table, String label, String value, Font font) {
		PdfPCell left = new PdfPCell(new Paragraph(label, font));
		PdfPCell right = new PdfPCell(new Paragraph(value, font));
		for (PdfPCell cell : List.of(left, right)) {
			cell.setBorder(Rectangle.BOTTOM);
			cell.setPaddingBottom(4);
			table.addCell(cell);
		}
	}

	private String zoneName(String code) {
		return jurisdictions.find(code).map(node -> node.name() + " " + code).orElse(code);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** The PDF of one pass. */
	byte[] render(PassView pass, Locale locale) {
		return render(List.of(pass), locale);
	}
}
