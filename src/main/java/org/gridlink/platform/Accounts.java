package org.gridlink.platform;

import java.io.Reader;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * User accounts: create (one or in bulk from CSV), roles, jurisdiction scope, disable/enable. Every change is
 * written to the audit trail.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Accounts {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,63}");

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final AuditTrail audit;
	private final JurisdictionDirectory jurisdictions;
	private final MessageSource messages;
	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
	private final Clock clock;
	private final SecurityEpoch epoch;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, JurisdictionDirectory jurisdictions,
			MessageSource messages, ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, Clock clock,
			SecurityEpoch epoch) {
		this.epoch = epoch;
		this.clock = clock;
		this.sessions = sessions;
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
		String like = Like.contains(q == null ? null : q.toLowerCase(Locale.ROOT));
		long total = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) LIKE ?" + Like.ESCAPE
				+ " OR LOWER(display_name) LIKE ?" + Like.ESCAPE)
				.params(like, like).query(Long.class).single();
		List<Long> ids = jdbc.sql("""
				SELECT id FROM app_user WHERE LOWER(username) LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\'
				ORDER BY username LIMIT ? OFFSET ?""")
				.params(like, like, pageable.getPageSize(), pageable.getOffset()).query(Long.class).list();
		return new PageImpl<>(ids.stream().map(this::load).toList(), pageable, total);
	}

	/**
	 * The enabled accounts holding any of {@code roles} (any role when empty), of unit {@code unitId} when given, with
	 * at least one scope code inside {@code within}: the staff a notice of a user with that scope may reach.
	 */
	public List<AccountView> staffWithin(Set<Role> roles, @Nullable Long unitId, Scope within) {
		StringBuilder sql = new StringBuilder("SELECT u.id FROM app_user u WHERE u.enabled = TRUE AND EXISTS"
				+ " (SELECT 1 FROM user_scope s WHERE s.user_id = u.id AND " + within.sqlCondition("s.jurisdiction_code")
				+ ")");
		List<Object> params = new java.util.ArrayList<>();
		if (!roles.isEmpty()) {
			sql.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role IN (");
			int i = 0;
			for (Role role : roles) {
				sql.append(i++ == 0 ? "?" : ", ?");
				params.add(role.name());
			}
			sql.append("))");
		}
		if (unitId != null) {
			sql.append(" AND u.unit_id = ?");
			params.add(unitId);
		}
		return jdbc.sql(sql.append(" ORDER BY u.id").toString()).params(params).query(Long.class).list().stream()
				.map(this::load).toList();
	}

	/** The enabled accounts of one unit (who gets a unit's messages). */
	public List<AccountView> membersOf(long unitId) {
		return jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND unit_id = ? ORDER BY id").param(unitId)
				.query(Long.class).list().stream().map(this::load).toList();
	}

	/** Creates one account after validating it; throws {@link InvalidInputException} naming the first problem. */
	@Transactional
	public AccountView create(NewAccount account) {
		List<RowError> problems = problemsOf(account);
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

	/** Replaces the user's roles; an admin cannot take the admin role from themselves. */
	@Transactional
	public void setRoles(String username, Set<Role> roles) {
		if (roles.isEmpty()) {
			throw new InvalidInputException("account.roles.required");
		}
		if (!roles.contains(Role.ADMIN)) {
			refuseSelfLockout(username);
		}
		separationProblem(roles).ifPresent(key -> {
			throw new InvalidInputException(key);
		});
		refuseAuditorAccountChange(username);
		long id = idOf(username);
		jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(id).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		bumpSecurityVersion(id);
		audit.record("USER_ROLES", "user", username, AuditTrail.SUCCESS, "roles=" + new TreeSet<>(roles));
		endSessionsOf(username);
	}

	/** Replaces the user's scope; every code must name an existing jurisdiction. */
	@Transactional
	public void setScope(String username, Set<String> codes) {
		for (String code : codes) {
			if (!jurisdictions.exists(code)) {
				throw new InvalidInputException("account.scope.unknown", code);
			}
		}
		refuseAuditorAccountChange(username);
		long id = idOf(username);
		jdbc.sql("DELETE FROM user_scope WHERE user_id = ?").param(id).update();
		for (String code : codes) {
			jdbc.sql("INSERT INTO user_scope (user_id, jurisdiction_code) VALUES (?, ?)").params(id, code).update();
		}
		bumpSecurityVersion(id);
		audit.record("USER_SCOPE", "user", username, AuditTrail.SUCCESS, "scope=" + new TreeSet<>(codes));
		endSessionsOf(username);
	}

	/**
	 * Disables or enables an account (enabling also lifts a lockout). A disabled user can no longer log in or use
	 * HTTP Basic or API tokens. Admins cannot disable themselves.
	 */
	@Transactional
	public void setEnabled(String username, boolean enabled) {
		if (!enabled) {
			refuseSelfLockout(username);
		}
		refuseAuditorAccountChange(username);
		long id = idOf(username);
		jdbc.sql("UPDATE app_user SET enabled = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?")
				.params(enabled, id).update();
		epoch.bump();
		audit.record(enabled ? "USER_ENABLE" : "USER_DISABLE", "user", username, AuditTrail.SUCCESS, null);
		if (!enabled) {
			endSessionsOf(username);
		}
	}

	/**
	 * The signed-in user changes their own password: the current one must be right and the new one pass the
	 * {@link PasswordPolicy} (and differ from the current one). Clears a forced change, bumps the account's
	 * {@code security_version} and ends the account's other sessions. Audited ({@code PASSWORD_CHANGE}).
	 */
	@Transactional(noRollbackFor = InvalidInputException.class) // the refusal's audit entry stays
	public void changePassword(CurrentUser me, String currentPassword, String newPassword) {
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(me.id()).query(String.class)
				.single();
		if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
			audit.record("PASSWORD_CHANGE", "user", me.username(), AuditTrail.FAILURE, "wrong current password");
			throw new InvalidInputException("password.current.wrong");
		}
		List<String> problems = PasswordPolicy.problems(newPassword, me.username());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.get(0), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
		}
		if (passwords.matches(newPassword, hash)) {
			throw new InvalidInputException("password.policy.same");
		}
		jdbc.sql("UPDATE app_user SET password_hash = ?, password_must_change = FALSE WHERE id = ?")
				.params(passwords.encode(newPassword), me.id()).update();
		bumpSecurityVersion(me.id());
		audit.record("PASSWORD_CHANGE", "user", me.username(), AuditTrail.SUCCESS, null);
		endSessionsOf(me.username());
	}

	/**
	 * An admin forces a password reset of an account in their scope: a random temporary password (returned here
	 * only, to be handed to the user) that the user must change at the next login before doing anything else. Lifts
	 * a lockout, bumps the {@code security_version}, ends the account's sessions. Audited ({@code PASSWORD_RESET}).
	 */
	@Transactional
	public String resetPassword(String username) {
		refuseSelfLockout(username);
		refuseAuditorAccountChange(username);
		refuseOutOfScope(username);
		long id = idOf(username);
		String temporary = TemporaryPassword.generate();
		while (!PasswordPolicy.isAcceptable(temporary, username)) {
			temporary = TemporaryPassword.generate();
		}
		jdbc.sql("""
				UPDATE app_user SET password_hash = ?, password_must_change = TRUE, failed_attempts = 0,
				locked_until = NULL WHERE id = ?""").params(passwords.encode(temporary), id).update();
		bumpSecurityVersion(id);
		audit.record("PASSWORD_RESET", "user", username, AuditTrail.SUCCESS, "temporary password, change at next login");
		endSessionsOf(username);
		return temporary;
	}

	/** Whether the account must change its password (after an admin's reset) before doing anything else. */
	public boolean mustChangePassword(String username) {
		return jdbc.sql("SELECT password_must_change FROM app_user WHERE username = ?").param(username)
				.query(Boolean.class).optional().orElse(false);
	}

	/**
	 * An admin acts only on accounts within their own jurisdiction scope (an account without scope is
	 * district-wide and stays with the admins): a code of the account's scope outside the admin's is refused.
	 */
	void refuseOutOfScope(String username) {
		Optional<CurrentUser> me = CurrentUsers.find().filter(u -> u.has(Role.ADMIN));
		if (me.isEmpty()) {
			return;
		}
		AccountView account = find(username).orElseThrow(() -> new NotFoundException("account.not.found", username));
		if (!account.scope().stream().allMatch(me.get().scope()::covers)) {
			throw new OutOfScopeException("user", username);
		}
	}

	/**
	 * Refuses an admin's change of their own account, of an auditor's, or of an account outside their scope (used
	 * by the second factor's reset).
	 */
	public void refuseChangeOf(String username) {
		refuseSelfLockout(username);
		refuseAuditorAccountChange(username);
		refuseOutOfScope(username);
	}

	/** Ends the account's sessions other than the current request's and bumps its version (second factor reset). */
	@Transactional
	public void endAccess(String username) {
		bumpSecurityVersion(idOf(username));
		endSessionsOf(username);
	}

	/**
	 * API token requests keep roles and scope per user and version in memory (see AccountUserDetailsService), and
	 * their principals until the security epoch moves (see ApiTokens).
	 */
	private void bumpSecurityVersion(long id) {
		jdbc.sql("UPDATE app_user SET security_version = security_version + 1 WHERE id = ?").param(id).update();
		epoch.bump();
	}

	/** Lifts a lockout after repeated failed logins before it runs out. */
	@Transactional
	public void unlock(String username) {
		long id = idOf(username);
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
		audit.record("USER_UNLOCK", "user", username, AuditTrail.SUCCESS, null);
	}

	/**
	 * Separation of duties: one account is never both admin and auditor, and an admin neither grants the auditor
	 * role nor changes an auditor's account (auditors come from the installation's bootstrap, see README).
	 */
	private static Optional<String> separationProblem(Set<Role> roles) {
		if (roles.contains(Role.ADMIN) && roles.contains(Role.AUDITOR)) {
			return Optional.of("account.roles.separation");
		}
		if (roles.contains(Role.AUDITOR) && CurrentUsers.find().filter(me -> me.has(Role.ADMIN)).isPresent()) {
			return Optional.of("account.auditor.byAdmin");
		}
		return Optional.empty();
	}

	private void refuseAuditorAccountChange(String username) {
		boolean auditor = find(username).map(a -> a.roles().contains(Role.AUDITOR)).orElse(false);
		if (auditor && CurrentUsers.find().filter(me -> me.has(Role.ADMIN)).isPresent()) {
			throw new InvalidInputException("account.auditor.byAdmin");
		}
	}

	/**
	 * Ends the user's open browser sessions (all but the one making this request), so that a disabled account or
	 * changed roles and scope take effect at once rather than at the next login.
	 */
	private void endSessionsOf(String username) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		if (repository == null) {
			return;
		}
		String current = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getSession(false) != null ? attributes.getRequest().getSession(false).getId()
						: null;
		repository.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(current))
				.forEach(repository::deleteById);
	}

	private static void refuseSelfLockout(String username) {
		if (CurrentUsers.find().filter(me -> me.username().equals(username)).isPresent()) {
			throw new InvalidInputException("account.self.lockout");
		}
	}

	/**
	 * Creates users from an uploaded CSV file (UTF-8 with or without BOM, or GB18030 as a Chinese Excel saves it).
	 * A binary file, e.g. an Excel workbook, is refused with a clear message. See {@link #importCsv(Reader)}.
	 */
	@Transactional
	public BulkResult importCsv(byte[] file) {
		String text;
		try {
			text = CsvText.decode(file);
		}
		catch (InvalidInputException binary) {
			return finishImport(0, 0, List.of(new RowError(0, "", msg(binary.messageKey()))));
		}
		return importCsv(new StringReader(text));
	}

	/**
	 * Creates users from CSV text with the columns {@code username, display_name, roles, scope, password} (or
	 * 用户名, 姓名, 角色, 管辖范围, 初始密码); see {@link AccountCsv}. Good rows are created and bad rows are reported
	 * by row and column, every problem of a row at once, and never stop the others. A file that cannot be read as
	 * a whole (empty, missing column, broken quoting, more than {@value AccountCsv#MAX_ROWS} rows) creates nobody.
	 */
	@Transactional
	public BulkResult importCsv(Reader csv) {
		AccountCsv.Parsed parsed = AccountCsv.read(csv, this::msg);
		if (!parsed.fileProblems().isEmpty()) {
			return finishImport(0, 0, parsed.fileProblems());
		}
		List<RowError> errors = new ArrayList<>();
		List<AccountCsv.Row> good = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (AccountCsv.Row row : parsed.rows()) {
			List<RowError> problems = new ArrayList<>(row.problems());
			String username = row.account().username();
			boolean duplicate = USERNAME.matcher(username).matches() && !seen.add(username);
			if (duplicate) {
				problems.add(new RowError(row.number(), "username", msg("bulk.duplicate.username", username)));
			}
			for (RowError problem : validate(row.account(), row.number())) {
				boolean alreadySaid = duplicate && problem.column().equals("username")
						|| !row.problems().isEmpty() && problem.column().equals("roles");
				if (!alreadySaid) {
					problems.add(problem);
				}
			}
			if (problems.isEmpty()) {
				good.add(row);
			}
			errors.addAll(problems);
		}
		errors.sort(Comparator.comparingLong(RowError::row));
		List<String> hashes = good.parallelStream().map(row -> passwords.encode(row.account().password())).toList();
		for (int i = 0; i < good.size(); i++) {
			NewAccount account = good.get(i).account();
			insert(account, hashes.get(i));
			audit.record("USER_CREATE", "user", account.username(), AuditTrail.SUCCESS, "bulk import row "
					+ good.get(i).number() + " roles=" + account.roles() + " scope=" + new TreeSet<>(account.scope()));
		}
		return finishImport(parsed.rows().size(), good.size(), errors);
	}

	private BulkResult finishImport(int processed, int accepted, List<RowError> errors) {
		audit.record("USER_BULK_IMPORT", "user", null, errors.isEmpty() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
				"processed=" + processed + " accepted=" + accepted + " errors=" + errors.size());
		return new BulkResult(processed, accepted, errors);
	}

	/** What is wrong with a new account, by column ({@code username, display_name, password, roles, scope}). */
	public List<RowError> problemsOf(NewAccount account) {
		return validate(account, 0);
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
		for (String problem : PasswordPolicy.problems(account.password(), account.username())) {
			errors.add(new RowError(row, "password", msg(problem, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH)));
		}
		if (account.roles().isEmpty()) {
			errors.add(new RowError(row, "roles", msg("account.roles.required")));
		}
		separationProblem(account.roles()).ifPresent(key -> errors.add(new RowError(row, "roles", msg(key))));
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
						OffsetDateTime.now(clock))
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
		boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(OffsetDateTime.now(clock));
		return new AccountView(row.id(), row.username(), row.displayName(), row.enabled(), locked, roles, scope,
				row.unitId());
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
