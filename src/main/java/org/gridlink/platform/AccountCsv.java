package org.gridlink.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the user import file into one candidate account per data row. Columns {@code username, display_name,
 * roles, scope, password} (or 用户名, 姓名, 角色, 管辖范围, 初始密码/密码), in any order; roles and scope codes are
 * separated by {@code |}, {@code ;}, commas or spaces. Row numbers are the spreadsheet's: the header is row 1 and
 * blank lines count, so a reported row is the row the user sees in Excel.
 * <p>
 * A file that cannot be read as a whole (empty, header missing, broken quoting, too many rows) yields
 * {@link Parsed#fileProblems()} and no rows.
 */
final class AccountCsv {

	static final List<String> COLUMNS = List.of("username", "display_name", "roles", "scope", "password");
	static final List<String> REQUIRED = List.of("username", "display_name", "roles", "password");
	static final int MAX_ROWS = 5_000;

	private static final Map<String, String> ALIASES = Map.of("用户名", "username", "姓名", "display_name", "角色",
			"roles", "管辖范围", "scope", "初始密码", "password", "密码", "password");
	private static final String SEPARATORS = "[|;；,，、\\s]+";

	/** Localizes a message key with arguments. */
	interface Messages {
		String get(String key, Object... args);
	}

	/** A data row: its spreadsheet row number, the account it describes and what is wrong with its values. */
	record Row(long number, NewAccount account, List<RowError> problems) {
	}

	record Parsed(List<Row> rows, List<RowError> fileProblems) {

		static Parsed failed(RowError problem) {
			return new Parsed(List.of(), List.of(problem));
		}
	}

	private AccountCsv() {
	}

	static Parsed read(Reader csv, Messages messages) {
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(false).setTrim(true).get().parse(csv)) {
			if (parser.getHeaderNames().isEmpty()) {
				return Parsed.failed(new RowError(1, "", messages.get("bulk.empty")));
			}
			Map<String, String> columns = columns(parser.getHeaderNames());
			List<RowError> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c))
					.map(c -> new RowError(1, c, messages.get("bulk.header.missing", c))).toList();
			if (!missing.isEmpty()) {
				return new Parsed(List.of(), missing);
			}
			long lastRow = 1;
			try {
				for (CSVRecord record : parser) {
					lastRow = record.getRecordNumber() + 1;
					if (isBlank(record)) {
						continue;
					}
					if (rows.size() == MAX_ROWS) {
						return Parsed.failed(new RowError(lastRow, "",
								messages.get("bulk.too.many", MAX_ROWS)));
					}
					rows.add(row(record, columns, messages));
				}
			}
			catch (UncheckedIOException ex) {
				return Parsed.failed(new RowError(lastRow + 1, "", messages.get("bulk.csv.broken", lastRow + 1)));
			}
		}
		catch (IllegalArgumentException ex) {
			return Parsed.failed(new RowError(1, "", messages.get("bulk.header.invalid", String.join(",", COLUMNS))));
		}
		catch (IOException | UncheckedIOException ex) {
			return Parsed.failed(new RowError(1, "", messages.get("bulk.csv.broken", 1)));
		}
		return new Parsed(rows, List.of());
	}

	private static Row row(CSVRecord record, Map<String, String> columns, Messages messages) {
		long number = record.getRecordNumber() + 1;
		List<RowError> problems = new ArrayList<>();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : split(value(record, columns, "roles"))) {
			String name = role.toUpperCase(Locale.ROOT);
			if (Role.isValid(name)) {
				roles.add(Role.valueOf(name));
			}
			else {
				problems.add(new RowError(number, "roles", messages.get("account.role.unknown", role)));
			}
		}
		NewAccount account = new NewAccount(value(record, columns, "username").toLowerCase(Locale.ROOT),
				value(record, columns, "display_name"), value(record, columns, "password"), roles,
				new LinkedHashSet<>(split(value(record, columns, "scope"))), null);
		return new Row(number, account, problems);
	}

	/** Maps Chinese or English header names (any case, BOM tolerated) to our column keys. */
	private static Map<String, String> columns(List<String> headers) {
		Map<String, String> columns = new HashMap<>();
		for (String header : headers) {
			String clean = header.replace("\uFEFF", "").trim();
			columns.putIfAbsent(ALIASES.getOrDefault(clean, clean.toLowerCase(Locale.ROOT)), header);
		}
		return columns;
	}

	private static String value(CSVRecord record, Map<String, String> columns, String key) {
		String header = columns.get(key);
		if (header == null || !record.isSet(header)) {
			return "";
		}
		return record.get(header).trim();
	}

	private static boolean isBlank(CSVRecord record) {
		return record.stream().allMatch(String::isBlank);
	}

	/** Values of a multi-value cell, e.g. {@code GRID_WORKER|POLICE} or {@code 320819001001001; 320819001001002}. */
	static List<String> split(String value) {
		List<String> parts = new ArrayList<>();
		for (String part : value.split(SEPARATORS)) {
			if (!part.isBlank()) {
				parts.add(part.trim());
			}
		}
		return parts;
	}
}
