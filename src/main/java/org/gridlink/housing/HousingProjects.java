package org.gridlink.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.housing.HousingViews.ListState;
import org.gridlink.housing.HousingViews.Notice;
import org.gridlink.housing.HousingViews.ProjectDetail;
import org.gridlink.housing.HousingViews.ProjectInput;
import org.gridlink.housing.HousingViews.ProjectSummary;
import org.gridlink.housing.HousingViews.Site;
import org.gridlink.housing.HousingViews.SiteInput;
import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.residents.HouseholdFacts;
import org.gridlink.residents.HouseholdView;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects: list and detail within the caller's scope, create and edit (the center anywhere, a township its own),
 * with the households of the project's villages taken from the residents registry (head's name masked).
 */
@Service
public class HousingProjects {

	static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final HousingDirectory directory;
	private final Jurisdictions jurisdictions;
	private final HouseholdFacts households;
	private final AuditTrail audit;
	private final Clock clock;

	HousingProjects(JdbcClient jdbc, JdbcTemplate template, HousingDirectory directory, Jurisdictions jurisdictions,
			HouseholdFacts households, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.directory = directory;
		this.jurisdictions = jurisdictions;
		this.households = households;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(DISTRICT_ZONE));
	}

	private static void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("housing");
		}
	}

	public List<ProjectSummary> list(CurrentUser user) {
		require(HousingAccess.reads(user));
		return directory.visible(user).stream().map(p -> summary(user, p)).toList();
	}

	public ProjectDetail detail(CurrentUser user, long id) {
		require(HousingAccess.reads(user));
		HousingProjectRef p = directory.require(user, id);
		List<String> codes = villageCodes(id);
		Map<String, String> names = jurisdictions.names(codes);
		Map<String, String> villages = new LinkedHashMap<>();
		codes.forEach(c -> villages.put(c, names.getOrDefault(c, c)));
		return new ProjectDetail(summary(user, p), villages, sites(id), rules(id), notice(id));
	}

	ProjectSummary summary(CurrentUser user, HousingProjectRef p) {
		String scope = directory.householdSql(user, "h");
		long[] counts = jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT s.member_id), COALESCE(SUM(CASE WHEN r.eligible THEN 1"
				+ " ELSE 0 END), 0) FROM housing_household h LEFT JOIN (SELECT DISTINCT member_id FROM housing_survey"
				+ " WHERE project_id = ?) s ON s.member_id = h.id LEFT JOIN housing_result r ON r.member_id = h.id"
				+ " WHERE h.project_id = ? AND " + scope).params(p.id(), p.id())
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		int villages = jdbc.sql("SELECT COUNT(*) FROM housing_project_village WHERE project_id = ?").param(p.id())
				.query(Integer.class).single();
		String township = jurisdictions.names(List.of(p.townshipCode())).getOrDefault(p.townshipCode(),
				p.townshipCode());
		return new ProjectSummary(p.id(), p.name(), p.townshipCode(), township, p.budgetFen(), p.handOverOn(), villages,
				counts[0], counts[1], counts[2], listState(p.id()));
	}

	List<String> villageCodes(long projectId) {
		return jdbc.sql("SELECT village_code FROM housing_project_village WHERE project_id = ? ORDER BY village_code")
				.param(projectId).query(String.class).list();
	}

	public List<Site> sites(long projectId) {
		return jdbc.sql("SELECT id, name, village_code, address, buildings, plots FROM housing_site WHERE project_id = ?"
				+ " ORDER BY id").param(projectId).query(Site.class).list();
	}

	EligibilityRules rules(long projectId) {
		return jdbc.sql("SELECT priority_groups, unsafe_grades, group_required FROM housing_rule_set WHERE project_id = ?")
				.param(projectId).query((rs, i) -> new EligibilityRules(EligibilityRules.groups(rs.getString(1)),
						EligibilityRules.grades(rs.getString(2)), rs.getBoolean(3)))
				.optional().orElseGet(EligibilityRules::defaults);
	}

	@Nullable
	Notice notice(long projectId) {
		return jdbc.sql("SELECT starts_on, ends_on, final_at FROM housing_notice WHERE project_id = ?").param(projectId)
				.query((rs, i) -> new Notice(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
						rs.getObject(3) != null)).optional().orElse(null);
	}

	public ListState listState(long projectId) {
		Notice notice = notice(projectId);
		if (notice != null && notice.finalised()) {
			return ListState.FINAL;
		}
		if (notice != null) {
			return today().isAfter(notice.endsOn()) ? ListState.NOTICE_ENDED : ListState.NOTICE;
		}
		long results = jdbc.sql("SELECT COUNT(*) FROM housing_result WHERE project_id = ?").param(projectId)
				.query(Long.class).single();
		return results > 0 ? ListState.DRAFT : ListState.NOT_RUN;
	}

	// ------------------------------------------------------------------ create and edit

	/** The townships the caller may start a project in (code → name). */
	public Map<String, String> townships(CurrentUser user) {
		Map<String, String> out = new LinkedHashMap<>();
		if (!HousingAccess.managesProjects(user)) {
			return out;
		}
		for (JurisdictionNode n : jurisdictions.list(user, JurisdictionLevel.STREET, null, PageRequest.of(0, 500))) {
			if (user.scope().covers(n.code())) {
				out.put(n.code(), n.name());
			}
		}
		return out;
	}

	/** The villages (communities) of a township the caller may manage (code → name). */
	public Map<String, String> villagesOf(CurrentUser user, @Nullable String township) {
		Map<String, String> out = new LinkedHashMap<>();
		if (township == null || !townships(user).containsKey(township)) {
			return out;
		}
		for (JurisdictionNode n : jurisdictions.list(user, JurisdictionLevel.COMMUNITY, township,
				PageRequest.of(0, 500))) {
			out.put(n.code(), n.name());
		}
		return out;
	}

	/** The problems of an input, by field; empty when it may be saved. */
	public Map<String, InvalidInputException> problems(CurrentUser user, ProjectInput in, @Nullable Long projectId) {
		Map<String, InvalidInputException> out = new LinkedHashMap<>();
		String name = in.name() == null ? "" : in.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			out.put("name", new InvalidInputException("housing.project.name.invalid", 200));
		}
		Map<String, String> townships = townships(user);
		if (in.townshipCode() == null || !townships.containsKey(in.townshipCode())) {
			out.put("townshipCode", new InvalidInputException("housing.project.township.invalid"));
		}
		else {
			Map<String, String> villages = villagesOf(user, in.townshipCode());
			List<String> chosen = in.villageCodes() == null ? List.of() : in.villageCodes();
			if (chosen.isEmpty() || !villages.keySet().containsAll(chosen)) {
				out.put("villageCodes", new InvalidInputException("housing.project.villages.invalid"));
			}
			else if (projectId != null && !new HashSet<>(chosen).containsAll(villageCodes(projectId))) {
				out.put("villageCodes", new InvalidInputException("housing.project.villages.kept"));
			}
		}
		if (in.budgetYuan() == null || in.budgetYuan() < 0 || in.budgetYuan() > 100_000_000_000L) {
			out.put("budgetYuan", new InvalidInputException("housing.project.budget.invalid"));
		}
		if (in.handOverOn() == null || (projectId == null && !in.handOverOn().isAfter(today()))
				|| in.handOverOn().isAfter(today().plusYears(10))) {
			out.put("handOverOn", new InvalidInputException("housing.project.handover.invalid"));
		}
		List<SiteInput> sites = in.sites() == null ? List.of() : in.sites();
		Set<Long> known = new HashSet<>();
		if (projectId != null) {
			sites(projectId).forEach(s -> known.add(s.id()));
		}
		Set<String> chosenVillages = new HashSet<>(in.villageCodes() == null ? List.of() : in.villageCodes());
		for (int i = 0; i < sites.size(); i++) {
			SiteInput s = sites.get(i);
			String siteName = s.name() == null ? "" : s.name().strip();
			boolean bad = siteName.isEmpty() || siteName.length() > 100 || s.villageCode() == null
					|| !chosenVillages.contains(s.villageCode()) || s.buildings() == null || s.buildings() < 1
					|| s.buildings() > 500 || s.plots() == null || s.plots() < 0 || s.plots() > 10_000
					|| (s.address() != null && s.address().length() > 300) || (s.id() != null && !known.contains(s.id()));
			if (bad) {
				out.put("sites", new InvalidInputException("housing.project.site.invalid", i + 1));
				break;
			}
		}
		return out;
	}

	@Transactional
	public long create(CurrentUser user, ProjectInput in) {
		require(HousingAccess.managesProjects(user));
		check(user, in, null);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO housing_project (name, township_code, budget_fen, hand_over_on, created_at, created_by)"
				+ " VALUES (?, ?, ?, ?, ?, ?)").params(in.name().strip(), in.townshipCode(), in.budgetYuan() * 100,
						in.handOverOn(), OffsetDateTime.now(clock), user.username()).update(keys, "id");
		long id = keys.getKey().longValue();
		addVillages(id, in.villageCodes());
		saveSites(id, in.sites());
		audit.record("HOUSING_PROJECT_CREATE", "housing_project", String.valueOf(id), AuditTrail.SUCCESS,
				in.name().strip());
		return id;
	}

	@Transactional
	public void update(CurrentUser user, long id, ProjectInput in) {
		require(HousingAccess.managesProjects(user));
		HousingProjectRef p = directory.require(user, id);
		if (!user.scope().covers(p.townshipCode())) {
			throw new OutOfScopeException("housing_project", String.valueOf(id));
		}
		check(user, in, id);
		if (!in.townshipCode().equals(p.townshipCode())) {
			throw new InvalidInputException("housing.project.township.kept");
		}
		jdbc.sql("UPDATE housing_project SET name = ?, budget_fen = ?, hand_over_on = ?, version = version + 1"
				+ " WHERE id = ?").params(in.name().strip(), in.budgetYuan() * 100, in.handOverOn(), id).update();
		List<String> added = new ArrayList<>(in.villageCodes());
		added.removeAll(villageCodes(id));
		addVillages(id, added);
		saveSites(id, in.sites());
		audit.record("HOUSING_PROJECT_UPDATE", "housing_project", String.valueOf(id), AuditTrail.SUCCESS,
				in.name().strip());
	}

	/** The edit form's values may come from a user that manages this project. */
	public boolean manages(CurrentUser user, long projectId) {
		return HousingAccess.managesProjects(user) && directory.find(projectId)
				.map(p -> user.scope().covers(p.townshipCode()) && directory.sees(user, projectId)).orElse(false);
	}

	private void check(CurrentUser user, ProjectInput in, @Nullable Long id) {
		Map<String, InvalidInputException> problems = problems(user, in, id);
		if (!problems.isEmpty()) {
			throw problems.values().iterator().next();
		}
	}

	private void saveSites(long projectId, @Nullable List<SiteInput> sites) {
		if (sites == null) {
			return;
		}
		List<Object[]> inserts = new ArrayList<>();
		for (SiteInput s : sites) {
			if (s.id() == null) {
				inserts.add(new Object[] { projectId, s.name().strip(), s.villageCode(), blankToNull(s.address()),
						s.buildings(), s.plots() });
			}
			else {
				jdbc.sql("UPDATE housing_site SET name = ?, village_code = ?, address = ?, buildings = ?, plots = ?"
						+ " WHERE id = ? AND project_id = ?").params(s.name().strip(), s.villageCode(),
								blankToNull(s.address()), s.buildings(), s.plots(), s.id(), projectId).update();
			}
		}
		template.batchUpdate("INSERT INTO housing_site (project_id, name, village_code, address, buildings, plots) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", inserts);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** Adds villages and their registry households (head masked), in walking order. */
	void addVillages(long projectId, List<String> villages) {
		if (villages.isEmpty()) {
			return;
		}
		template.batchUpdate("INSERT INTO housing_project_village (project_id, village_code) VALUES (?, ?)",
				villages.stream().map(v -> new Object[] { projectId, v }).toList());
		Set<String> wanted = new LinkedHashSet<>(villages);
		List<HouseholdView> found = new ArrayList<>();
		Map<Long, String> villageOf = new LinkedHashMap<>();
		for (ResidentialGrid grid : jurisdictions.residentialGrids()) {
			String village = grid.code().length() >= 12 ? grid.code().substring(0, 12) : grid.code();
			if (wanted.contains(village)) {
				for (HouseholdView h : households.ofGrid(grid.code())) {
					found.add(h);
					villageOf.put(h.id(), village);
				}
			}
		}
		insertHouseholds(projectId, found, villageOf, Integer.MAX_VALUE);
	}

	/** Inserts the households (at most {@code limit}) with their masked heads; returns how many. */
	int insertHouseholds(long projectId, List<HouseholdView> found, Map<Long, String> villageOf, int limit) {
		List<HouseholdView> taken = found.size() > limit ? found.subList(0, limit) : found;
		Map<Long, String> heads = households.maskedHeads(taken.stream().map(HouseholdView::id).toList());
		List<Object[]> rows = new ArrayList<>();
		for (HouseholdView h : taken) {
			rows.add(new Object[] { projectId, h.id(), villageOf.get(h.id()), h.gridCode(),
					heads.getOrDefault(h.id(), "*"), Math.max(1, h.members()) });
		}
		template.batchUpdate("INSERT INTO housing_household (project_id, household_id, village_code, grid_code, "
				+ "head_masked, family_size) VALUES (?, ?, ?, ?, ?, ?)", rows);
		return rows.size();
	}

	static boolean isCenter(CurrentUser user) {
		return user.has(Role.CENTER);
	}
}
