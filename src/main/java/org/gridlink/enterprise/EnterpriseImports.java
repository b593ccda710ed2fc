package org.gridlink.enterprise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.SpreadsheetCells;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports enterprises from a CSV or Excel file (docs/enterprise.md, "Import"): every row is checked with the rules of
 * the form and every problem of a row is reported (row, column, value, reason); the good rows are registered, or
 * update the enterprise with the same credit code when the importer may edit it; a credit code twice in the file is
 * refused the second time. Personal data in the report is masked. The import is audited with its counts.
 */
@Service
public class EnterpriseImports {

	private static final Map<String, String> HEADERS = new HashMap<>();

	static {
		for (String[] c : EnterpriseImportFile.COLUMNS) {
			HEADERS.put(c[0], c[1]);
		}
	}

	private static final Map<String, String> FIELD_COLUMNS = Map.of("creditCode", EnterpriseImportFile.CREDIT_CODE,
			"name", EnterpriseImportFile.NAME, "legalRepresentative", EnterpriseImportFile.LEGAL_REP, "industry",
			EnterpriseImportFile.INDUSTRY, "size", EnterpriseImportFile.SIZE, "address", EnterpriseImportFile.ADDRESS,
			"gridCode", EnterpriseImportFile.GRID, "contactPhone", EnterpriseImportFile.PHONE);

