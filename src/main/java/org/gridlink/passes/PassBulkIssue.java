package org.gridlink.passes;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.RowError;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.gridlink.shared.Masked;
import org.gridlink.platform.SpreadsheetCells;

/**
 * Bulk issue from a list (CSV or .xlsx, see {@link PassListFile}), all or nothing: every row is checked with the same
 * rules as a single pass, and only when every row is good are all passes issued, in one transaction, as one batch.
 * A list is usually one company's or one building's people for one purpose: issuing part of it would leave staff to
 * find out which rows are missing and upload them again without making duplicates. When a row is bad nothing is
 * issued and every row's problems are reported (row as the spreadsheet numbers it, column, message). The batch's
 * passes print as one PDF, a page each.
 */
@Service
public class PassBulkIssue {

	/** The result of one upload: the batch (null when nothing was issued), rows read, problems, passes issued. */
	public record Result(@Nullable UUID batchId, int rows, List<RowError> errors, List<Issued> issued) {

		public boolean accepted() {
			return batchId != null;
		}
	}

	/** One issued pass of a batch: the file's row, the pass id and what the pass shows (masked holder or plate). */
	public record Issued(int row, UUID id, PassType type, String holder) {
	}

	static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	/** The window of a pass when the list or form leaves the end empty. */
	public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

	private final Passes passes;
	private final PassPdf pdf;
	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final TransactionTemplate transaction;
	private final int maxRows;
	private final long maxBytes;
	private final Clock clock;

	PassBulkIssue(Passes passes, PassPdf pdf, JdbcClient jdbc, MessageSource messages, AuditTrail audit,
			PlatformTransactionManager transactions, @Value("${gridlink.passes.bulk-max-rows:1000}") int maxRows,
			@Value("${gridlink.passes.bulk-max-bytes:2097152}") long maxBytes, Clock clock) {
		this.clock = clock;
		this.passes = passes;
		this.pdf = pdf;
		this.jdbc = jdbc;
		this.messages = messages;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.maxRows = maxRows;
		this.maxBytes = maxBytes;
	}

	public int maxRows() {
		return maxRows;
	}

	/** Checks every row and, when all are good, issues them all as one batch. */
	public Result issue(CurrentUser user, String fileName, byte[] file, Locale locale) {
		PassAccess.require(user, PassAccess.ISSUERS, "bulk");
		List<PassListFile.Line> lines;
		try {
			if (file.length == 0) {
				throw new InvalidInputException("passes.bulk.empty");
			}
			if (file.length > maxBytes) {
				throw new InvalidInputException("passes.bulk.too.big", maxBytes / 1024);
			}
			lines = PassListFile.read(file, maxRows);
		}
		catch (InvalidInputException problem) {
			audit.record("PASS_BULK_ISSUE", "passBatch", null, AuditTrail.FAILURE, "file=" + problem.messageKey());
			return new Result(null, 0, List.of(new RowError(0, "", text(problem, locale))), List.of());
		}
		UUID batchId = UUID.randomUUID();
		String name = fileName.isBlank() ? "list" : fileName.strip();
		Result result = transaction.execute(status -> {
			List<RowError> errors = new ArrayList<>();
			List<Issued> issued = new ArrayList<>();
			for (PassListFile.Line line : lines) {
				try {
					NewPass pass = toPass(line);
					IssuedPass done = passes.issue(user, pass);
					jdbc.sql("UPDATE pass SET batch_id = ?, batch_row = ? WHERE id = ?")
							.params(batchId, line.number(), done.id()).update();
					issued.add(new Issued(line.number(), done.id(), pass.type(),
							pass.type() == PassType.VEHICLE ? PassRules.normalisePlate(line.get("plate"))
									: Masked.name(line.get("holder_name"))));
				}
				catch (RowProblem problem) {
					errors.add(new RowError(line.number(), problem.column, text(problem.problem, locale)));
				}
				catch (InvalidInputException problem) {
					errors.add(new RowError(line.number(), column(problem.messageKey()), text(problem, locale)));
				}
				catch (OutOfScopeException outside) {
					errors.add(new RowError(line.number(), "zones",
							messages.getMessage("passes.bulk.zone.outside", null, locale)));
				}
			}
			if (!errors.isEmpty()) {
				status.setRollbackOnly(); // all or nothing: the passes of good rows are not kept either
				return new Result(null, lines.size(), errors, List.of());
			}
			jdbc.sql("INSERT INTO pass_batch (id, file_name, passes, issued_by, issued_at) VALUES (?, ?, ?, ?, ?)")
					.params(batchId, name.length() > 200 ? name.substring(0, 200) : name, issued.size(),
							user.username(), clock.instant().atOffset(ZoneOffset.UTC))
					.update();
			audit.record("PASS_BULK_ISSUE", "passBatch", batchId.toString(), AuditTrail.SUCCESS,
					"rows=" + lines.size() + " issued=" + issued.size());
			return new Result(batchId, lines.size(), List.of(), issued);
		});
		if (result != null && !result.accepted()) {
			audit.record("PASS_BULK_ISSUE", "passBatch", null, AuditTrail.FAILURE,
					"rows=" + result.rows() + " errors=" + result.errors().size());
		}
		return result;
	}

