package org.gridlink.housing.construction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.gridlink.housing.construction.ConstructionViews.BudgetLine;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.housing.construction.ConstructionViews.Spending;
import org.gridlink.housing.construction.ConstructionViews.SpendingInput;
import org.gridlink.housing.construction.ConstructionViews.SupportingWork;
import org.gridlink.housing.construction.ConstructionViews.WorkProgressInput;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supporting works (roads, water, sewage, power, gas, greening) with their progress, and the money spent against
 * each budget line (an append-only ledger in fen).
 */
@Service
public class WorksAndMoney {

	public static final Set<String> WORK_KINDS = Set.of("ROAD", "WATER", "SEWAGE", "POWER", "GAS", "GREENING");
	static final long MAX_AMOUNT_FEN = 10_000_000_000L;

	private final JdbcClient jdbc;
	private final ConstructionAccess access;
	private final Schedules schedules;
	private final AuditTrail audit;
	private final Clock clock;

	WorksAndMoney(JdbcClient jdbc, ConstructionAccess access, Schedules schedules, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.schedules = schedules;
		this.audit = audit;
		this.clock = clock;
	}

	private static final String WORK_SQL = "SELECT w.id, w.site_id, s.name AS site_name, w.kind, w.name, w.percent, w.planned_end"
			+ " FROM housing_supporting_work w LEFT JOIN housing_site s ON s.id = w.site_id";

	/** The project's supporting works (the project-wide ones and those of the sites the user sees). */
	public List<SupportingWork> works(CurrentUser user, long projectId) {
		access.project(user, projectId);
		return jdbc.sql(WORK_SQL + " WHERE w.project_id = ? AND (w.site_id IS NULL OR " + access.siteSql(user)
				+ ") ORDER BY w.kind, w.id").param(projectId).query(SupportingWork.class).list();
	}

	/** Every supporting work of a project (public board). */
	public List<SupportingWork> allWorks(long projectId) {
		return jdbc.sql(WORK_SQL + " WHERE w.project_id = ? ORDER BY w.kind, w.id").param(projectId)
				.query(SupportingWork.class).list();
	}

	@Transactional
	public SupportingWork progress(CurrentUser user, long workId, WorkProgressInput input) {
		record Row(long projectId, Long siteId) {
		}
		Row w = jdbc.sql("SELECT project_id, site_id FROM housing_supporting_work WHERE id = ?").param(workId)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, Long.class))).optional()
				.orElseThrow(() -> new NotFoundException("construction.work.not.found", String.valueOf(workId)));
		access.project(user, w.projectId());
		boolean allowed = access.plans(user, w.projectId());
		if (!allowed && w.siteId() != null) {
			Site s = access.site(user, w.siteId());
			allowed = access.reportsOn(user, s);
		}
		ConstructionAccess.require(allowed);
		if (input.percent() == null || input.percent() < 0 || input.percent() > 100) {
			throw new InvalidInputException("construction.percent.invalid");
		}
		jdbc.sql("UPDATE housing_supporting_work SET percent = ?, updated_by = ?, updated_at = ? WHERE id = ?")
				.params(input.percent(), user.username(), OffsetDateTime.now(clock), workId).update();
		audit.record("HOUSING_WORK_PROGRESS", "housing_supporting_work", String.valueOf(workId), AuditTrail.SUCCESS,
				input.percent() + "%");
		return jdbc.sql(WORK_SQL + " WHERE w.id = ?").param(workId).query(SupportingWork.class).single();
	}

	/** The budget lines with what was spent on each (public: figures only). */
	public List<BudgetLine> budget(long projectId) {
		return jdbc.sql("SELECT b.id, b.name, b.budget_fen, COALESCE((SELECT SUM(x.amount_fen) FROM housing_spending x"
				+ " WHERE x.item_id = b.id), 0) FROM housing_budget_item b WHERE b.project_id = ? ORDER BY b.sort_order, b.id")
				.param(projectId).query((rs, i) -> new BudgetLine(rs.getLong(1), rs.getString(2), rs.getLong(3),
						rs.getLong(4)))
				.list();
	}

	public List<BudgetLine> budget(CurrentUser user, long projectId) {
		access.project(user, projectId);
		ConstructionAccess.require(access.readsBooks(user, projectId));
		return budget(projectId);
	}

	/** Records money spent on a budget line (center or township staff of the project). */
	@Transactional
	public Spending spend(CurrentUser user, long itemId, SpendingInput input) {
		Long projectId = jdbc.sql("SELECT project_id FROM housing_budget_item WHERE id = ?").param(itemId)
				.query(Long.class).optional()
				.orElseThrow(() -> new NotFoundException("construction.budget.not.found", String.valueOf(itemId)));
		access.project(user, projectId);
		ConstructionAccess.require(access.plans(user, projectId));
		if (input.amountFen() == null || input.amountFen() == 0 || Math.abs(input.amountFen()) > MAX_AMOUNT_FEN) {
			throw new InvalidInputException("construction.amount.invalid");
		}
		LocalDate today = schedules.today();
		LocalDate day = input.spentOn() == null ? today : input.spentOn();
		if (day.isAfter(today) || day.isBefore(today.minusYears(3))) {
			throw new InvalidInputException("construction.date.invalid");
		}
		String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
		if (note != null && note.length() > 300) {
			throw new InvalidInputException("construction.note.invalid", 300);
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO housing_spending (item_id, spent_on, amount_fen, note, recorded_by, recorded_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)").params(itemId, day, input.amountFen(), note, user.username(),
						OffsetDateTime.now(clock))
				.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		audit.record("HOUSING_SPENDING", "housing_budget_item", String.valueOf(itemId), AuditTrail.SUCCESS,
				"spending " + id + " " + input.amountFen() + " fen");
		return new Spending(id, itemId, day, input.amountFen(), note);
	}
}
