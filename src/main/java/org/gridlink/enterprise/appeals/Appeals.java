package org.gridlink.enterprise.appeals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseMilestones;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.Masked;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facade of enterprise appeals: an enterprise (on its public page), its liaison or staff who see it (on its
 * behalf), or a leader at a reception day files an appeal; it becomes a case of the cases module (source ENTERPRISE,
 * class S07xx, placed in the enterprise's grid) and a row of {@code enterprise_appeal} with the appeal's own clock.
 * Key enterprises and the configured classes go through the green channel ({@link GreenChannel}). Lists are scoped by
 * {@link EnterpriseDirectory#visibleSql}: a liaison sees only their enterprises' appeals.
 */
@Service
public class Appeals {

	static final int MAX_DESCRIPTION = 1800;
	static final String COLUMNS = "a.id, a.case_id, a.case_number, a.enterprise_id, e.name, e.credit_code,"
			+ " a.category_code, a.channel, a.green, a.contact_phone_masked, a.filed_at, a.respond_due_at,"
			+ " a.plan_due_at, a.close_due_at, a.responded_at, a.planned_at, a.closed_at, a.ended, a.case_status,"
			+ " a.satisfaction, a.dissatisfied_count, a.escalation_level";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final EnterpriseDirectory directory;
	private final CaseManagement cases;
	private final GreenChannel greenChannel;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final AppealNotes notes;
	private final Clock clock;

	Appeals(JdbcClient jdbc, TransactionTemplate transactions, EnterpriseDirectory directory, CaseManagement cases,
			GreenChannel greenChannel, PersonalDataCipher cipher, AuditTrail audit, AppealNotes notes, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.directory = directory;
		this.cases = cases;
		this.greenChannel = greenChannel;
		this.cipher = cipher;
		this.audit = audit;
		this.notes = notes;
		this.clock = clock;
	}

	/** The enterprise if the user sees it (else 404). */
	public EnterpriseRef enterprise(CurrentUser user, long id) {
		return directory.require(user, id);
	}

	/** Staff who see the enterprise (its liaison first of all) may file on its behalf. */
	public boolean mayFile(CurrentUser user, EnterpriseRef enterprise) {
		return directory.sees(user, enterprise);
	}

	/**
	 * Files an appeal on the enterprise's behalf ({@code channel}: LIAISON from the page, API from the API). The
	 * enterprise must be one the user sees (else 404).
	 */
	public AppealFiled file(CurrentUser user, long enterpriseId, @Nullable String categoryCode,
			@Nullable String description, String channel) {
		EnterpriseRef enterprise = directory.require(user, enterpriseId);
		if (!mayFile(user, enterprise)) {
			throw new AccessDeniedException("may not file for this enterprise");
		}
		return fileFor(enterprise, channel, categoryCode, description, null, null, user.username());
	}

	/**
	 * The enterprise files on its public page: its credit code (unknown: 404), a contact phone (sealed, shown
	 * masked), the class and what it asks.
	 */
	public AppealFiled filePublic(@Nullable String creditCode, @Nullable String phone, @Nullable String categoryCode,
			@Nullable String description) {
		EnterpriseRef enterprise = publicEnterprise(creditCode)
				.orElseThrow(() -> new NotFoundException("enterprise.not.found", String.valueOf(creditCode)));
		String normalised = phone(phone);
		return fileFor(enterprise, "PUBLIC", categoryCode, description, normalised, null,
				"enterprise:" + enterprise.creditCode());
	}

	/** The enterprise of a public page, by its credit code (only its name is shown there). */
	public Optional<EnterpriseRef> publicEnterprise(@Nullable String creditCode) {
		if (creditCode == null || !creditCode.strip().matches("[0-9A-Za-z]{18}")) {
			return Optional.empty();
		}
		return directory.findByCreditCode(creditCode);
	}

	/** A valid phone number, normalised, or 400 naming the field. */
	static String phone(@Nullable String phone) {
		String normalised = phone == null ? "" : PhoneNumber.normalise(phone);
		if (!PhoneNumber.isValid(normalised)) {
			throw new InvalidInputException("enterprise.appeals.phone.invalid");
		}
		return normalised;
	}

	AppealFiled fileFor(EnterpriseRef enterprise, String channel, @Nullable String categoryCode,
			@Nullable String description, @Nullable String phone, @Nullable Long bookingId, String actor) {
		String category = categoryCode == null ? "" : categoryCode.strip();
		if (!AppealCategories.isAppealCategory(category)) {
			throw new InvalidInputException("enterprise.appeals.category.invalid", category);
		}
		String text = description == null ? "" : description.strip();
		if (text.isEmpty() || text.length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("enterprise.appeals.description.invalid", MAX_DESCRIPTION);
		}
		GreenChannelSettings settings = greenChannel.settings();
		boolean green = AppealClock.green(enterprise.keyEnterprise(), category, settings.categories());
		AppealClock.Limits limits = green ? settings.limits() : greenChannel.standardLimits();
		String address = jdbc.sql("SELECT address FROM enterprise WHERE id = ?").param(enterprise.id())
				.query(String.class).optional().orElse(null);
		String caseAddress = address == null ? enterprise.name() : address.length() > 200 ? address.substring(0, 200)
				: address;
		AppealFiled filed = transactions.execute(tx -> {
			OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
			long caseId = cases.reportAs(actor, new NewCase(category, "【" + enterprise.name() + "】" + text,
					enterprise.gridCode(), null, null, caseAddress, CaseSource.ENTERPRISE, phone), null);
			String number = cases.milestones(List.of(caseId)).values().stream().map(CaseMilestones::number)
					.findFirst().orElse(null);
			AppealClock.Deadlines due = AppealClock.deadlines(now, limits);
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO enterprise_appeal (enterprise_id, case_id, case_number, category_code, channel, green,
					contact_phone_sealed, contact_phone_masked, booking_id, filed_at, filed_by, respond_due_at,
					plan_due_at, close_due_at, case_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED')""")
					.params(enterprise.id(), caseId, number, category, channel, green,
							phone == null ? null : cipher.encrypt(phone), phone == null ? null : Masked.phone(phone),
							bookingId, now, actor, due.respond(), due.plan(), due.close())
					.update(keys, "id");
			long id = keys.getKey().longValue();
			audit.recordAs(actor, "ENTERPRISE_APPEAL_FILE", "enterprise-appeal", String.valueOf(id),
					AuditTrail.SUCCESS, enterprise.id() + " " + category + " case " + caseId + (green ? " green" : ""));
			return new AppealFiled(id, caseId, number, green, due.close(), due.respond(), due.plan());
		});
		if (filed.greenChannel()) {
			notes.filed(filed.appealId());
		}
		return filed;
	}

	/** The appeals the user sees, newest first: of one enterprise, green or not, open only. */
	public Page<AppealLine> list(CurrentUser user, @Nullable Long enterpriseId, @Nullable Boolean green,
			boolean openOnly, int page, int size) {
		int p = Math.max(0, page);
		int s = Math.min(100, Math.max(1, size));
		StringBuilder where = new StringBuilder(" FROM enterprise_appeal a JOIN enterprise e ON e.id = a.enterprise_id"
				+ " WHERE " + directory.visibleSql(user, "e"));
		List<Object> params = new ArrayList<>();
		if (enterpriseId != null) {
			where.append(" AND a.enterprise_id = ?");
			params.add(enterpriseId);
		}
		if (green != null) {
			where.append(" AND a.green = ?");
			params.add(green);
		}
		if (openOnly) {
			where.append(" AND a.closed_at IS NULL AND a.ended = FALSE");
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		List<AppealLine> lines = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY a.filed_at DESC, a.id DESC"
				+ " LIMIT " + s + " OFFSET " + ((long) p * s)).params(params).query(Appeals::line).list();
		return new PageImpl<>(lines, PageRequest.of(p, s), total);
	}

	/** How many open appeals the user sees have their current step past its deadline. */
	public long overdue(CurrentUser user) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		return jdbc.sql("SELECT COUNT(*) FROM enterprise_appeal a JOIN enterprise e ON e.id = a.enterprise_id WHERE "
				+ directory.visibleSql(user, "e") + " AND a.closed_at IS NULL AND a.ended = FALSE AND ("
				+ "(a.responded_at IS NULL AND a.respond_due_at < ?) OR (a.planned_at IS NULL AND a.plan_due_at < ?)"
				+ " OR a.close_due_at < ?)").params(now, now, now).query(Long.class).single();
	}

	/** True when the case is an appeal's (listeners skip the others at once). */
	boolean isAppeal(long caseId) {
		return jdbc.sql("SELECT COUNT(*) FROM enterprise_appeal WHERE case_id = ?").param(caseId).query(Long.class)
				.single() > 0;
	}

	/** One appeal the user sees (else 404). */
	public AppealLine get(CurrentUser user, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise_appeal a JOIN enterprise e ON e.id = a.enterprise_id"
				+ " WHERE a.id = ? AND " + directory.visibleSql(user, "e")).param(id).query(Appeals::line).optional()
				.orElseThrow(() -> new NotFoundException("enterprise.appeals.not.found", String.valueOf(id)));
	}

	/** Whether the user may open the appeal's case page (the cases module's own rule). */
	public boolean seesCase(CurrentUser user, long caseId) {
		return cases.canSee(user, caseId);
	}

	static AppealLine line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AppealLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10),
				rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
				rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class),
				rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class),
				rs.getObject(17, OffsetDateTime.class), rs.getBoolean(18), rs.getString(19),
				rs.getObject(20, Integer.class), rs.getInt(21), rs.getInt(22));
	}

	// ---- the clock, kept from the case loop

	/** What a refresh changed on one appeal (for the notes). */
	record Change(long appealId, boolean green, boolean responded, boolean planned, boolean closed, boolean ended) {
	}

	/**
	 * Brings the appeals of the given cases up to date with the loop: when the unit accepted (respond), first fed
	 * back (plan) and the case closed (cleared again by a reopening), the case's status and rating. Each change is a
	 * conditional update, so two runs record a step once; the steps newly met are told to the supervisor.
	 */
	public List<Change> refresh(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		Map<Long, CaseMilestones> milestones = cases.milestones(caseIds);
		List<Change> changes = new ArrayList<>();
		for (CaseMilestones m : milestones.values()) {
			Change change = transactions.execute(tx -> refreshOne(m));
			if (change != null) {
				changes.add(change);
			}
		}
		for (Change c : changes) {
			notes.stepsMet(c);
		}
		return changes;
	}

	private @Nullable Change refreshOne(CaseMilestones m) {
		record Row(long id, boolean green, @Nullable OffsetDateTime respondedAt, @Nullable OffsetDateTime plannedAt,
				@Nullable OffsetDateTime closedAt, boolean ended) {
		}
		Row row = jdbc.sql("SELECT id, green, responded_at, planned_at, closed_at, ended FROM enterprise_appeal"
				+ " WHERE case_id = ?").param(m.caseId())
				.query((rs, i) -> new Row(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
						rs.getBoolean(6)))
				.optional().orElse(null);
		if (row == null) {
			return null;
		}
		boolean responded = row.respondedAt() == null && m.acceptedAt() != null && jdbc.sql(
				"UPDATE enterprise_appeal SET responded_at = ? WHERE id = ? AND responded_at IS NULL")
				.params(m.acceptedAt(), row.id()).update() == 1;
		boolean planned = row.plannedAt() == null && m.handledAt() != null && jdbc.sql(
				"UPDATE enterprise_appeal SET planned_at = ? WHERE id = ? AND planned_at IS NULL")
				.params(m.handledAt(), row.id()).update() == 1;
		OffsetDateTime closedAt = m.closed() ? m.closedAt() : null;
		boolean closed = row.closedAt() == null && closedAt != null;
		boolean ended = !row.ended() && m.ended();
		jdbc.sql("UPDATE enterprise_appeal SET closed_at = ?, ended = ?, case_status = ?, satisfaction = ?,"
				+ " case_number = ? WHERE id = ?")
				.params(closedAt, m.ended(), m.status(), m.satisfaction(), m.number(), row.id()).update();
		if (!responded && !planned && !closed && !ended) {
			return null;
		}
		return new Change(row.id(), row.green(), responded, planned, closed, ended);
	}

	/** The open appeals' cases (for the sweep). */
	List<Long> openCases() {
		return jdbc.sql("SELECT case_id FROM enterprise_appeal WHERE closed_at IS NULL AND ended = FALSE"
				+ " ORDER BY id").query(Long.class).list();
	}

	/**
	 * A "not satisfied" rating reopened the appeal's case: the appeal is open again with a new closing deadline (the
	 * channel's closing limit from now), its escalation level rises by one, and the supervisor and the district's
	 * leaders are told. Conditional on the count of dissatisfied ratings, so a repeated event changes nothing.
	 */
	public boolean reopened(long caseId) {
		CaseMilestones m = cases.milestones(List.of(caseId)).get(caseId);
		if (m == null) {
			return false;
		}
		Long id = transactions.execute(tx -> {
			record Row(long id, boolean green, int dissatisfied) {
			}
			Row row = jdbc.sql("SELECT id, green, dissatisfied_count FROM enterprise_appeal WHERE case_id = ?")
					.param(caseId).query((rs, i) -> new Row(rs.getLong(1), rs.getBoolean(2), rs.getInt(3)))
					.optional().orElse(null);
			if (row == null || row.dissatisfied() >= m.dissatisfiedCount()) {
				return null;
			}
			AppealClock.Limits limits = row.green() ? greenChannel.settings().limits()
					: greenChannel.standardLimits();
			OffsetDateTime now = OffsetDateTime.now(clock);
			int updated = jdbc.sql("UPDATE enterprise_appeal SET dissatisfied_count = ?, escalation_level ="
					+ " escalation_level + 1, closed_at = NULL, close_due_at = ?, close_urged = FALSE, case_status = ?,"
					+ " satisfaction = ? WHERE id = ? AND dissatisfied_count = ?")
					.params(m.dissatisfiedCount(), now.plusMinutes(limits.closeMinutes()), m.status(),
							m.satisfaction(), row.id(), row.dissatisfied())
					.update();
			return updated == 1 ? row.id() : null;
		});
		if (id == null) {
			return false;
		}
		notes.escalated(id);
		return true;
	}

	/**
	 * The case closed ({@code reviews}: how many "not satisfied" reopenings came before this closing): the steps are
	 * brought up to date and, once per closing (a conditional update), the follow-up with the enterprise is started.
	 */
	public void closed(long caseId, int reviews) {
		refresh(List.of(caseId));
		Long id = jdbc.sql("SELECT id FROM enterprise_appeal WHERE case_id = ?").param(caseId).query(Long.class)
				.optional().orElse(null);
		if (id == null) {
			return;
		}
		int closing = reviews + 1;
		Integer marked = transactions.execute(tx -> jdbc.sql("UPDATE enterprise_appeal SET closings = ? WHERE id = ?"
				+ " AND closings < ?").params(closing, id, closing).update());
		if (marked != null && marked == 1) {
			notes.followUp(id, caseId, closing);
		}
	}
}
