package org.gridlink.inspection;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridlink.inspection.InspectionViews.Findings;
import org.gridlink.inspection.InspectionViews.HandOff;
import org.gridlink.inspection.InspectionViews.Round;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.PdfFonts;
import org.gridlink.platform.SpreadsheetCells;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report of a round (督查通报): findings per community and per unit with rectification rate and overdue
 * hand-offs, a ranking of communities (by the weighted pass rate of their checks) and of units (by rectification
 * rate), the overdue hand-offs and photos of the worst findings; as figures, a PDF and an Excel workbook. Everything
 * is limited to what the caller sees, with one grouped query per table.
 */
@Component
public class RoundReport {

	private final JdbcClient jdbc;
	private final Inspections inspections;
	private final java.time.Clock clock;

	RoundReport(JdbcClient jdbc, Inspections inspections, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.clock = clock;
	}

	/** One line of a table: a community or a unit, its checks (communities), its hand-offs and its rank. */
	public record Line(String code, String name, long checks, long failed, @Nullable Double score, long handOffs,
			long rectified, long open, long overdue, double rate, int rank) {
	}

	/** The figures of a round report. */
	public record Figures(Round round, Findings findings, double rate, List<Line> communities, List<Line> units,
			List<HandOff> overdue, List<Long> worstPhotos) {
	}

