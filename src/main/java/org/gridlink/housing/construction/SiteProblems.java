package org.gridlink.housing.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.housing.construction.ConstructionViews.Problem;
import org.gridlink.housing.construction.ConstructionViews.ProblemInput;
import org.gridlink.housing.construction.ConstructionViews.SavedProblem;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Problems raised on site (现场问题): each becomes exactly one case, handed to the unit its kind names through the cases
 * facade with the idempotency key {@code housing-site-problem:<id>} (a retried report with the same client id answers
 * the same problem and case). The target is the same day; the problem stays on the wall chart until its case closes.
 */
@Service
public class SiteProblems {

	private final JdbcClient jdbc;
	private final ConstructionAccess access;
	private final Schedules schedules;
	private final CaseManagement cases;
	private final Organization organization;
	private final AuditTrail audit;
	private final Clock clock;
	private final Map<String, Long> unitIds = new ConcurrentHashMap<>();

	SiteProblems(JdbcClient jdbc, ConstructionAccess access, Schedules schedules, CaseManagement cases,
			Organization organization, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.schedules = schedules;
		this.cases = cases;
		this.organization = organization;
		this.audit = audit;
		this.clock = clock;
	}

	static ProblemKind kind(@Nullable String name) {
		try {
			return ProblemKind.valueOf(name == null ? "" : name.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("construction.problem.kind.invalid", String.valueOf(name));
		}
	}

	public SavedProblem raise(CurrentUser user, long siteId, ProblemInput input) {
		Site s = access.site(user, siteId);
		ConstructionAccess.require(access.reportsOn(user, s));
		String clientId = SiteReports.clientId(input.clientId());
		SavedProblem earlier = earlier(user.username(), clientId, siteId);
		if (earlier != null) {
			return earlier;
		}
		Integer building = Schedules.buildingOrSite(s, input.building());
		ProblemKind kind = kind(input.kind());
		String description = input.description() == null ? "" : input.description().strip();
		if (description.isEmpty() || description.length() > 1000) {
			throw new InvalidInputException("construction.problem.description.invalid", 1000);
		}
		LocalDate today = schedules.today();
		long id;
		try {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO housing_site_problem (site_id, building, kind, description, raised_on, due_on, client_id,"
					+ " raised_by, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(siteId, building, kind.name(), description, today, today, clientId, user.username(),
							OffsetDateTime.now(clock))
					.update(key, "id");
			id = key.getKeyAs(Number.class).longValue();
		}
		catch (DuplicateKeyException ex) {
			SavedProblem first = earlier(user.username(), clientId, siteId);
			if (first == null) {
				throw ex;
			}
			return first;
		}
		long caseId = openCase(user.username(), id);
		audit.record("HOUSING_SITE_PROBLEM", "housing_site", String.valueOf(siteId), AuditTrail.SUCCESS,
				"problem " + id + " case " + caseId);
		return new SavedProblem(id, caseId, true);
	}

	/** The problem of this client id, its case opened if a first attempt stopped before. */
	private @Nullable SavedProblem earlier(String username, String clientId, long siteId) {
		record Row(long id, long site, @Nullable Long caseId) {
		}
		Row row = jdbc.sql("SELECT id, site_id, case_id FROM housing_site_problem WHERE client_id = ?").param(clientId)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class))).optional()
				.orElse(null);
		if (row == null) {
			return null;
		}
		if (row.site() != siteId) {
			throw new InvalidInputException("construction.client.invalid");
		}
		long caseId = row.caseId() != null ? row.caseId() : openCase(username, row.id());
		return new SavedProblem(row.id(), caseId, false);
	}

	static String caseKey(long problemId) {
		return "housing-site-problem:" + problemId;
	}

	/** Opens (or, for a repeated call, finds) the problem's case and links it. */
	long openCase(String reporter, long problemId) {
		record Row(String site, String village, @Nullable String address, @Nullable Integer building, String kind,
				String description) {
		}
		Row p = jdbc.sql("SELECT s.name, s.village_code, s.address, p.building, p.kind, p.description FROM"
				+ " housing_site_problem p JOIN housing_site s ON s.id = p.site_id WHERE p.id = ?").param(problemId)
				.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6)))
				.single();
		ProblemKind kind = ProblemKind.valueOf(p.kind());
		String address = p.address() == null ? p.site() : p.site() + " " + p.address();
		long caseId = cases.handOff(reporter, new NewCase(kind.categoryCode(), caseText(p.site(), p.building(),
				p.description()), p.village(), null, null, address.length() > 200 ? address.substring(0, 200) : address,
				CaseSource.STAFF, null), unitFor(kind), caseKey(problemId));
		jdbc.sql("UPDATE housing_site_problem SET case_id = ? WHERE id = ? AND case_id IS NULL").params(caseId, problemId)
				.update();
		return caseId;
	}

	/** The case's text: where on the site, what is wrong, the same-day target. */
	static String caseText(String site, @Nullable Integer building, String description) {
		String text = "【农房改善施工现场问题】" + site + (building == null ? "" : " " + building + "号楼") + "："
				+ description + "。要求当日解决。";
		return text.length() > 2000 ? text.substring(0, 2000) : text;
	}

	/** The unit a kind of problem goes to, if the district has it (else the center dispatches). */
	@Nullable Long unitFor(ProblemKind kind) {
		return unit(kind.unitCode());
	}

	private @Nullable Long unit(String code) {
		if (unitIds.isEmpty()) {
			for (UnitView u : organization.allUnits()) {
				unitIds.put(u.code(), u.id());
			}
		}
		return unitIds.get(code);
	}

	/** The project's problems the user sees (open first, then the latest solved), at most 200. */
	public List<Problem> problems(CurrentUser user, long projectId, boolean openOnly) {
		access.project(user, projectId);
		LocalDate today = schedules.today();
		return jdbc.sql("SELECT p.id, p.site_id, s.name, p.building, p.kind, p.description, p.raised_on, p.due_on,"
				+ " p.case_id, p.solved_at, p.ended FROM housing_site_problem p JOIN housing_site s ON s.id = p.site_id"
				+ " WHERE s.project_id = ? AND " + access.siteSql(user)
				+ (openOnly ? " AND p.solved_at IS NULL AND p.ended = FALSE" : "")
				+ " ORDER BY CASE WHEN p.solved_at IS NULL AND p.ended = FALSE THEN 0 ELSE 1 END, p.id DESC LIMIT 200")
				.param(projectId).query((rs, i) -> problem(rs, today)).list();
	}

	static Problem problem(ResultSet rs, LocalDate today) throws SQLException {
		OffsetDateTime solved = rs.getObject(10, OffsetDateTime.class);
		boolean ended = rs.getBoolean(11);
		LocalDate due = rs.getObject(8, LocalDate.class);
		return new Problem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Integer.class),
				rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), due, rs.getObject(9, Long.class),
				solved, ended, solved == null && !ended && today.isAfter(due));
	}

	/** The problem's case closed: it is solved (idempotent). */
	void caseClosed(long caseId) {
		jdbc.sql("UPDATE housing_site_problem SET solved_at = ? WHERE case_id = ? AND solved_at IS NULL")
				.params(OffsetDateTime.now(clock), caseId).update();
	}

	/** The case ended without a closure (voided, rejected, merged): off the chart. */
	void caseEnded(long caseId) {
		jdbc.sql("UPDATE housing_site_problem SET ended = TRUE WHERE case_id = ? AND solved_at IS NULL").param(caseId)
				.update();
	}

	/** A closed case reopened after a "not satisfied" rating: back on the chart. */
	void caseReopened(long caseId) {
		jdbc.sql("UPDATE housing_site_problem SET solved_at = NULL WHERE case_id = ?").param(caseId).update();
	}
}
