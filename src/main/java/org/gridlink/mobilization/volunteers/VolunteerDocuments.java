package org.gridlink.mobilization.volunteers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridlink.mobilization.volunteers.VolunteerTasks.Served;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.PdfFonts;
import org.gridlink.platform.SpreadsheetCells;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The documents of volunteers: the certificate of service (PDF, OpenPDF with the embedded CJK font) and the
 * workbook of party members per branch (双报到, Excel, streamed). Both audited.
 */
@Service
public class VolunteerDocuments {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private final Volunteers volunteers;
	private final VolunteerTasks tasks;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final java.time.Clock clock;

	VolunteerDocuments(Volunteers volunteers, VolunteerTasks tasks, MessageSource messages, AuditTrail audit,
			java.time.Clock clock) {
		this.volunteers = volunteers;
		this.tasks = tasks;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The certificate of service of a volunteer over a period: the signed-in volunteer's own, or one the user may see.
	 */
	public byte[] certificate(CurrentUser user, long volunteerId, LocalDate from, LocalDate to, Locale locale) {
		Volunteer volunteer = volunteers.get(user, volunteerId);
		List<Served> served = tasks.served(volunteerId, from, to);
		BigDecimal total = served.stream().map(Served::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 56, 56);
		PdfWriter.getInstance(document, out);
		document.open();
		Font title = new Font(PdfFonts.regular(), 22, Font.BOLD);
		Font body = new Font(PdfFonts.regular(), 12);
		Font small = new Font(PdfFonts.regular(), 10);
		Paragraph heading = new Paragraph(text("volunteers.certificate.title", locale), title);
		heading.setAlignment(Element.ALIGN_CENTER);
		heading.setSpacingAfter(24);
		document.add(heading);
		Paragraph statement = new Paragraph(text("volunteers.certificate.statement", locale, volunteer.name(),
				volunteer.communityName(), from.format(DAY), to.format(DAY), served.size(), total.toPlainString()), body);
		statement.setSpacingAfter(18);
		statement.setLeading(22);
		document.add(statement);
		if (volunteer.partyMember()) {
			String branch = volunteer.unitName() != null ? volunteer.unitName() : volunteer.branch();
			document.add(new Paragraph(text("volunteers.certificate.party", locale, branch == null ? "" : branch), body));
		}
		PdfPTable table = new PdfPTable(new float[] { 2.2f, 4f, 3f, 1.3f });
		table.setWidthPercentage(100);
		table.setSpacingBefore(12);
		for (String key : new String[] { "volunteers.task.startsAt", "volunteers.task.title", "volunteers.task.place",
				"volunteers.hours" }) {
			table.addCell(new PdfPCell(new Phrase(text(key, locale), small)));
		}
		for (Served s : served) {
			table.addCell(new Phrase(s.startsAt().atZoneSameInstant(clock.getZone()).toLocalDate().format(DAY), small));
			table.addCell(new Phrase(s.title() + " · " + text("volunteers.kind." + s.kind(), locale), small));
			table.addCell(new Phrase(s.place(), small));
			table.addCell(new Phrase(s.hours().stripTrailingZeros().toPlainString(), small));
		}
		document.add(table);
		Paragraph issued = new Paragraph(text("volunteers.certificate.issued", locale, volunteer.communityName(),
				LocalDate.now(clock).format(DAY)), body);
		issued.setAlignment(Element.ALIGN_RIGHT);
		issued.setSpacingBefore(30);
		document.add(issued);
		document.close();
		audit.record("VOLUNTEER_CERTIFICATE", "volunteer", String.valueOf(volunteerId), AuditTrail.SUCCESS,
				"from=" + from + " to=" + to + " hours=" + total.toPlainString());
		return out.toByteArray();
	}

	/** The party members the user sees, per branch unit (双报到), as a workbook; phones masked. */
	public void partyWorkbook(CurrentUser user, @Nullable Long unitId, Locale locale, OutputStream out)
			throws IOException {
		List<Volunteer> members = volunteers.partyMembers(user, unitId);
		try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
			Sheet sheet = book.createSheet(text("volunteers.party.sheet", locale));
			String[] heads = { "volunteers.branch.unit", "volunteers.branch", "volunteers.name", "volunteers.phone",
					"volunteers.community", "volunteers.skills", "volunteers.availability", "volunteers.registeredAt" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < heads.length; i++) {
				head.createCell(i).setCellValue(text(heads[i], locale));
			}
			int r = 1;
			for (Volunteer v : members) {
				Row row = sheet.createRow(r++);
				Object[] cells = { v.unitName() == null ? "" : v.unitName(), v.branch() == null ? "" : v.branch(),
						v.name(), v.phone(), v.communityName(), v.skills(), v.availability(),
						v.registeredAt().atZoneSameInstant(clock.getZone()).toLocalDate().format(DAY) };
				for (int i = 0; i < cells.length; i++) {
					row.createCell(i).setCellValue(SpreadsheetCells.text(cells[i]));
				}
			}
			book.write(out);
			book.dispose();
		}
		audit.record("VOLUNTEER_PARTY_EXPORT", "unit", unitId == null ? null : String.valueOf(unitId),
				AuditTrail.SUCCESS, "rows=" + members.size());
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
