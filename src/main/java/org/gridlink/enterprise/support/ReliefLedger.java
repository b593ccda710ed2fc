package org.gridlink.enterprise.support;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridlink.cases.CaseManagement;
import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.SpreadsheetCells;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relief ledger (纾困台账): relief recorded per enterprise (audited), the ledger and its totals per type, street and
 * industry, and the workbook — all within the user's enterprises ({@link EnterpriseDirectory#visibleSql}).
 */
@Service
public class ReliefLedger {

	/** Rows of one workbook at most; a larger ledger is exported per street or period. */
	public static final int EXPORT_LIMIT = 100_000;

	private static final String SELECT = """
			SELECT r.id, r.enterprise_id, e.name AS enterprise_name, e.grid_code, e.industry, r.relief_type AS type,
			r.amount_fen, r.granted_on, r.bank, r.starts_on, r.ends_on, r.landlord, r.months, r.note, r.case_id,
			r.case_number, r.recorded_at, r.recorded_by
			FROM enterprise_relief r JOIN enterprise e ON e.id = r.enterprise_id""";

	private final JdbcClient jdbc;
	private final EnterpriseDirectory enterprises;
	private final CaseManagement cases;
	private final AuditTrail audit;
	private final Clock clock;
	private final MessageSource messages;
	private final JurisdictionDirectory places;