	private final Enterprises enterprises;
	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	EnterpriseImports(Enterprises enterprises, JdbcClient jdbc, MessageSource messages, AuditTrail audit,
			TransactionTemplate transactions) {
		this.enterprises = enterprises;
		this.jdbc = jdbc;
		this.messages = messages;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** The template's header line (CSV, UTF-8 with byte order mark for Excel) and one example row. */
	public static String templateCsv() {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", EnterpriseImportFile.COLUMNS.stream().map(c -> c[1]).toList())).append("\r\n");
		csv.append("91320819MA1XY2345").append(CreditCode.checkCharacter("91320819MA1XY2345")).append(",示例科技有限公司,张三,C,SMALL,示例路1号,320819001001001,否,13812345678\r\n");
		return csv.toString();
	}

	public EnterpriseImportResult run(CurrentUser user, byte[] file, Locale locale) {
		if (!EnterpriseAccess.registersAny(user)) {
			audit.record("enterprise.import", "enterprise", null, AuditTrail.DENIED, "role");
			throw new AccessDeniedException("importing enterprises is for center, street and community staff");
		}
		EnterpriseImportFile.Table table;
		try {
			table = EnterpriseImportFile.read(file);
		}
		catch (EnterpriseImportFile.NotATable ex) {
			return fileProblem(0, ex.messageKey(), locale);
		}
		List<String> missing = new ArrayList<>();
		for (String required : List.of(EnterpriseImportFile.CREDIT_CODE, EnterpriseImportFile.NAME,
				EnterpriseImportFile.GRID)) {
			if (!table.columns().contains(required)) {
				missing.add(HEADERS.get(required));
			}
		}
		if (!missing.isEmpty()) {
			return fileProblem(1, "enterprise.import.columns.missing", locale, String.join("、", missing));
		}
		if (table.lines().isEmpty()) {
			return fileProblem(0, "enterprise.import.file.empty", locale);
		}
		List<EnterpriseImportResult.Problem> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int[] created = { 0 };
		int[] updated = { 0 };
		for (EnterpriseImportFile.Line line : table.lines()) {
			int before = problems.size();
			Boolean key = parseKey(line.get(EnterpriseImportFile.KEY));
			if (key == null) {
				problems.add(problem(line.number(), EnterpriseImportFile.KEY, line.get(EnterpriseImportFile.KEY),
						"enterprise.import.key.invalid", locale));
			}
			EnterpriseInput input = new EnterpriseInput(line.get(EnterpriseImportFile.CREDIT_CODE),
					line.get(EnterpriseImportFile.NAME), line.get(EnterpriseImportFile.LEGAL_REP),
					line.get(EnterpriseImportFile.INDUSTRY), line.get(EnterpriseImportFile.SIZE),
					line.get(EnterpriseImportFile.ADDRESS), line.get(EnterpriseImportFile.GRID), key,
					line.get(EnterpriseImportFile.PHONE));
			enterprises.rules().problems(input).forEach((field, p) -> {
				String column = FIELD_COLUMNS.get(field);
				problems.add(new EnterpriseImportResult.Problem(line.number(), HEADERS.get(column),
						shown(column, line.get(column)), message(p.messageKey(), locale, p.arguments())));
			});
			if (problems.size() > before) {
				continue;
			}
			EnterpriseRules.Valid v = EnterpriseRules.valid(input);
			if (!seen.add(v.creditCode())) {
				problems.add(problem(line.number(), EnterpriseImportFile.CREDIT_CODE, v.creditCode(),
						"enterprise.import.creditCode.twice", locale));
				continue;
			}
			if (!EnterpriseAccess.mayRegister(user, v.gridCode())) {
				problems.add(problem(line.number(), EnterpriseImportFile.GRID, v.gridCode(),
						"enterprise.gridCode.scope", locale));
				continue;
			}
			@Nullable EnterpriseRef existing = jdbc.sql("SELECT id FROM enterprise WHERE credit_code = ?")
					.param(v.creditCode()).query(Long.class).optional()
					.map(id -> enterpriseRef(user, id)).orElse(null);
			boolean exists = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?").param(v.creditCode())
					.query(Long.class).single() > 0;
			if (exists && (existing == null || !EnterpriseAccess.mayRegister(user, existing.gridCode()))) {
				problems.add(problem(line.number(), EnterpriseImportFile.CREDIT_CODE, v.creditCode(),
						"enterprise.import.creditCode.elsewhere", locale));
				continue;
			}
			transactions.executeWithoutResult(tx -> {
				if (existing != null) {
					enterprises.apply(user.username(), existing.id(), v, existing.keyEnterprise());
					updated[0]++;
				}
				else {
					enterprises.insert(user.username(), v);
					created[0]++;
				}
			});
		}
		audit.record("enterprise.import", "enterprise", null, AuditTrail.SUCCESS, "rows " + table.lines().size()
				+ ", registered " + created[0] + ", updated " + updated[0] + ", refused "
				+ (table.lines().size() - created[0] - updated[0]));
		return new EnterpriseImportResult(table.lines().size(), created[0], updated[0], List.copyOf(problems));
	}

	private @Nullable EnterpriseRef enterpriseRef(CurrentUser user, long id) {
		try {
			EnterpriseView view = enterprises.get(user, id);
			return view.ref();
		}
		catch (org.gridlink.platform.NotFoundException ex) {
			return null;
		}
	}

	/** 是/否, yes/no, true/false, Y/N, 1/0, 重点; blank is no. Null for anything else. */
	static @Nullable Boolean parseKey(@Nullable String cell) {
		String v = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
		return switch (v) {
			case "", "否", "no", "n", "false", "0", "一般" -> Boolean.FALSE;
			case "是", "yes", "y", "true", "1", "重点", "重点企业" -> Boolean.TRUE;
			default -> null;
		};
	}

	/** Personal data in the report masked: the legal representative and the phone. */
	private static String shown(String column, String value) {
		String v = value.length() > 60 ? value.substring(0, 60) + "…" : value;
		if (EnterpriseImportFile.LEGAL_REP.equals(column)) {
			return v.isEmpty() ? "" : org.gridlink.shared.Masked.name(v);
		}
		if (EnterpriseImportFile.PHONE.equals(column)) {
			return org.gridlink.shared.Masked.phone(v);
		}
		return v;
	}

	private EnterpriseImportResult.Problem problem(long row, String column, String value, String key, Locale locale,
			Object... args) {
		return new EnterpriseImportResult.Problem(row, HEADERS.get(column), shown(column, value),
				message(key, locale, args));
	}

	private EnterpriseImportResult fileProblem(long row, String key, Locale locale, Object... args) {
		audit.record("enterprise.import", "enterprise", null, AuditTrail.FAILURE, key);
		return new EnterpriseImportResult(0, 0, 0,
				List.of(new EnterpriseImportResult.Problem(row, "", "", message(key, locale, args))));
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/** The problems as a CSV report (UTF-8 with byte order mark), cells safe for spreadsheets. */
	public String reportCsv(EnterpriseImportResult result, Locale locale) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", message("enterprise.import.report.row", locale),
				message("enterprise.import.report.column", locale), message("enterprise.import.report.value", locale),
				message("enterprise.import.report.reason", locale))).append("\r\n");
		for (EnterpriseImportResult.Problem p : result.problems()) {
			csv.append(p.row()).append(',').append(SpreadsheetCells.csvField(p.column())).append(',')
					.append(SpreadsheetCells.csvField(p.value())).append(',')
					.append(SpreadsheetCells.csvField(p.message())).append("\r\n");
		}
		return csv.toString();
	}
}
