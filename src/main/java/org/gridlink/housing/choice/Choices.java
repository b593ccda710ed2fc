package org.gridlink.housing.choice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridlink.housing.HousingDirectory;
import org.gridlink.housing.HousingProjectRef;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households' choices and the allocation of plots. A household on the project's final list (eligible and the list
 * final) has at most one current choice — a unit type or deferred — in {@code housing_choice} (its primary key is the
 * household), every choice also in {@code housing_choice_history}. Changing a choice drops a drafted agreement (it is
 * drafted again with the new figures); after the agreement is signed the choice is fixed. Allocation rounds give the
 * free plots to the households that chose a unit type and have none, by lot drawing (seed, witnesses, drawn order
 * recorded) or by priority order; a plot is given once (also enforced by a unique key).
 */
@Service
public class Choices {

	public static final String LOT = "LOT";
	public static final String PRIORITY = "PRIORITY";

	/** A household as the choice pages and API show it: masked head, list place, choice, plot and agreement. */
	public record HouseholdRow(long id, long projectId, String villageCode, String headMasked, int familySize,
			@Nullable Boolean eligible, @Nullable Integer priorityRank, boolean listFinal, @Nullable Long unitTypeId,
			@Nullable String unitTypeName, @Nullable Boolean deferred, @Nullable OffsetDateTime chosenAt,
			@Nullable Long siteId, @Nullable String siteName, @Nullable Integer building, @Nullable String plot,
			@Nullable Long agreementId, @Nullable String agreementState, @Nullable String agreementNumber) {

		/** On the final list: may choose. */
		public boolean mayChoose() {
			return Boolean.TRUE.equals(eligible) && listFinal;
		}

		public boolean chosen() {
			return deferred != null;
		}
	}

	public record HistoryEntry(@Nullable String unitTypeName, boolean deferred, OffsetDateTime chosenAt,
			String chosenBy) {
	}

	/** An allocation round as recorded. {@code drawnOrder}: household ids in the order they drew. */
	public record Round(long id, long projectId, String method, @Nullable Long seed, List<String> witnesses,
			List<Long> drawnOrder, int allocated, OffsetDateTime createdAt, String createdBy) {
	}

	/** An allocation round to run: method LOT (witnesses, optional seed) or PRIORITY. */
	public record NewRound(@Nullable String method, @Nullable Long seed, @Nullable List<String> witnesses) {
	}

	static final String ROW_SQL = """
			SELECT h.id, h.project_id, h.village_code, h.head_masked, h.family_size, h.eligible, h.priority_rank,
			       h.list_final, c.unit_type_id, t.name AS unit_type_name, c.deferred, c.chosen_at, a.site_id,
			       s.name AS site_name, a.building, a.plot, g.id AS agreement_id, g.state, g.number
			FROM housing_household h
			LEFT JOIN housing_choice c ON c.household_id = h.id
			LEFT JOIN housing_unit_type t ON t.id = c.unit_type_id
			LEFT JOIN housing_allocation a ON a.household_id = h.id
			LEFT JOIN housing_site s ON s.id = a.site_id
			LEFT JOIN housing_agreement g ON g.household_id = h.id
			""";

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate batches;
	private final HousingDirectory projects;
	private final AuditTrail audit;
	private final Clock clock;

	Choices(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batches, HousingDirectory projects,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.projects = projects;
		this.audit = audit;
		this.clock = clock;
	}

