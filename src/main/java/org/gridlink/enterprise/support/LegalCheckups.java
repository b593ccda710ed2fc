package org.gridlink.enterprise.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Hashes;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.PublicUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal check-ups (法律体检): scheduled for an enterprise with a public questionnaire link (a random 256-bit token kept
 * as its hash); the enterprise's self-check; the team's findings graded red/orange/yellow, each red or orange one with
 * exactly one fix task ({@link FixTaskRule}); the revisit that closes or re-opens findings; the report. Every list and
 * record is within the user's enterprises ({@link EnterpriseDirectory}); every change is audited.
 */
@Service
public class LegalCheckups {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SELECT = """
			SELECT c.id, c.enterprise_id, e.name AS enterprise_name, e.grid_code, c.scheduled_on, c.status,
			c.self_checked_at,
			(SELECT COUNT(*) FROM legal_checkup_finding f WHERE f.checkup_id = c.id AND f.risk = 'RED') AS red,
			(SELECT COUNT(*) FROM legal_checkup_finding f WHERE f.checkup_id = c.id AND f.risk = 'ORANGE') AS orange,
			(SELECT COUNT(*) FROM legal_checkup_finding f WHERE f.checkup_id = c.id AND f.risk = 'YELLOW') AS yellow,
			(SELECT COUNT(*) FROM legal_checkup_finding f JOIN legal_checkup_fix_task t ON t.finding_id = f.id
			 WHERE f.checkup_id = c.id AND t.status = 'OPEN') AS open_tasks
			FROM legal_checkup c JOIN enterprise e ON e.id = c.enterprise_id""";

	private static final String FINDINGS = """
			SELECT f.id, f.checkup_id, f.area, f.description, f.risk, f.advice, f.status, t.id AS task_id,
			t.due_on AS task_due_on, t.status AS task_status
			FROM legal_checkup_finding f LEFT JOIN legal_checkup_fix_task t ON t.finding_id = f.id""";

	/** A check-up as lists show it: the enterprise, the date, the stage, findings by risk and open fix tasks. */
	public record Checkup(long id, long enterpriseId, String enterpriseName, String gridCode, LocalDate scheduledOn,
			CheckupStatus status, @Nullable OffsetDateTime selfCheckedAt, long red, long orange, long yellow,
			long openTasks) {
	}

	/** A newly scheduled check-up and its questionnaire link (shown once: only its hash is kept). */
	public record Scheduled(Checkup checkup, String link) {
	}

	public record Answer(String question, String answer, @Nullable String note) {
	}

	public record Finding(long id, long checkupId, String area, String description, Risk risk, @Nullable String advice,
			String status, @Nullable Long taskId, @Nullable LocalDate taskDueOn, @Nullable String taskStatus) {

		public boolean open() {
			return "OPEN".equals(status);
		}
	}

	/** A finding as typed: area (one of {@link CheckupQuestions.Area}), description, risk RED|ORANGE|YELLOW, advice. */
	public record FindingInput(@Nullable String area, @Nullable String description, @Nullable String risk,
			@Nullable String advice) {
	}

	/** What the public questionnaire page shows: the enterprise's name and whether it was answered already. */
	public record PublicCheckup(long id, String enterpriseName, CheckupStatus status) {
	}

	private final JdbcClient jdbc;
	private final EnterpriseDirectory enterprises;
	private final AuditTrail audit;
	private final Clock clock;
	private final PublicUrls urls;

