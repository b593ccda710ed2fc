package org.gridlink.notices;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

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

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.PdfFonts;
import org.gridlink.residents.ResidentRecipients;
import org.gridlink.residents.ResidentRecipients.Household;
import org.gridlink.residents.ResidentRecipients.RecipientFilter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The PRINT channel: a door-to-door list (入户清单) for people without phones — one PDF with a page (or more) per
 * building of the notice's places: the notice title and text on top, then one line per household with its address,
 * its residents' names masked to the surname and a star, a box to tick and room for a signature. No ID number and no
 * phone is printed. The text is set in the embedded CJK font ({@link PdfFonts}). Generated on demand from the notice
 * page by a user who may see the notice, once it is approved; each download is audited.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class PrintLists {

	private final Notices notices;
	private final ResidentRecipients residents;
	private final JurisdictionDirectory places;
	private final MessageSource messages;
	private final AuditTrail audit;

	private final OutboxBuilder builder;

	PrintLists(Notices notices, ResidentRecipients residents, JurisdictionDirectory places, MessageSource messages,
			AuditTrail audit, OutboxBuilder builder) {
		this.builder = builder;
		this.notices = notices;
		this.residents = residents;
		this.places = places;
		this.messages = messages;
		this.audit = audit;
	}

	/** True when the notice has a printed list to download (PRINT chosen, approved or later, not cancelled). */
	public static boolean available(NoticeView notice) {
		return notice.channels().contains(ChannelKind.PRINT) && (notice.status() == NoticeStatus.APPROVED
				|| notice.status() == NoticeStatus.SENDING || notice.status() == NoticeStatus.SENT);
	}

	/** The lists of one notice as one PDF, a new page for each building. */
	public byte[] pdf(CurrentUser user, long noticeId, Locale locale) {
		NoticeView notice = notices.get(user, noticeId);
		if (!available(notice)) {
			throw new ConflictException("notices.print.notReady");
		}
		List<Building> buildings = new ArrayList<>();
		residents.households(builder.residentFilter(noticeId), h -> {
			Building last = buildings.isEmpty() ? null : buildings.get(buildings.size() - 1);
			if (last == null || !last.same(h)) {
				last = new Building(h.gridCode(), h.compound(), h.building(), new ArrayList<>());
				buildings.add(last);
			}
			last.households().add(h);
		});
		TreeSet<String> communities = new TreeSet<>();
		buildings.forEach(b -> communities.add(b.gridCode().substring(0, Math.min(12, b.gridCode().length()))));
		communities.addAll(buildings.stream().map(Building::gridCode).toList());
		Map<String, String> names = places.names(communities);
		byte[] pdf = render(notice, buildings, names, locale);
		audit.record("NOTICE_PRINT", "notice", String.valueOf(noticeId), AuditTrail.SUCCESS,
				"buildings=" + buildings.size() + "; households="
						+ buildings.stream().mapToInt(b -> b.households().size()).sum());
		return pdf;
	}

	/** Households of one building (grid, compound, building), in walking order. */
	record Building(String gridCode, String compound, String building, List<Household> households) {

		boolean same(Household h) {
			return gridCode.equals(h.gridCode()) && compound.equals(h.compound()) && building.equals(h.building());
		}
	}

	/** A name as printed: the surname (first character) and a star. */
	static String masked(String name) {
		String n = name == null ? "" : name.strip();
		return n.isEmpty() ? "*" : new StringBuilder().appendCodePoint(n.codePointAt(0)).append('*').toString();
	}

	private byte[] render(NoticeView notice, List<Building> buildings, Map<String, String> names, Locale locale) {
		BaseFont base = PdfFonts.regular();
		Font title = new Font(base, 15, Font.BOLD);
		Font normal = new Font(base, 10);
		Font bold = new Font(base, 10, Font.BOLD);
		Font small = new Font(base, 8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(text("notices.print.title", locale) + " · " + notice.title());
		document.addCreator("GridLink");
		document.open();
		if (buildings.isEmpty()) {
			document.add(new Paragraph(notice.title(), title));
			document.add(new Paragraph(text("notices.print.none", locale), normal));
		}
		boolean first = true;
		for (Building b : buildings) {
			if (!first) {
				document.newPage();
			}
			first = false;
			String community = names.getOrDefault(b.gridCode().substring(0, Math.min(12, b.gridCode().length())), "");
			Paragraph heading = new Paragraph(notice.title(), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			document.add(heading);
			Paragraph body = new Paragraph(NoticeTexts.render(notice.body(), text("notices.print.resident", locale),
					community), normal);
			body.setSpacingBefore(6);
			body.setSpacingAfter(8);
			document.add(body);
			String place = String.join(" ", nonBlank(community, names.getOrDefault(b.gridCode(), ""), b.compound(),
					b.building().isBlank() ? "" : b.building()));
			Paragraph where = new Paragraph(text("notices.print.building", locale) + ": " + place + " · "
					+ text("notices.print.households", locale) + ": " + b.households().size(), bold);
			where.setSpacingAfter(6);
			document.add(where);
			PdfPTable table = new PdfPTable(new float[] { 0.6f, 3f, 3f, 1f, 3f });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String key : List.of("notices.print.no", "notices.print.room", "notices.print.names",
					"notices.print.tick", "notices.print.signature")) {
				PdfPCell cell = new PdfPCell(new Phrase(text(key, locale), bold));
				cell.setGrayFill(0.9f);
				table.addCell(cell);
			}
			int n = 0;
			for (Household h : b.households()) {
				n++;
				table.addCell(cell(String.valueOf(n), small));
				table.addCell(cell(String.join(" ", nonBlank(h.entrance(), h.room(), h.address())), normal));
				table.addCell(cell(String.join("、", h.names().stream().map(PrintLists::masked).toList()), normal));
				PdfPCell tick = new PdfPCell(box());
				tick.setHorizontalAlignment(Element.ALIGN_CENTER);
				tick.setVerticalAlignment(Element.ALIGN_MIDDLE);
				table.addCell(tick);
				table.addCell(cell("", normal));
			}
			document.add(table);
		}
		document.close();
		return out.toByteArray();
	}

	/** An empty square to tick (a bordered one-cell table, so it needs no glyph). */
	private static PdfPTable box() {
		PdfPTable box = new PdfPTable(1);
		box.setTotalWidth(12);
		box.setLockedWidth(true);
		PdfPCell cell = new PdfPCell(new Phrase(""));
		cell.setFixedHeight(12);
		box.addCell(cell);
		return box;
	}

	private static PdfPCell cell(String value, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(value, font));
		cell.setMinimumHeight(28);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		return cell;
	}

	private static List<String> nonBlank(String... parts) {
		return java.util.Arrays.stream(parts).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
				.toList();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