	static HouseholdRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new HouseholdRow(rs.getLong("id"), rs.getLong("project_id"), rs.getString("village_code"),
				rs.getString("head_masked"), rs.getInt("family_size"), rs.getObject("eligible", Boolean.class),
				rs.getObject("priority_rank", Integer.class), rs.getBoolean("list_final"),
				rs.getObject("unit_type_id", Long.class), rs.getString("unit_type_name"),
				rs.getObject("deferred", Boolean.class), rs.getObject("chosen_at", OffsetDateTime.class),
				rs.getObject("site_id", Long.class), rs.getString("site_name"), rs.getObject("building", Integer.class),
				rs.getString("plot"), rs.getObject("agreement_id", Long.class), rs.getString("state"),
				rs.getString("number"));
	}

	/**
	 * The households of a project the user sees, by list place (priority rank, then id), optionally of one village and
	 * only those on the final list.
	 */
	public ListPage<HouseholdRow> households(CurrentUser user, long projectId, @Nullable String village,
			boolean finalListOnly, Pageable pageable) {
		projects.require(user, projectId);
		StringBuilder where = new StringBuilder(" WHERE h.project_id = ? AND ").append(projects.householdSql(user, "h"));
		List<Object> params = new ArrayList<>(List.of(projectId));
		if (village != null && !village.isBlank()) {
			if (!village.matches("\\d{12}")) {
				throw new InvalidInputException("housing.choice.village.invalid");
			}
			where.append(" AND h.village_code = ?");
			params.add(village);
		}
		if (finalListOnly) {
			where.append(" AND h.eligible = TRUE AND h.list_final = TRUE");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM housing_household h" + where).params(params).query(Long.class)
				.single();
		List<HouseholdRow> rows = jdbc.sql(ROW_SQL + where
				+ " ORDER BY CASE WHEN h.priority_rank IS NULL THEN 1 ELSE 0 END, h.priority_rank, h.id LIMIT "
				+ pageable.getPageSize() + " OFFSET " + pageable.getOffset()).params(params)
				.query((rs, i) -> row(rs)).list();
		return new ListPage<>(rows, pageable, total, false, null, false);
	}

	/** One household the user sees. */
	public HouseholdRow household(CurrentUser user, long householdId) {
		return jdbc.sql(ROW_SQL + " WHERE h.id = ? AND " + projects.householdSql(user, "h")).param(householdId)
				.query((rs, i) -> row(rs)).optional()
				.filter(h -> projects.sees(user, h.projectId()))
				.orElseThrow(() -> new NotFoundException("housing.choice.household.not.found", String.valueOf(householdId)));
	}

	Optional<HouseholdRow> householdRow(long householdId) {
		return jdbc.sql(ROW_SQL + " WHERE h.id = ?").param(householdId).query((rs, i) -> row(rs)).optional();
	}

	/**
	 * Records the household's choice: a unit type of its project, or deferred when {@code unitTypeId} is null. The one
	 * current choice is replaced and the history grows; a signed agreement fixes the choice (409).
	 */
	@Transactional
	public HouseholdRow choose(CurrentUser user, long householdId, @Nullable Long unitTypeId, boolean deferred) {
		HouseholdRow household = household(user, householdId);
		if (!ChoiceAccess.servesHousehold(user, household.villageCode())) {
			throw new OutOfScopeException("housing-household", String.valueOf(householdId));
		}
		if (deferred == (unitTypeId != null)) {
			throw new InvalidInputException("housing.choice.choice.required");
		}
		// lock the household's row: two visits recording at once leave one current choice
		jdbc.sql("SELECT id FROM housing_household WHERE id = ? FOR UPDATE").param(householdId).query(Long.class).single();
		household = householdRow(householdId).orElseThrow();
		if (!household.mayChoose()) {
			throw new ConflictException("housing.choice.not.eligible");
		}
		if (unitTypeId != null) {
			boolean ofProject = jdbc.sql("SELECT COUNT(*) FROM housing_unit_type WHERE id = ? AND project_id = ?")
					.params(unitTypeId, household.projectId()).query(Long.class).single() > 0;
			if (!ofProject) {
				throw new InvalidInputException("housing.choice.unitType.unknown", unitTypeId);
			}
		}
		if ("SIGNED".equals(household.agreementState())) {
			throw new ConflictException("housing.choice.signed");
		}
		boolean same = household.chosen() && Boolean.valueOf(deferred).equals(household.deferred())
				&& java.util.Objects.equals(unitTypeId, household.unitTypeId());
		if (same) {
			return household;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (household.agreementId() != null) {
			jdbc.sql("DELETE FROM housing_agreement WHERE id = ? AND state = 'DRAFTED'").param(household.agreementId())
					.update();
		}
		if (deferred) {
			jdbc.sql("DELETE FROM housing_allocation WHERE household_id = ?").param(householdId).update();
		}
		int updated = jdbc.sql("UPDATE housing_choice SET unit_type_id = ?, deferred = ?, chosen_at = ?, chosen_by = ? "
				+ "WHERE household_id = ?").params(unitTypeId, deferred, now, user.username(), householdId).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO housing_choice (household_id, project_id, unit_type_id, deferred, chosen_at, chosen_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
					.params(householdId, household.projectId(), unitTypeId, deferred, now, user.username()).update();
		}
		jdbc.sql("INSERT INTO housing_choice_history (household_id, unit_type_id, deferred, chosen_at, chosen_by) "
				+ "VALUES (?, ?, ?, ?, ?)").params(householdId, unitTypeId, deferred, now, user.username()).update();
		audit.record("HOUSING_CHOICE", "housing-household", String.valueOf(householdId), AuditTrail.SUCCESS,
				deferred ? "deferred" : "unitType=" + unitTypeId);
		return householdRow(householdId).orElseThrow();
	}

	/** Every choice the household made, oldest first. */
	public List<HistoryEntry> history(CurrentUser user, long householdId) {
		household(user, householdId);
		return jdbc.sql("SELECT t.name AS unit_type_name, c.deferred, c.chosen_at, c.chosen_by FROM housing_choice_history c "
				+ "LEFT JOIN housing_unit_type t ON t.id = c.unit_type_id WHERE c.household_id = ? ORDER BY c.id")
				.param(householdId).query(HistoryEntry.class).list();
	}

	/** Counts of the project's choices per unit type name, plus deferred and not yet chosen (of the final list). */
	public Map<String, Long> chosenPerType(long projectId) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT t.name, COUNT(c.household_id) FROM housing_unit_type t LEFT JOIN housing_choice c "
				+ "ON c.unit_type_id = t.id WHERE t.project_id = ? GROUP BY t.id, t.name ORDER BY t.id").param(projectId)
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
				.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** Figures of the project for the overview: final list, chosen, deferred, allocated, drafted, signed. */
	public record Progress(long onList, long chosen, long deferred, long allocated, long drafted, long signed) {
	}

	public Progress progress(CurrentUser user, long projectId) {
		projects.require(user, projectId);
		String where = " FROM housing_household h WHERE h.project_id = ? AND " + projects.householdSql(user, "h");
		long onList = jdbc.sql("SELECT COUNT(*)" + where + " AND h.eligible = TRUE AND h.list_final = TRUE")
				.param(projectId).query(Long.class).single();
		long chosen = count("SELECT COUNT(*) FROM housing_choice c JOIN housing_household h ON h.id = c.household_id "
				+ "WHERE c.project_id = ? AND NOT c.deferred AND " + projects.householdSql(user, "h"), projectId);
		long deferredCount = count("SELECT COUNT(*) FROM housing_choice c JOIN housing_household h ON h.id = "
				+ "c.household_id WHERE c.project_id = ? AND c.deferred AND " + projects.householdSql(user, "h"), projectId);
		long allocated = count("SELECT COUNT(*) FROM housing_allocation a JOIN housing_household h ON h.id = "
				+ "a.household_id WHERE a.project_id = ? AND " + projects.householdSql(user, "h"), projectId);
		long drafted = count("SELECT COUNT(*) FROM housing_agreement a JOIN housing_household h ON h.id = "
				+ "a.household_id WHERE a.project_id = ? AND a.state = 'DRAFTED' AND " + projects.householdSql(user, "h"),
				projectId);
		long signed = count("SELECT COUNT(*) FROM housing_agreement a JOIN housing_household h ON h.id = "
				+ "a.household_id WHERE a.project_id = ? AND a.state = 'SIGNED' AND " + projects.householdSql(user, "h"),
				projectId);
		return new Progress(onList, chosen, deferredCount, allocated, drafted, signed);
	}

	private long count(String sql, long projectId) {
		return jdbc.sql(sql).param(projectId).query(Long.class).single();
	}

	// ---- allocation

	/**
	 * Runs an allocation round over the households that chose a unit type and hold no plot yet: LOT draws their order
	 * from the seed (a new one when none is given) before at least two witnesses; PRIORITY takes the final list's
	 * order. The free plots of the project's sites go out in that order.
	 */
	@Transactional
	public Round allocate(CurrentUser user, long projectId, NewRound input) {
		HousingProjectRef project = projects.require(user, projectId);
		if (!ChoiceAccess.managesProject(user, project)) {
			throw new OutOfScopeException("housing-project", String.valueOf(projectId));
		}
		String method = input.method() == null ? "" : input.method().strip().toUpperCase(java.util.Locale.ROOT);
		if (!method.equals(LOT) && !method.equals(PRIORITY)) {
			throw new InvalidInputException("housing.choice.allocation.method");
		}
		List<String> witnesses = input.witnesses() == null ? List.of()
				: input.witnesses().stream().filter(w -> w != null && !w.isBlank()).map(String::strip).distinct().toList();
		if (method.equals(LOT) && (witnesses.size() < 2 || witnesses.stream().anyMatch(w -> w.length() > 40)
				|| String.join("、", witnesses).length() > 500)) {
			throw new InvalidInputException("housing.choice.allocation.witnesses");
		}
		if (method.equals(PRIORITY) && (input.seed() != null || !witnesses.isEmpty())) {
			throw new InvalidInputException("housing.choice.allocation.priority.extra");
		}
		// one round at a time per project
		jdbc.sql("SELECT id FROM housing_project WHERE id = ? FOR UPDATE").param(projectId).query(Long.class).single();
		List<Long> candidates;
		Long seed = null;
		String candidateSql = "SELECT h.id FROM housing_household h JOIN housing_choice c ON c.household_id = h.id "
				+ "WHERE h.project_id = ? AND h.eligible = TRUE AND h.list_final = TRUE AND NOT c.deferred "
				+ "AND NOT EXISTS (SELECT 1 FROM housing_allocation a WHERE a.household_id = h.id) ";
		if (method.equals(LOT)) {
			seed = input.seed() != null ? input.seed() : new SecureRandom().nextLong();
			candidates = PlotAllocation.lotOrder(
					jdbc.sql(candidateSql + "ORDER BY h.id").param(projectId).query(Long.class).list(), seed);
		}
		else {
			candidates = jdbc.sql(candidateSql + "ORDER BY CASE WHEN h.priority_rank IS NULL THEN 1 ELSE 0 END, "
					+ "h.priority_rank, h.id").param(projectId).query(Long.class).list();
		}
		if (candidates.isEmpty()) {
			throw new ConflictException("housing.choice.allocation.nobody");
		}
		List<PlotAllocation.Plot> plots = PlotAllocation.plots(jdbc.sql("SELECT id, buildings, plots FROM housing_site "
				+ "WHERE project_id = ? ORDER BY id").param(projectId).query(PlotAllocation.Site.class).list());
		Set<PlotAllocation.Plot> given = new HashSet<>(jdbc.sql("SELECT site_id, building, plot AS number FROM housing_allocation "
				+ "WHERE project_id = ?").param(projectId).query(PlotAllocation.Plot.class).list());
		Map<Long, PlotAllocation.Plot> assigned = PlotAllocation.assign(candidates, plots, given);
		OffsetDateTime now = OffsetDateTime.now(clock);
		String order = candidates.stream().map(String::valueOf).collect(Collectors.joining(","));
		jdbc.sql("INSERT INTO housing_allocation_round (project_id, method, seed, witnesses, drawn_order, allocated, "
				+ "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(projectId, method, seed, witnesses.isEmpty() ? null : String.join("、", witnesses), order,
						assigned.size(), now, user.username())
				.update();
		long roundId = jdbc.sql("SELECT MAX(id) FROM housing_allocation_round WHERE project_id = ?").param(projectId)
				.query(Long.class).single();
		List<Object[]> rows = new ArrayList<>();
		assigned.forEach((household, plot) -> rows.add(
				new Object[] { household, projectId, plot.siteId(), plot.building(), plot.number(), roundId }));
		batch("INSERT INTO housing_allocation (household_id, project_id, site_id, building, plot, round_id) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", rows);
		audit.record("HOUSING_ALLOCATION", "housing-project", String.valueOf(projectId), AuditTrail.SUCCESS,
				method + (seed == null ? "" : " seed=" + seed) + " allocated=" + assigned.size() + " of "
						+ candidates.size());
		return round(roundId).orElseThrow();
	}

	private void batch(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			batches.batchUpdate(sql, rows);
		}
	}

	/** The project's allocation rounds, newest first. */
	public List<Round> rounds(CurrentUser user, long projectId) {
		projects.require(user, projectId);
		return jdbc.sql("SELECT id FROM housing_allocation_round WHERE project_id = ? ORDER BY id DESC").param(projectId)
				.query(Long.class).list().stream().map(id -> round(id).orElseThrow()).toList();
	}

	Optional<Round> round(long id) {
		return jdbc.sql("SELECT id, project_id, method, seed, witnesses, drawn_order, allocated, created_at, created_by "
				+ "FROM housing_allocation_round WHERE id = ?").param(id)
				.query((rs, i) -> new Round(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
						rs.getString(5) == null ? List.of() : List.of(rs.getString(5).split("、")),
						ids(rs.getString(6)), rs.getInt(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9)))
				.optional();
	}

	private static List<Long> ids(@Nullable String joined) {
		if (joined == null || joined.isBlank()) {
			return List.of();
		}
		return Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
	}
}