	ReliefLedger(JdbcClient jdbc, EnterpriseDirectory enterprises, CaseManagement cases, AuditTrail audit, Clock clock,
			MessageSource messages, JurisdictionDirectory places) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
		this.places = places;
	}

	/** Records relief granted to an enterprise the user sees; 400 naming the field for bad input; audited. */
	@Transactional
	public Relief record(CurrentUser user, long enterpriseId, ReliefInput input) {
		EnterpriseRef enterprise = enterprises.require(user, enterpriseId);
		if (!SupportAccess.canRecordRelief(user)) {
			throw new AccessDeniedException("relief");
		}
		ReliefType type = Fields.oneOf("type", input.type(), ReliefType.class);
		long fen = Fen.check("amountFen", input.amountFen());
		LocalDate granted = Fields.requiredDate("grantedOn", input.grantedOn());
		LocalDate today = LocalDate.now(clock);
		if (granted.isAfter(today)) {
			throw new InvalidInputException("support.field.future", "grantedOn");
		}
		String bank = Fields.optional("bank", input.bank(), 100);
		LocalDate starts = Fields.date("startsOn", input.startsOn());
		LocalDate ends = Fields.date("endsOn", input.endsOn());
		String landlord = Fields.optional("landlord", input.landlord(), 100);
		Integer months = input.months();
		if (type.isLoan()) {
			if (bank == null) {
				throw new InvalidInputException("support.field.required", "bank");
			}
			if (ends == null) {
				throw new InvalidInputException("support.field.required", "endsOn");
			}
			if (starts != null && ends.isBefore(starts)) {
				throw new InvalidInputException("support.field.date", "endsOn");
			}
		}
		else {
			bank = null;
			starts = null;
			ends = null;
		}
		if (type.isRent()) {
			if (landlord == null) {
				throw new InvalidInputException("support.field.required", "landlord");
			}
			if (months == null) {
				throw new InvalidInputException("support.field.required", "months");
			}
			if (months < 1 || months > 36) {
				throw new InvalidInputException("support.field.months", "months");
			}
		}
		else {
			landlord = null;
			months = null;
		}
		String note = Fields.optional("note", input.note(), 500);
		String caseNumber = null;
		if (input.caseId() != null) {
			// only an appeal of this enterprise: any other case id would let the recorder learn a case's number
			boolean appealOfThisEnterprise = jdbc.sql("SELECT COUNT(*) FROM enterprise_appeal WHERE case_id = ? AND "
					+ "enterprise_id = ?").params(input.caseId(), enterprise.id()).query(Long.class).single() > 0;
			caseNumber = (appealOfThisEnterprise ? cases.reporterContact(input.caseId()) : java.util.Optional
					.<CaseManagement.ReporterContact>empty()).map(CaseManagement.ReporterContact::caseNumber)
					.orElseThrow(() -> new InvalidInputException("support.field.case", "caseId"));
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO enterprise_relief (enterprise_id, relief_type, amount_fen, granted_on, bank, starts_on, ends_on,
				landlord, months, note, case_id, case_number, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(enterprise.id(), type.name(), fen, granted, bank, starts, ends, landlord, months, note,
						input.caseId(), caseNumber, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
						user.username())
				.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("enterprise.relief.record", "enterprise", String.valueOf(enterprise.id()), AuditTrail.SUCCESS,
				"relief " + id + " " + type.name() + " " + fen + " fen" + (caseNumber == null ? "" : " case " + caseNumber));
		return get(id);
	}

	Relief get(long id) {
		return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(Relief.class).single();
	}

	/** The ledger of one enterprise the user sees, newest first. */
	public List<Relief> ofEnterprise(CurrentUser user, long enterpriseId) {
		EnterpriseRef enterprise = enterprises.require(user, enterpriseId);
		return jdbc.sql(SELECT + " WHERE r.enterprise_id = ? ORDER BY r.granted_on DESC, r.id DESC")
				.param(enterprise.id()).query(Relief.class).list();
	}

	/** The ledger lines in the user's scope under the filter, newest first, at most {@code limit}. */
	public List<Relief> ledger(CurrentUser user, ReliefFilter filter, int limit) {
		List<Object> args = new ArrayList<>();
		String where = where(user, filter, args);
		return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY r.granted_on DESC, r.id DESC LIMIT " + limit)
				.params(args).query(Relief.class).list();
	}

	/** The totals per type, street and industry in the user's scope under the filter. */
	public ReliefTotals totals(CurrentUser user, ReliefFilter filter) {
		List<Object> args = new ArrayList<>();
		String where = where(user, filter, args);
		String from = " FROM enterprise_relief r JOIN enterprise e ON e.id = r.enterprise_id WHERE " + where;
		List<ReliefTotals.Line> byType = lines("SELECT r.relief_type" + " AS k, COUNT(*) AS c, SUM(r.amount_fen) AS f"
				+ from + " GROUP BY r.relief_type ORDER BY r.relief_type", args);
		List<ReliefTotals.Line> byStreet = lines("SELECT LEFT(e.grid_code, 9) AS k, COUNT(*) AS c, SUM(r.amount_fen) AS f"
				+ from + " GROUP BY LEFT(e.grid_code, 9) ORDER BY 1", args).stream()
				.map(l -> new ReliefTotals.Line(l.key() + "000", l.count(), l.fen())).toList();
		List<ReliefTotals.Line> byIndustry = lines("SELECT COALESCE(e.industry, '-') AS k, COUNT(*) AS c, "
				+ "SUM(r.amount_fen) AS f" + from + " GROUP BY COALESCE(e.industry, '-') ORDER BY 1", args);
		long count = byType.stream().mapToLong(ReliefTotals.Line::count).sum();
		long fen = byType.stream().mapToLong(ReliefTotals.Line::fen).sum();
		// ordering by type name keeps the enum's order out of SQL; pages show them in the enum's order
		List<ReliefTotals.Line> ordered = new ArrayList<>();
		for (ReliefType t : ReliefType.values()) {
			byType.stream().filter(l -> l.key().equals(t.name())).forEach(ordered::add);
		}
		return new ReliefTotals(ordered, byStreet, byIndustry, count, fen);
	}

	private List<ReliefTotals.Line> lines(String sql, List<Object> args) {
		return jdbc.sql(sql).params(args).query((rs, i) -> new ReliefTotals.Line(rs.getString("k").strip(),
				rs.getLong("c"), rs.getLong("f"))).list();
	}

	private String where(CurrentUser user, ReliefFilter filter, List<Object> args) {
		if (!SupportAccess.canRead(user)) {
			return "1=0";
		}
		return enterprises.visibleSql(user, "e") + " AND " + filter.sql(args);
	}

	/** The ledger and its totals as a workbook (in scope, under the filter); audited as an export. */
	public void workbook(CurrentUser user, ReliefFilter filter, Locale locale, OutputStream out) throws IOException {
		List<Relief> rows = ledger(user, filter, EXPORT_LIMIT);
		ReliefTotals totals = totals(user, filter);
		List<String> codes = new ArrayList<>(totals.byStreet().stream().map(ReliefTotals.Line::key).toList());
		rows.stream().map(Relief::gridCode).distinct().forEach(codes::add);
		Map<String, String> names = places.names(codes);
		try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			Sheet sheet = book.createSheet(t("support.relief.ledger", locale));
			String[] heads = { "support.relief.col.enterprise", "support.relief.col.street", "support.relief.col.grid",
					"support.relief.col.industry", "support.relief.col.type", "support.relief.col.amount",
					"support.relief.col.grantedOn", "support.relief.col.bank", "support.relief.col.startsOn",
					"support.relief.col.endsOn", "support.relief.col.landlord", "support.relief.col.months",
					"support.relief.col.case", "support.relief.col.note" };
			head(sheet, heads, locale);
			int r = 1;
			for (Relief x : rows) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(SpreadsheetCells.text(x.enterpriseName()));
				row.createCell(1).setCellValue(SpreadsheetCells.text(names.getOrDefault(x.streetCode(), x.streetCode())));
				row.createCell(2).setCellValue(SpreadsheetCells.text(names.getOrDefault(x.gridCode(), x.gridCode())));
				row.createCell(3).setCellValue(industry(x.industry(), locale));
				row.createCell(4).setCellValue(t(x.type().word(), locale));
				var amount = row.createCell(5);
				amount.setCellValue(x.amountFen() / 100.0);
				amount.setCellStyle(money);
				row.createCell(6).setCellValue(x.grantedOn().toString());
				row.createCell(7).setCellValue(SpreadsheetCells.text(x.bank() == null ? "" : x.bank()));
				row.createCell(8).setCellValue(x.startsOn() == null ? "" : x.startsOn().toString());
				row.createCell(9).setCellValue(x.endsOn() == null ? "" : x.endsOn().toString());
				row.createCell(10).setCellValue(SpreadsheetCells.text(x.landlord() == null ? "" : x.landlord()));
				if (x.months() != null) {
					row.createCell(11).setCellValue(x.months());
				}
				row.createCell(12).setCellValue(x.caseNumber() == null ? "" : x.caseNumber());
				row.createCell(13).setCellValue(SpreadsheetCells.text(x.note() == null ? "" : x.note()));
			}
			Sheet sums = book.createSheet(t("support.relief.totals", locale));
			head(sums, new String[] { "support.relief.col.by", "support.relief.col.group", "support.relief.col.count",
					"support.relief.col.amount" }, locale);
			int s = 1;
			for (ReliefTotals.Line l : totals.byType()) {
				s = sum(sums, s, t("support.relief.byType", locale), t("support.relief.type." + l.key(), locale), l, money);
			}
			for (ReliefTotals.Line l : totals.byStreet()) {
				s = sum(sums, s, t("support.relief.byStreet", locale), names.getOrDefault(l.key(), l.key()), l, money);
			}
			for (ReliefTotals.Line l : totals.byIndustry()) {
				s = sum(sums, s, t("support.relief.byIndustry", locale), industry(l.key(), locale), l, money);
			}
			sum(sums, s, t("support.relief.total", locale), "", new ReliefTotals.Line("", totals.count(), totals.fen()),
					money);
			book.write(out);
			book.dispose();
		}
		audit.record("enterprise.relief.export", "relief", null, AuditTrail.SUCCESS, rows.size() + " rows");
	}

	private static int sum(Sheet sheet, int r, String by, String group, ReliefTotals.Line l, CellStyle money) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(by);
		row.createCell(1).setCellValue(SpreadsheetCells.text(group));
		row.createCell(2).setCellValue(l.count());
		var amount = row.createCell(3);
		amount.setCellValue(l.fen() / 100.0);
		amount.setCellStyle(money);
		return r + 1;
	}

	private void head(Sheet sheet, String[] keys, Locale locale) {
		Row head = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			head.createCell(i).setCellValue(t(keys[i], locale));
		}
	}

	String industry(@Nullable String letter, Locale locale) {
		return letter == null || letter.equals("-") ? t("support.industry.none", locale)
				: t("support.industry." + letter, locale);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