	public Figures figures(CurrentUser user, long roundId) {
		Round round = inspections.round(user, roundId);
		InspectionAccess.Who who = inspections.who(user);
		Findings findings = round.findings();
		LocalDate today = LocalDate.now(clock);
		String h = who.handOffSql();
		// hand-offs per community and per unit, in two grouped queries
		Map<String, long[]> byCommunity = new HashMap<>();
		jdbc.sql("SELECT h.community_code, COUNT(*), SUM(CASE WHEN h.state = 'RECTIFIED' THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN h.state = 'OPEN' THEN 1 ELSE 0 END), SUM(CASE WHEN h.state = 'OPEN' AND h.deadline < ?"
				+ " THEN 1 ELSE 0 END) FROM inspection_hand_off h WHERE h.round_id = ? AND h.state <> 'CANCELLED' AND "
				+ h + " GROUP BY h.community_code").params(today, roundId)
				.query((rs, i) -> byCommunity.put(rs.getString(1),
						new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }))
				.list();
		Map<Long, long[]> byUnit = new HashMap<>();
		jdbc.sql("SELECT h.unit_id, COUNT(*), SUM(CASE WHEN h.state = 'RECTIFIED' THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN h.state = 'OPEN' THEN 1 ELSE 0 END), SUM(CASE WHEN h.state = 'OPEN' AND h.deadline < ?"
				+ " THEN 1 ELSE 0 END) FROM inspection_hand_off h WHERE h.round_id = ? AND h.unit_id IS NOT NULL AND"
				+ " h.state <> 'CANCELLED' AND " + h + " GROUP BY h.unit_id").params(today, roundId)
				.query((rs, i) -> byUnit.put(rs.getLong(1),
						new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }))
				.list();
		// checks per community target: results, failures, weighted pass rate (NA does not count)
		Map<String, double[]> checks = new HashMap<>();
		jdbc.sql("SELECT t.community_code, COUNT(*), SUM(CASE WHEN x.result = 'FAIL' THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN x.result = 'PASS' THEN c.weight ELSE 0 END), SUM(CASE WHEN x.result <> 'NA' THEN"
				+ " c.weight ELSE 0 END) FROM inspection_result x JOIN inspection_target t ON t.round_id = x.round_id"
				+ " AND t.target_code = x.target_code JOIN inspection_check_item c ON c.id = x.check_item_id"
				+ " WHERE x.round_id = ? AND t.community_code IS NOT NULL AND " + who.targetSql()
				+ " GROUP BY t.community_code").param(roundId)
				.query((rs, i) -> checks.put(rs.getString(1),
						new double[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }))
				.list();
		List<String> communityCodes = round.targets().stream().filter(t -> t.kind().equals("COMMUNITY"))
				.map(InspectionViews.Target::code).toList();
		Map<String, String> names = inspections.placeNames(communityCodes);
		List<Line> communities = new ArrayList<>();
		for (String code : communityCodes) {
			long[] f = byCommunity.getOrDefault(code, new long[4]);
			double[] c = checks.getOrDefault(code, new double[4]);
			Double score = c[3] == 0 ? null : Math.round(c[2] / c[3] * 1000) / 10.0;
			communities.add(new Line(code, names.getOrDefault(code, code), (long) c[0], (long) c[1], score, f[0], f[1],
					f[2], f[3], rate(f[1], f[0]), 0));
		}
		communities = ranked(communities, Comparator.comparing((Line l) -> l.score() == null ? -1 : l.score())
				.reversed().thenComparing(Line::overdue).thenComparing(Line::code));
		Map<Long, String> unitNames = inspections.unitNames();
		List<Line> units = new ArrayList<>();
		byUnit.forEach((id, f) -> units.add(new Line(String.valueOf(id), unitNames.getOrDefault(id, "#" + id), 0, 0,
				null, f[0], f[1], f[2], f[3], rate(f[1], f[0]), 0)));
		List<Line> rankedUnits = ranked(units, Comparator.comparing(Line::rate).reversed()
				.thenComparing(Line::overdue).thenComparing(Line::name));
		List<HandOff> overdue = inspections.handOffs(user, roundId, "OVERDUE", PageRequest.of(0, 500)).getContent();
		// photos of the findings of the lowest-ranked communities: the ids of the round's finding photos in one query,
		// picked from the bottom of the ranking up (at most 4)
		Map<String, List<Long>> photos = new HashMap<>();
		jdbc.sql("SELECT x.target_code, p.id FROM inspection_photo p JOIN inspection_result x ON x.id = p.result_id"
				+ " WHERE x.round_id = ? AND x.result = 'FAIL' ORDER BY p.id").param(roundId)
				.query((rs, i) -> photos.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2)))
				.list();
		List<Long> worst = new ArrayList<>();
		for (int i = communities.size() - 1; i >= 0 && worst.size() < 4; i--) {
			for (long id : photos.getOrDefault(communities.get(i).code(), List.of())) {
				if (worst.size() < 4) {
					worst.add(id);
				}
			}
		}
		return new Figures(round, findings, rate(findings.rectified(), findings.total()), communities, rankedUnits,
				overdue, worst);
	}

	private static double rate(long part, long whole) {
		return whole == 0 ? 0 : Math.round((double) part / whole * 1000) / 10.0;
	}

	private static List<Line> ranked(List<Line> lines, Comparator<Line> order) {
		List<Line> sorted = lines.stream().sorted(order).toList();
		List<Line> out = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Line l = sorted.get(i);
			out.add(new Line(l.code(), l.name(), l.checks(), l.failed(), l.score(), l.handOffs(), l.rectified(),
					l.open(), l.overdue(), l.rate(), i + 1));
		}
		return out;
	}

	// ---- PDF

	public void pdf(CurrentUser user, Figures f, OutputStream out) throws IOException {
		BaseFont base = PdfFonts.regular();
		Font title = new Font(base, 15, Font.BOLD);
		Font normal = new Font(base, 9);
		Font bold = new Font(base, 9, Font.BOLD);
		Document document = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.open();
		Round r = f.round();
		Paragraph head = new Paragraph("第" + r.number() + "轮督查通报：" + r.title(), title);
		head.setAlignment(Element.ALIGN_CENTER);
		document.add(head);
		document.add(new Paragraph("督查时间：" + r.startsOn() + " 至 " + r.endsOn() + "　　督查对象：" + r.targets().size()
				+ " 个", normal));
		document.add(new Paragraph("交办问题 " + f.findings().total() + " 件，已整改 " + f.findings().rectified() + " 件，整改中 "
				+ f.findings().open() + " 件，逾期 " + f.findings().overdue() + " 件，整改率 " + f.rate() + "%。", normal));
		document.add(new Paragraph(" ", normal));
		document.add(new Paragraph("一、社区排名（按检查得分）", bold));
		PdfPTable communities = table(new float[] { 0.6f, 3f, 1f, 1f, 1f, 1f, 1f, 1f, 1.2f }, bold, "名次", "社区",
				"检查项", "不合格", "得分", "交办", "已整改", "逾期", "整改率");
		for (Line l : f.communities()) {
			row(communities, normal, String.valueOf(l.rank()), l.name(), String.valueOf(l.checks()),
					String.valueOf(l.failed()), l.score() == null ? "—" : String.valueOf(l.score()),
					String.valueOf(l.handOffs()), String.valueOf(l.rectified()), String.valueOf(l.overdue()),
					l.rate() + "%");
		}
		document.add(communities);
		document.add(new Paragraph("二、责任单位排名（按整改率）", bold));
		PdfPTable units = table(new float[] { 0.6f, 3f, 1f, 1f, 1f, 1f, 1.2f }, bold, "名次", "单位", "交办", "已整改", "整改中",
				"逾期", "整改率");
		for (Line l : f.units()) {
			row(units, normal, String.valueOf(l.rank()), l.name(), String.valueOf(l.handOffs()),
					String.valueOf(l.rectified()), String.valueOf(l.open()), String.valueOf(l.overdue()),
					l.rate() + "%");
		}
		document.add(units);
		document.add(new Paragraph("三、逾期未整改问题", bold));
		PdfPTable overdue = table(new float[] { 2f, 3f, 2f, 1.2f, 1.5f }, bold, "社区", "问题", "责任方", "期限", "案卷");
		for (HandOff h : f.overdue()) {
			row(overdue, normal, h.communityName(), h.problem(), h.unitName() != null ? h.unitName()
					: h.jurisdictionCode() == null ? "" : h.communityName(), h.deadline().toString(),
					h.caseNumber() == null ? "" : h.caseNumber());
		}
		document.add(overdue);
		if (!f.worstPhotos().isEmpty()) {
			document.add(new Paragraph("四、典型问题照片", bold));
			for (long id : f.worstPhotos()) {
				try {
					Inspections.Photo photo = inspections.photo(user, id);
					Image image = Image.getInstance(photo.data());
					image.scaleToFit(240, 180);
					document.add(image);
				}
				catch (Exception ex) {
					// an image the PDF library cannot embed (e.g. WebP) is left out
				}
			}
		}
		document.close();
	}

	private static PdfPTable table(float[] widths, Font font, String... heads) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(8);
		table.setHeaderRows(1);
		for (String h : heads) {
			table.addCell(new PdfPCell(new Phrase(h, font)));
		}
		return table;
	}

	private static void row(PdfPTable table, Font font, String... cells) {
		for (String c : cells) {
			table.addCell(new PdfPCell(new Phrase(c, font)));
		}
	}

	// ---- Excel

	public void xlsx(CurrentUser user, Figures f, OutputStream out) throws IOException {
		// streaming (SXSSF): rows are flushed to the output as they are written, a window of 100 kept in memory
		try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
			CellStyle bold = book.createCellStyle();
			var font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet summary = book.createSheet("汇总");
			String[][] lines = { { "轮次", String.valueOf(f.round().number()) }, { "名称", f.round().title() },
					{ "开始", f.round().startsOn().toString() }, { "结束", f.round().endsOn().toString() },
					{ "交办", String.valueOf(f.findings().total()) }, { "已整改", String.valueOf(f.findings().rectified()) },
					{ "整改中", String.valueOf(f.findings().open()) }, { "逾期", String.valueOf(f.findings().overdue()) },
					{ "整改率(%)", String.valueOf(f.rate()) } };
			for (int i = 0; i < lines.length; i++) {
				Row row = summary.createRow(i);
				row.createCell(0).setCellValue(lines[i][0]);
				row.getCell(0).setCellStyle(bold);
				if (i == 1 || i == 2 || i == 3) {
					row.createCell(1).setCellValue(SpreadsheetCells.text(lines[i][1]));
				}
				else {
					row.createCell(1).setCellValue(Double.parseDouble(lines[i][1]));
				}
			}
			Sheet communities = book.createSheet("社区");
			header(communities, bold, "名次", "社区代码", "社区", "检查项", "不合格", "得分", "交办", "已整改", "整改中", "逾期",
					"整改率(%)");
			int n = 1;
			for (Line l : f.communities()) {
				Row row = communities.createRow(n++);
				row.createCell(0).setCellValue(l.rank());
				row.createCell(1).setCellValue(l.code());
				row.createCell(2).setCellValue(SpreadsheetCells.text(l.name()));
				row.createCell(3).setCellValue(l.checks());
				row.createCell(4).setCellValue(l.failed());
				if (l.score() != null) {
					row.createCell(5).setCellValue(l.score());
				}
				row.createCell(6).setCellValue(l.handOffs());
				row.createCell(7).setCellValue(l.rectified());
				row.createCell(8).setCellValue(l.open());
				row.createCell(9).setCellValue(l.overdue());
				row.createCell(10).setCellValue(l.rate());
			}
			Sheet units = book.createSheet("单位");
			header(units, bold, "名次", "单位", "交办", "已整改", "整改中", "逾期", "整改率(%)");
			n = 1;
			for (Line l : f.units()) {
				Row row = units.createRow(n++);
				row.createCell(0).setCellValue(l.rank());
				row.createCell(1).setCellValue(SpreadsheetCells.text(l.name()));
				row.createCell(2).setCellValue(l.handOffs());
				row.createCell(3).setCellValue(l.rectified());
				row.createCell(4).setCellValue(l.open());
				row.createCell(5).setCellValue(l.overdue());
				row.createCell(6).setCellValue(l.rate());
			}
			Sheet overdue = book.createSheet("逾期");
			header(overdue, bold, "社区", "检查项", "问题", "整改要求", "责任单位", "期限", "案卷");
			n = 1;
			for (HandOff h : f.overdue()) {
				Row row = overdue.createRow(n++);
				row.createCell(0).setCellValue(SpreadsheetCells.text(h.communityName()));
				row.createCell(1).setCellValue(SpreadsheetCells.text(h.checkItemText()));
				row.createCell(2).setCellValue(SpreadsheetCells.text(h.problem()));
				row.createCell(3).setCellValue(SpreadsheetCells.text(h.fix()));
				row.createCell(4).setCellValue(h.unitName() == null ? "" : SpreadsheetCells.text(h.unitName()));
				row.createCell(5).setCellValue(h.deadline().toString());
				row.createCell(6).setCellValue(h.caseNumber() == null ? "" : h.caseNumber());
			}
			if (!f.worstPhotos().isEmpty()) {
				// the photos of the worst findings, one under the other (a JPEG or PNG; others are left out)
				Sheet photos = book.createSheet("典型问题照片");
				var drawing = photos.createDrawingPatriarch();
				int at = 0;
				for (long id : f.worstPhotos()) {
					Inspections.Photo photo = inspections.photo(user, id);
					int type = switch (photo.type()) {
						case "image/png" -> org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG;
						case "image/jpeg" -> org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_JPEG;
						default -> -1;
					};
					if (type < 0) {
						continue;
					}
					int picture = book.addPicture(photo.data(), type);
					var anchor = book.getCreationHelper().createClientAnchor();
					anchor.setCol1(0);
					anchor.setRow1(at);
					anchor.setCol2(4);
					anchor.setRow2(at + 12);
					drawing.createPicture(anchor, picture);
					at += 13;
				}
			}
			book.write(out);
		}
	}

	private static void header(Sheet sheet, CellStyle style, String... heads) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < heads.length; i++) {
			row.createCell(i).setCellValue(heads[i]);
			row.getCell(i).setCellStyle(style);
			sheet.setColumnWidth(i, 16 * 256);
		}
	}
}
