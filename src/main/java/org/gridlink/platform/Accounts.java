package org.gridlink.platform;

import java.io.IOException;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts: create (one or in bulk from CSV), roles, jurisdiction scope, disable/enable. Every change is
 * written to the audit trail.
 */
@Service
public class Accounts {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,63}");
	private static final int MAX_BULK_ROWS = 5_000;

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final AuditTrail audit;
	private final JurisdictionDirectory jurisdictions;
	private final MessageSource messages;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, JurisdictionDirectory jurisdictions,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.jurisdictions = jurisdictions;
		this.messages = messages;
	}

	public Optional<AccountView> find(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).optional()
				.map(this::load);
	}

	public AccountView get(long id) {
		return load(id);
	}

	/** Accounts whose username or display name contains {@code q}, ordered by username. */
	public Page<AccountView> list(@Nullable String q, Pageable pageable) {
		String like = "%" + (q == null ? "" : q.trim().toLowerCase(Locale.ROOT)) + "%";
		long total = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) LIKE ? OR LOWER(display_name) LIKE ?")
				.params(like, like).query(Long.class).single();
		List<Long> ids = jdbc.sql("""
				SELECT id FROM app_user WHERE LOWER(username) LIKE ? OR LOWER(display_name) LIKE ?
				ORDER BY username LIMIT ? OFFSET ?""")
				.params(like, like, pageable.getPageSize(), pageable.getOffset()).query(Long.class).list();
		return new PageImpl<>(ids.stream().map(this::load).toList(), pageable, total);
	}

	/** Creates one account after validating it; throws {@link InvalidInputException} naming the first problem. */
	@Transactional
	public AccountView create(NewAccount account) {
		List<RowError> problems = validate(account, 0);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("error.field", problems.get(0).column(), problems.get(0).message());
		}
		long id = insert(account, passwords.encode(account.password()));
		audit.record("USER_CREATE", "user", account.username(), AuditTrail.SUCCESS,
				"roles=" + account.roles() + " scope=" + new TreeSet<>(account.scope()));
		return load(id);
	}

	/**
	 * Creates accounts without per-row validation messages, sharing one precomputed password hash. For the demo
	 * district only, where every user has the same published password.
	 */
	@Transactional
	public void createDemoAccounts(Collection<NewAccount> accounts, String sharedPassword) {
		String hash = passwords.encode(sharedPassword);
		for (NewAccount account : accounts) {
			insert(account, hash);
		}
	}

	@Transactional
	public void setRoles(String username, Set<Role> roles) {
		if (roles.isEmpty()) {
			throw new InvalidInputException("account.roles.required");
		}
		long id = idOf(username);
		jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(id).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		audit.record("USER_ROLES", "user", username, AuditTrail.SUCCESS, "roles=" + new TreeSet<>(roles));
	}

	/** Replaces the user's scope; every code must name an existing jurisdiction. */
	@Transactional
	public void setScope(String username, Set<String> codes) {
		for (String code : codes) {
			if (!jurisdictions.exists(code)) {
				throw new InvalidInputException("account.scope.unknown", code);
			}
		}
		long id = idOf(username);
		jdbc.sql("DELETE FROM user_scope WHERE user_id = ?").param(id).update();
		for (String code : codes) {
			jdbc.sql("INSERT INTO user_scope (user_id, jurisdiction_code) VALUES (?, ?)").params(id, code).update();
		}
		audit.record("USER_SCOPE", "user", username, AuditTrail.SUCCESS, "scope=" + new TreeSet<>(codes));
	}

	@Transactional
	public void setEnabled(String username, boolean enabled) {
		long id = idOf(username);
		jdbc.sql("UPDATE app_user SET enabled = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?")
				.params(enabled, id).update();
		audit.record(enabled ? "USER_ENABLE" : "USER_DISABLE", "user", username, AuditTrail.SUCCESS, null);
	}

	/**
	 * Creates users from a CSV file with the columns {@code username, display_name, roles, scope, password}
	 * (or 用户名, 姓名, 角色, 管辖范围, 初始密码). Roles and scope codes are separated by {@code |} or {@code ;}.
	 * Good rows are created, bad rows are reported by row and column and never stop the others.
	 */
	@Transactional
	public BulkResult importCsv(Reader csv) {
		List<RowError> errors = new ArrayList<>();
		int processed = 0;
		int accepted = 0;
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true).setTrim(true).get().parse(csv)) {
			Map<String, String> columns = mapHeaders(parser.getHeaderNames());
			for (String required : List.of("username", "display_name", "roles", "password")) {
				if (!columns.containsKey(required)) {
					errors.add(new RowError(1, required, msg("bulk.header.missing", required)));
				}
			}
			if (!errors.isEmpty()) {
				return new BulkResult(0, 0, errors);
			}
			Set<String> seen = new HashSet<>();
			for (CSVRecord record : parser) {
				processed++;
				long row = record.getRecordNumber() + 1;
				if (processed > MAX_BULK_ROWS) {
					errors.add(new RowError(row, "", msg("bulk.too.many", MAX_BULK_ROWS)));
					break;
				}
				List<RowError> rowErrors = new ArrayList<>();
				NewAccount account = parseRow(record, columns, row, rowErrors);
				if (rowErrors.isEmpty()) {
					rowErrors.addAll(validate(account, row));
				}
				if (rowErrors.isEmpty() && !seen.add(account.username())) {
					rowErrors.add(new RowError(row, "username", msg("bulk.duplicate.username", account.username())));
				}
				if (rowErrors.isEmpty()) {
					insert(account, passwords.encode(account.password()));
					accepted++;
				}
				errors.addAll(rowErrors);
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			errors.add(new RowError(processed + 1, "", msg("bulk.not.csv", ex.getMessage())));
		}
		audit.record("USER_BULK_IMPORT", "user", null, errors.isEmpty() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
				"processed=" + processed + " accepted=" + accepted + " errors=" + errors.size());
		return new BulkResult(processed, accepted, errors);
	}

	/** Maps Chinese or English header names to our column keys. */
	private static Map<String, String> mapHeaders(List<String> headers) {
		Map<String, String> aliases = Map.of("用户名", "username", "姓名", "display_name", "角色", "roles", "管辖范围",
				"scope", "初始密码", "password", "密码", "password");
		Map<String, String> columns = new HashMap<>();
		for (String header : headers) {
			String clean = header.replace("\uFEFF", "").trim();
			String key = aliases.getOrDefault(clean, clean.toLowerCase(Locale.ROOT));
			columns.put(key, header);
		}
		return columns;
	}

	private NewAccount parseRow(CSVRecord record, Map<String, String> columns, long row, List<RowError> errors) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : split(value(record, columns, "roles"))) {
			String name = role.toUpperCase(Locale.ROOT);
			if (Role.isValid(name)) {
				roles.add(Role.valueOf(name));
			}
			else {
				errors.add(new RowError(row, "roles", msg("account.role.unknown", role)));
			}
		}
		return new NewAccount(value(record, columns, "username").toLowerCase(Locale.ROOT),
				value(record, columns, "display_name"), value(record, columns, "password"), roles,
				new LinkedHashSet<>(split(value(record, columns, "scope"))), null);
	}

	private static String value(CSVRecord record, Map<String, String> columns, String key) {
		String header = columns.get(key);
		if (header == null || !record.isSet(header)) {
			return "";
		}
		return record.get(header).trim();
	}

	private static List<String> split(String value) {
		List<String> parts = new ArrayList<>();
		for (String part : value.split("[|;；]")) {
			if (!part.isBlank()) {
				parts.add(part.trim());
			}
		}
		return parts;
	}

	private List<RowError> validate(NewAccount account, long row) {
		List<RowError> errors = new ArrayList<>();
		if (!USERNAME.matcher(account.username()).matches()) {
			errors.add(new RowError(row, "username", msg("account.username.invalid", account.username())));
		}
		else if (find(account.username()).isPresent()) {
			errors.add(new RowError(row, "username", msg("account.username.taken", account.username())));
		}
		if (account.displayName().isBlank() || account.displayName().length() > 100) {
			errors.add(new RowError(row, "display_name", msg("account.displayName.invalid")));
		}
		if (!PasswordPolicy.isAcceptable(account.password())) {
			errors.add(new RowError(row, "password", msg("account.password.weak")));
		}
		if (account.roles().isEmpty()) {
			errors.add(new RowError(row, "roles", msg("account.roles.required")));
		}
		for (String code : account.scope()) {
			if (!jurisdictions.exists(code)) {
				errors.add(new RowError(row, "scope", msg("account.scope.unknown", code)));
			}
		}
		return errors;
	}

	private long insert(NewAccount account, String passwordHash) {
		String district = account.scope().stream().filter(c -> c.length() >= 6).map(c -> c.substring(0, 6))
				.findFirst().orElse("000000");
		jdbc.sql("""
				INSERT INTO app_user (username, display_name, password_hash, unit_id, district_code, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(account.username(), account.displayName(), passwordHash, account.unitId(), district,
						OffsetDateTime.now())
				.update();
		long id = idOf(account.username());
		for (Role role : account.roles()) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		for (String code : account.scope()) {
			jdbc.sql("INSERT INTO user_scope (user_id, jurisdiction_code) VALUES (?, ?)").params(id, code).update();
		}
		return id;
	}

	private long idOf(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("account.not.found", username));
	}

	private AccountView load(long id) {
		record Row(long id, String username, String displayName, boolean enabled, @Nullable OffsetDateTime lockedUntil,
				@Nullable Long unitId) {
		}
		Row row = jdbc.sql("SELECT id, username, display_name, enabled, locked_until, unit_id FROM app_user WHERE id = ?")
				.param(id)
				.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
						rs.getBoolean("enabled"), rs.getObject("locked_until", OffsetDateTime.class),
						(Long) rs.getObject("unit_id", Long.class)))
				.optional().orElseThrow(() -> new NotFoundException("account.not.found", String.valueOf(id)));
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("SELECT role FROM user_role WHERE user_id = ?").param(id).query(String.class).list()
				.forEach(r -> roles.add(Role.valueOf(r)));
		Set<String> scope = new TreeSet<>(jdbc.sql("SELECT jurisdiction_code FROM user_scope WHERE user_id = ?")
				.param(id).query(String.class).list());
		boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(OffsetDateTime.now());
		return new AccountView(row.id(), row.username(), row.displayName(), row.enabled(), locked, roles, scope,
				row.unitId());
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