	/** The passes of a batch that lie in the caller's scope, in the order of the file. */
	public List<PassView> batch(CurrentUser user, UUID batchId) {
		PassAccess.require(user, PassAccess.ISSUERS, "read");
		List<UUID> ids = jdbc.sql("SELECT id FROM pass WHERE batch_id = ? ORDER BY batch_row").param(batchId)
				.query(UUID.class).list();
		List<PassView> visible = new ArrayList<>();
		for (UUID id : ids) {
			try {
				visible.add(passes.get(user, id));
			}
			catch (OutOfScopeException outside) {
				// another issuer's zone: not shown
			}
		}
		if (visible.isEmpty()) {
			throw new NotFoundException("passes.batch.not.found", batchId.toString());
		}
		return visible;
	}

	/** The batch's passes as one PDF, a page per pass. */
	public byte[] batchPdf(CurrentUser user, UUID batchId, Locale locale) {
		byte[] document = pdf.render(batch(user, batchId), locale);
		audit.record("PASS_BATCH_PRINT", "passBatch", batchId.toString(), AuditTrail.SUCCESS, "");
		return document;
	}

	/**
	 * The upload's result as CSV for Excel (UTF-8 with BOM): row, result, column, message, pass id, holder. A cell
	 * that starts with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe so a spreadsheet
	 * shows it as text instead of running it as a formula (the holder and the messages echo the uploaded file).
	 */
	public String resultCsv(Result result, Locale locale) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = CSVFormat.EXCEL.print(out)) {
			printer.printRecord(Arrays.stream(new String[] { "row", "result", "column", "message", "id", "holder" })
					.map(key -> messages.getMessage("passes.bulk.csv." + key, null, key, locale)).toList());
			for (RowError error : result.errors()) {
				printer.printRecord(safe(error.row()), safe(messages.getMessage("passes.bulk.csv.error", null, locale)),
						safe(error.column()), safe(error.message()), "", "");
			}
			for (Issued pass : result.issued()) {
				printer.printRecord(safe(pass.row()), safe(messages.getMessage("passes.bulk.csv.issued", null, locale)),
						"", "", safe(pass.id()), safe(pass.holder()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static String safe(Object value) {
		return SpreadsheetCells.text(String.valueOf(value));
	}

	/**
	 * An example list, in the user's language and with a zone of the user's own scope, to fill in (CSV, UTF-8 with
	 * BOM so Excel shows Chinese).
	 */
	public String templateCsv(CurrentUser user, Locale locale) {
		PassAccess.require(user, PassAccess.ISSUERS, "bulk");
		String zone = user.scope().codes().stream().sorted().findFirst().orElse("");
		boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		LocalDateTime start = LocalDateTime.now(clock.withZone(BEIJING)).plusDays(1).truncatedTo(ChronoUnit.DAYS).withHour(8);
		try (CSVPrinter printer = CSVFormat.EXCEL.print(out)) {
			printer.printRecord(PassListFile.COLUMNS.values().stream().map(names -> names.get(chinese ? 1 : 0)).toList());
			printer.printRecord(chinese ? "人员" : "PERSON", "王小明", "", chinese ? "上班" : "work", zone,
					WALL_CLOCK.format(start), WALL_CLOCK.format(start.plusDays(7)));
			printer.printRecord(chinese ? "车辆" : "VEHICLE", "", "苏AD12345", chinese ? "送货" : "delivery", zone,
					WALL_CLOCK.format(start), WALL_CLOCK.format(start.plusDays(30)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static final class RowProblem extends RuntimeException {
		final String column;
		final InvalidInputException problem;

		RowProblem(String column, InvalidInputException problem) {
			super(problem.messageKey(), null, false, false);
			this.column = column;
			this.problem = problem;
		}
	}

	private NewPass toPass(PassListFile.Line line) {
		PassType type = type(line.get("type"));
		List<String> zones = Arrays.stream(line.get("zones").split("[\\s,;，；、]+")).filter(z -> !z.isBlank()).toList();
		OffsetDateTime from = time(line.get("valid_from"), "valid_from", false);
		if (from == null) {
			from = OffsetDateTime.now(clock.withZone(BEIJING)).truncatedTo(ChronoUnit.MINUTES);
		}
		OffsetDateTime to = time(line.get("valid_to"), "valid_to", true);
		if (to == null) {
			to = from.plus(DEFAULT_VALIDITY);
		}
		String holder = line.get("holder_name");
		return new NewPass(type, holder.isEmpty() ? null : holder, line.get("plate"), line.get("purpose"), zones, from,
				to);
	}

	private static PassType type(String raw) {
		return switch (raw.strip().toUpperCase(Locale.ROOT)) {
			case "PERSON", "人员", "人" -> PassType.PERSON;
			case "VEHICLE", "车辆", "车" -> PassType.VEHICLE;
			default -> throw new RowProblem("type", new InvalidInputException("passes.type.invalid"));
		};
	}

	/** {@code yyyy-MM-dd HH:mm} (Beijing time), a date alone (start of the day, or its end for valid_to), or ISO. */
	private static @Nullable OffsetDateTime time(String raw, String column, boolean endOfDay) {
		String text = raw.strip().replace('/', '-');
		if (text.isEmpty()) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(BEIJING).toOffsetDateTime();
			}
			if (text.length() <= 19 && !text.contains("T")) {
				return LocalDateTime.parse(text.length() == 19 ? text.substring(0, 16) : text, WALL_CLOCK)
						.atZone(BEIJING).toOffsetDateTime();
			}
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException bad) {
			throw new RowProblem(column, new InvalidInputException("passes.bulk.time.invalid", raw));
		}
	}

	/** The list's column (snake case, as in the template) of a pass's field. */
	private static String column(String messageKey) {
		String field = NewPass.field(messageKey);
		return field == null ? "" : field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
	}

	private String text(InvalidInputException problem, Locale locale) {
		return messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale);
	}
}