	LegalCheckups(JdbcClient jdbc, EnterpriseDirectory enterprises, AuditTrail audit, Clock clock, PublicUrls urls) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.audit = audit;
		this.clock = clock;
		this.urls = urls;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** Schedules a check-up of an enterprise the user sees (center, street, liaison); returns its questionnaire link. */
	@Transactional
	public Scheduled schedule(CurrentUser user, long enterpriseId, @Nullable String scheduledOn) {
		EnterpriseRef enterprise = enterprises.require(user, enterpriseId);
		mayRun(user);
		LocalDate on = Fields.requiredDate("scheduledOn", scheduledOn);
		if (on.isBefore(today().minusDays(90))) {
			throw new InvalidInputException("support.field.date", "scheduledOn");
		}
		String token = newToken();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO legal_checkup (enterprise_id, scheduled_on, status, token_hash, created_at, created_by) "
				+ "VALUES (?, ?, 'SCHEDULED', ?, ?, ?)").params(enterprise.id(), on, Hashes.sha256Hex(token), now(),
						user.username()).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("enterprise.checkup.schedule", "legal-checkup", String.valueOf(id), AuditTrail.SUCCESS,
				"enterprise " + enterprise.id() + " on " + on);
		return new Scheduled(find(id).orElseThrow(), link(token));
	}

	/** A new questionnaire link (the old one stops working) while the enterprise may still answer. */
	@Transactional
	public String newLink(CurrentUser user, long checkupId) {
		Checkup c = get(user, checkupId);
		mayRun(user);
		if (!c.status().open()) {
			throw new ConflictException("support.checkup.linkClosed");
		}
		String token = newToken();
		jdbc.sql("UPDATE legal_checkup SET token_hash = ?, version = version + 1 WHERE id = ?")
				.params(Hashes.sha256Hex(token), c.id()).update();
		audit.record("enterprise.checkup.link", "legal-checkup", String.valueOf(c.id()), AuditTrail.SUCCESS, null);
		return link(token);
	}

	private String link(String token) {
		return urls.absolute("/legal-checkup/" + token);
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void mayRun(CurrentUser user) {
		if (!SupportAccess.canRunCheckups(user)) {
			throw new AccessDeniedException("checkup");
		}
	}

	Optional<Checkup> find(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(Checkup.class).optional();
	}

	/** A check-up of an enterprise the user sees; otherwise not found. */
	public Checkup get(CurrentUser user, long id) {
		Checkup c = find(id).orElseThrow(() -> new NotFoundException("support.checkup.notFound", String.valueOf(id)));
		enterprises.require(user, c.enterpriseId());
		if (!SupportAccess.canRead(user)) {
			throw new NotFoundException("support.checkup.notFound", String.valueOf(id));
		}
		return c;
	}

	/** The check-ups in the user's scope, newest date first, optionally of one status. */
	public ListPage<Checkup> page(CurrentUser user, @Nullable String status, Pageable pageable) {
		List<Object> args = new ArrayList<>();
		String where = SupportAccess.canRead(user) ? enterprises.visibleSql(user, "e") : "1=0";
		if (status != null && !status.isBlank()) {
			where += " AND c.status = ?";
			args.add(Fields.oneOf("status", status, CheckupStatus.class).name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM legal_checkup c JOIN enterprise e ON e.id = c.enterprise_id WHERE "
				+ where).params(args).query(Long.class).single();
		List<Checkup> content = jdbc.sql(SELECT + " WHERE " + where + " ORDER BY c.scheduled_on DESC, c.id DESC LIMIT "
				+ pageable.getPageSize() + " OFFSET " + pageable.getOffset()).params(args).query(Checkup.class).list();
		return new ListPage<>(content, pageable, total, false, null, false);
	}

	/** Findings of the check-ups in the user's scope by risk (all check-ups, open findings only). */
	public Map<Risk, Long> openFindingsByRisk(CurrentUser user) {
		Map<Risk, Long> counts = new LinkedHashMap<>();
		for (Risk r : Risk.values()) {
			counts.put(r, 0L);
		}
		if (!SupportAccess.canRead(user)) {
			return counts;
		}
		jdbc.sql("SELECT f.risk, COUNT(*) AS n FROM legal_checkup_finding f JOIN legal_checkup c ON c.id = f.checkup_id "
				+ "JOIN enterprise e ON e.id = c.enterprise_id WHERE f.status = 'OPEN' AND "
				+ enterprises.visibleSql(user, "e") + " GROUP BY f.risk")
				.query((rs, i) -> Map.entry(Risk.valueOf(rs.getString(1).strip()), rs.getLong(2))).list()
				.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** Open fix tasks past their due date in the user's scope (home page). */
	public long overdueTasks(CurrentUser user) {
		if (!SupportAccess.canRunCheckups(user)) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM legal_checkup_fix_task t JOIN legal_checkup_finding f ON f.id = t.finding_id"
				+ " JOIN legal_checkup c ON c.id = f.checkup_id JOIN enterprise e ON e.id = c.enterprise_id WHERE "
				+ "t.status = 'OPEN' AND t.due_on < ? AND " + enterprises.visibleSql(user, "e")).param(today())
				.query(Long.class).single();
	}

	public List<Checkup> ofEnterprise(CurrentUser user, long enterpriseId) {
		EnterpriseRef enterprise = enterprises.require(user, enterpriseId);
		return jdbc.sql(SELECT + " WHERE c.enterprise_id = ? ORDER BY c.scheduled_on DESC, c.id DESC")
				.param(enterprise.id()).query(Checkup.class).list();
	}

	public List<Answer> answers(long checkupId) {
		Map<String, Answer> byCode = new LinkedHashMap<>();
		jdbc.sql("SELECT question, answer, note FROM legal_checkup_answer WHERE checkup_id = ?").param(checkupId)
				.query(Answer.class).list().forEach(a -> byCode.put(a.question(), a));
		List<Answer> ordered = new ArrayList<>();
		CheckupQuestions.ALL.forEach(q -> {
			if (byCode.containsKey(q.code())) {
				ordered.add(byCode.get(q.code()));
			}
		});
		return ordered;
	}

	/** The findings of a check-up, red first. */
	public List<Finding> findings(long checkupId) {
		return jdbc.sql(FINDINGS + " WHERE f.checkup_id = ? ORDER BY CASE f.risk WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 "
				+ "ELSE 2 END, f.id").param(checkupId).query(Finding.class).list();
	}

	// ---- the public questionnaire

	/** The check-up of a questionnaire link; empty for an unknown or replaced link. */
	public Optional<PublicCheckup> byToken(@Nullable String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT c.id, e.name AS enterprise_name, c.status FROM legal_checkup c JOIN enterprise e ON "
				+ "e.id = c.enterprise_id WHERE c.token_hash = ?").param(Hashes.sha256Hex(token))
				.query(PublicCheckup.class).optional();
	}

	/**
	 * The enterprise's answers through the link: every question answered YES, NO or UNSURE ({@code q_<code>}), notes
	 * optional ({@code n_<code>}); a missing or bad answer is a 400 naming that question. Answering again replaces the
	 * answers until the team has diagnosed; after that, 409.
	 */
	@Transactional
	public PublicCheckup submitSelfCheck(String token, Map<String, String> params) {
		PublicCheckup c = byToken(token).orElseThrow(() -> new InvalidInputException("support.checkup.badLink"));
		if (!c.status().open()) {
			throw new ConflictException("support.checkup.linkClosed");
		}
		List<Answer> answers = new ArrayList<>();
		for (CheckupQuestions.Question q : CheckupQuestions.ALL) {
			String field = "q_" + q.code();
			String a = params.get(field);
			if (a == null || a.isBlank()) {
				throw new InvalidInputException("support.field.required", field);
			}
			String answer = a.strip().toUpperCase(Locale.ROOT);
			if (!CheckupQuestions.ANSWERS.contains(answer)) {
				throw new InvalidInputException("support.field.choice", field);
			}
			answers.add(new Answer(q.code(), answer, Fields.optional("n_" + q.code(), params.get("n_" + q.code()), 500)));
		}
		int moved = jdbc.sql("UPDATE legal_checkup SET status = 'SELF_CHECKED', self_checked_at = ?, version = version + 1"
				+ " WHERE id = ? AND status IN ('SCHEDULED', 'SELF_CHECKED')").params(now(), c.id()).update();
		if (moved == 0) {
			throw new ConflictException("support.checkup.linkClosed");
		}
		jdbc.sql("DELETE FROM legal_checkup_answer WHERE checkup_id = ?").param(c.id()).update();
		for (Answer a : answers) {
			jdbc.sql("INSERT INTO legal_checkup_answer (checkup_id, question, answer, note) VALUES (?, ?, ?, ?)")
					.params(c.id(), a.question(), a.answer(), a.note()).update();
		}
		audit.recordAs(null, "enterprise.checkup.selfCheck", "legal-checkup", String.valueOf(c.id()), AuditTrail.SUCCESS,
				answers.size() + " answers");
		return byToken(token).orElseThrow();
	}

	// ---- the team's diagnosis and the revisit

	/**
	 * Records a finding ({@code findingId} null) or saves it again (re-graded, re-worded). A red or orange finding has
	 * exactly one fix task however often it is saved ({@link FixTaskRule}); the check-up becomes diagnosed.
	 */
	@Transactional
	public Finding saveFinding(CurrentUser user, long checkupId, @Nullable Long findingId, FindingInput input) {
		Checkup c = get(user, checkupId);
		mayRun(user);
		String area = Fields.oneOf("area", input.area(), CheckupQuestions.Area.class).name();
		String description = Fields.required("description", input.description(), 1000);
		Risk risk = Fields.oneOf("risk", input.risk(), Risk.class);
		String advice = Fields.optional("advice", input.advice(), 1000);
		long id;
		boolean open;
		if (findingId == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO legal_checkup_finding (checkup_id, area, description, risk, advice, status, created_at,"
					+ " updated_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)").params(c.id(), area, description,
							risk.name(), advice, now(), now()).update(keys, "id");
			id = keys.getKeyAs(Number.class).longValue();
			open = true;
		}
		else {
			int n = jdbc.sql("UPDATE legal_checkup_finding SET area = ?, description = ?, risk = ?, advice = ?, "
					+ "updated_at = ? WHERE id = ? AND checkup_id = ?").params(area, description, risk.name(), advice,
							now(), findingId, c.id()).update();
			if (n == 0) {
				throw new NotFoundException("support.finding.notFound", String.valueOf(findingId));
			}
			id = findingId;
			open = jdbc.sql("SELECT status FROM legal_checkup_finding WHERE id = ?").param(id).query(String.class)
					.single().strip().equals("OPEN");
		}
		syncTask(id, risk, open);
		if (c.status() != CheckupStatus.REVISITED) {
			jdbc.sql("UPDATE legal_checkup SET status = 'DIAGNOSED', diagnosed_at = COALESCE(diagnosed_at, ?), "
					+ "version = version + 1 WHERE id = ?").params(now(), c.id()).update();
		}
		audit.record("enterprise.checkup.finding", "legal-checkup", String.valueOf(c.id()), AuditTrail.SUCCESS,
				"finding " + id + " " + risk.name());
		return finding(id);
	}

	Finding finding(long id) {
		return jdbc.sql(FINDINGS + " WHERE f.id = ?").param(id).query(Finding.class).single();
	}

	/**
	 * The revisit: each finding named in {@code fixed} is closed (its task done), every other finding of the check-up
	 * is (re-)opened (its task open again with a new due date when red or orange). Needs findings (409 otherwise).
	 */
	@Transactional
	public Checkup revisit(CurrentUser user, long checkupId, java.util.Collection<Long> fixed) {
		Checkup c = get(user, checkupId);
		mayRun(user);
		List<Finding> findings = findings(c.id());
		if (findings.isEmpty()) {
			throw new ConflictException("support.checkup.nothingToRevisit");
		}
		for (Long id : fixed) {
			if (findings.stream().noneMatch(f -> f.id() == id)) {
				throw new InvalidInputException("support.field.choice", "fixed");
			}
		}
		int closed = 0;
		for (Finding f : findings) {
			boolean open = !fixed.contains(f.id());
			jdbc.sql("UPDATE legal_checkup_finding SET status = ?, updated_at = ? WHERE id = ?").params(open ? "OPEN"
					: "CLOSED", now(), f.id()).update();
			syncTask(f.id(), f.risk(), open);
			closed += open ? 0 : 1;
		}
		jdbc.sql("UPDATE legal_checkup SET status = 'REVISITED', revisited_at = ?, version = version + 1 WHERE id = ?")
				.params(now(), c.id()).update();
		audit.record("enterprise.checkup.revisit", "legal-checkup", String.valueOf(c.id()), AuditTrail.SUCCESS,
				closed + " closed, " + (findings.size() - closed) + " open");
		return find(c.id()).orElseThrow();
	}

	private void syncTask(long findingId, Risk risk, boolean open) {
		FixTaskRule.Task current = jdbc.sql("SELECT status, due_on FROM legal_checkup_fix_task WHERE finding_id = ?")
				.param(findingId).query((rs, i) -> new FixTaskRule.Task(FixTaskRule.TaskStatus.valueOf(
						rs.getString(1).strip()), rs.getObject(2, LocalDate.class))).optional().orElse(null);
		Optional<FixTaskRule.Task> next = FixTaskRule.next(risk, open, current, today());
		if (next.isEmpty()) {
			return;
		}
		if (current == null) {
			jdbc.sql("INSERT INTO legal_checkup_fix_task (finding_id, due_on, status, created_at, updated_at) VALUES "
					+ "(?, ?, ?, ?, ?)").params(findingId, next.get().dueOn(), next.get().status().name(), now(), now())
					.update();
		}
		else if (!next.get().equals(current)) {
			jdbc.sql("UPDATE legal_checkup_fix_task SET due_on = ?, status = ?, updated_at = ? WHERE finding_id = ?")
					.params(next.get().dueOn(), next.get().status().name(), now(), findingId).update();
		}
	}
}
