package org.gridlink.housing.construction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridlink.housing.HousingProjectRef;
import org.gridlink.housing.MilestoneFacts;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.housing.construction.ConstructionViews.BuildingSchedule;
import org.gridlink.housing.construction.ConstructionViews.DurationInput;
import org.gridlink.housing.construction.ConstructionViews.Milestone;
import org.gridlink.housing.construction.ConstructionViews.MilestoneInput;
import org.gridlink.housing.construction.ConstructionViews.Problem;
import org.gridlink.housing.construction.ConstructionViews.Schedule;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.housing.construction.ConstructionViews.SiteSchedule;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The backward schedule of a project per site and building (planned from the durations and the hand-over date on
 * every read, so a moved hand-over date moves every planned date), the milestones reached, and the durations. Also
 * what the other parts read about milestones ({@link MilestoneFacts}).
 */
@Service
public class Schedules implements MilestoneFacts {

	static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final ConstructionAccess access;
	private final AuditTrail audit;
	private final Clock clock;

	Schedules(JdbcClient jdbc, ConstructionAccess access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(DISTRICT_ZONE));
	}

	@Override
	public Optional<LocalDate> reachedOn(long siteId, int building, MilestoneKind kind) {
		return jdbc.sql("SELECT reached_on FROM housing_milestone_actual WHERE site_id = ? AND building = ? AND kind = ?"
				+ " AND reached_on IS NOT NULL").params(siteId, building, kind.name()).query(LocalDate.class).optional();
	}

	/** The project's schedule over the sites the user sees (all buildings), or one site's. */
	@Transactional(readOnly = true)
	public Schedule schedule(CurrentUser user, long projectId, @Nullable Long siteId) {
		HousingProjectRef project = access.project(user, projectId);
		List<Site> sites = access.sites(user, projectId);
		if (siteId != null) {
			sites = sites.stream().filter(s -> s.id() == siteId).toList();
			if (sites.isEmpty()) {
				throw new org.gridlink.platform.NotFoundException("construction.site.not.found", String.valueOf(siteId));
			}
		}
		return build(project, sites, openProblems(sites));
	}

	/** The schedule of one project with all its sites, for the public board (no user: figures only). */
	@Transactional(readOnly = true)
	public Optional<Schedule> publicSchedule(long projectId, HousingProjectRef project) {
		List<Site> sites = jdbc.sql("SELECT " + ConstructionAccess.SITE_COLUMNS
				+ " FROM housing_site s WHERE s.project_id = ? ORDER BY s.id").param(projectId).query(Site.class).list();
		return Optional.of(build(project, sites, Map.of()));
	}

	private Schedule build(HousingProjectRef project, List<Site> sites, Map<Long, List<Problem>> problems) {
		LocalDate today = today();
		Map<String, Integer> durations = durations(project.id());
		Map<String, Actual> actuals = actuals(sites);
		Map<String, Object[]> latest = latestReports(sites);
		List<SiteSchedule> out = new ArrayList<>();
		for (Site s : sites) {
			List<Problem> open = problems.getOrDefault(s.id(), List.of());
			List<BuildingSchedule> rows = new ArrayList<>();
			for (int b = 1; b <= s.buildings(); b++) {
				List<Milestone> ms = new ArrayList<>();
				for (BackwardSchedule.Planned p : BackwardSchedule.plan(project.handOverOn(),
						BackwardSchedule.durationsFor(durations, s.id(), b))) {
					Actual a = actuals.get(s.id() + ":" + b + ":" + p.kind());
					LocalDate started = a == null ? null : a.startedOn();
					LocalDate reached = a == null ? null : a.reachedOn();
					ms.add(new Milestone(p.kind(), p.start(), p.end(), started, reached,
							BackwardSchedule.late(p, reached, today), BackwardSchedule.state(p, started, reached, today)));
				}
				Object[] r = latest.getOrDefault(s.id() + ":" + b, latest.get(s.id() + ":0"));
				int building = b;
				int openHere = (int) open.stream().filter(x -> x.building() == null || x.building() == building).count();
				rows.add(new BuildingSchedule(b, ms, r == null ? null : (Integer) r[0], r == null ? null : (LocalDate) r[1],
						openHere));
			}
			out.add(new SiteSchedule(s.id(), s.name(), s.villageCode(), s.buildings(), rows, open));
		}
		return new Schedule(project.id(), project.name(), project.handOverOn(), today, out);
	}

	private record Actual(@Nullable LocalDate startedOn, @Nullable LocalDate reachedOn) {
	}

	/** Duration rows of a project keyed "site:building:KIND". */
	Map<String, Integer> durations(long projectId) {
		Map<String, Integer> out = new HashMap<>();
		jdbc.sql("SELECT site_id, building, kind, days FROM housing_milestone_duration WHERE project_id = ?")
				.param(projectId).query((rs, i) -> out.put(rs.getLong(1) + ":" + rs.getInt(2) + ":" + rs.getString(3),
						rs.getInt(4)))
				.list();
		return out;
	}

	private Map<String, Actual> actuals(List<Site> sites) {
		Map<String, Actual> out = new HashMap<>();
		if (sites.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT site_id, building, kind, started_on, reached_on FROM housing_milestone_actual WHERE site_id IN ("
				+ ids(sites) + ")")
				.query((rs, i) -> out.put(rs.getLong(1) + ":" + rs.getInt(2) + ":" + rs.getString(3),
						new Actual(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))))
				.list();
		return out;
	}

	/** The latest report's percent and day per "site:building" (building 0: a report for the whole site). */
	private Map<String, Object[]> latestReports(List<Site> sites) {
		Map<String, Object[]> out = new HashMap<>();
		if (sites.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT site_id, COALESCE(building, 0), percent, report_day FROM housing_daily_report WHERE site_id IN ("
				+ ids(sites) + ") ORDER BY report_day, id")
				.query((rs, i) -> out.put(rs.getLong(1) + ":" + rs.getInt(2),
						new Object[] { rs.getInt(3), rs.getObject(4, LocalDate.class) }))
				.list();
		return out;
	}

	Map<Long, List<Problem>> openProblems(List<Site> sites) {
		Map<Long, List<Problem>> out = new HashMap<>();
		if (sites.isEmpty()) {
			return out;
		}
		LocalDate today = today();
		jdbc.sql("SELECT p.id, p.site_id, s.name, p.building, p.kind, p.description, p.raised_on, p.due_on, p.case_id,"
				+ " p.solved_at, p.ended FROM housing_site_problem p JOIN housing_site s ON s.id = p.site_id"
				+ " WHERE p.site_id IN (" + ids(sites) + ") AND p.solved_at IS NULL AND p.ended = FALSE ORDER BY p.id")
				.query((rs, i) -> SiteProblems.problem(rs, today)).list()
				.forEach(p -> out.computeIfAbsent(p.siteId(), k -> new ArrayList<>()).add(p));
		return out;
	}

	static String ids(List<Site> sites) {
		return String.join(",", sites.stream().map(s -> String.valueOf(s.id())).toList());
	}

	/** Sets the days of some milestones for the project, a site or a building (center or township staff). */
	@Transactional
	public void setDurations(CurrentUser user, long projectId, DurationInput input) {
		access.project(user, projectId);
		ConstructionAccess.require(access.plans(user, projectId));
		long site = input.siteId() == null ? 0 : input.siteId();
		int building = input.building() == null ? 0 : input.building();
		if (site != 0) {
			Site s = access.find(site).filter(x -> x.projectId() == projectId)
					.orElseThrow(() -> new InvalidInputException("construction.site.invalid", String.valueOf(site)));
			if (building < 0 || building > s.buildings()) {
				throw new InvalidInputException("construction.building.invalid", building);
			}
		}
		else if (building != 0) {
			throw new InvalidInputException("construction.building.invalid", building);
		}
		if (input.days() == null || input.days().isEmpty()) {
			throw new InvalidInputException("construction.duration.invalid", BackwardSchedule.MAX_DAYS);
		}
		for (Map.Entry<String, Integer> e : input.days().entrySet()) {
			MilestoneKind kind = kind(e.getKey());
			BackwardSchedule.check(e.getValue());
			jdbc.sql("DELETE FROM housing_milestone_duration WHERE project_id = ? AND site_id = ? AND building = ? AND kind = ?")
					.params(projectId, site, building, kind.name()).update();
			jdbc.sql("INSERT INTO housing_milestone_duration (project_id, site_id, building, kind, days) VALUES (?, ?, ?, ?, ?)")
					.params(projectId, site, building, kind.name(), e.getValue()).update();
		}
		audit.record("HOUSING_DURATIONS", "housing_project", String.valueOf(projectId), AuditTrail.SUCCESS,
				"site " + site + " building " + building + " " + input.days());
	}

	/** Records a milestone reached on a building (the site manager, township or village staff). */
	@Transactional
	public void recordMilestone(CurrentUser user, long siteId, MilestoneInput input) {
		Site s = access.site(user, siteId);
		ConstructionAccess.require(access.reportsOn(user, s));
		int building = building(s, input.building(), false);
		MilestoneKind kind = kind(input.kind());
		LocalDate reached = input.reachedOn() == null ? today() : input.reachedOn();
		if (reached.isAfter(today()) || reached.isBefore(today().minusYears(3))) {
			throw new InvalidInputException("construction.date.invalid");
		}
		if (input.startedOn() != null && input.startedOn().isAfter(reached)) {
			throw new InvalidInputException("construction.date.invalid");
		}
		reached(user.username(), s.id(), building, kind, input.startedOn(), reached);
		audit.record("HOUSING_MILESTONE", "housing_site", String.valueOf(siteId), AuditTrail.SUCCESS,
				"building " + building + " " + kind + " " + reached);
	}

	void reached(String by, long siteId, int building, MilestoneKind kind, @Nullable LocalDate started, LocalDate reached) {
		int updated = jdbc.sql("UPDATE housing_milestone_actual SET reached_on = ?, started_on = COALESCE(?, started_on),"
				+ " recorded_by = ?, recorded_at = ? WHERE site_id = ? AND building = ? AND kind = ?")
				.params(reached, started, by, OffsetDateTime.now(clock), siteId, building, kind.name()).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO housing_milestone_actual (site_id, building, kind, started_on, reached_on, recorded_by,"
					+ " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
					.params(siteId, building, kind.name(), started, reached, by, OffsetDateTime.now(clock)).update();
		}
	}

	static MilestoneKind kind(@Nullable String name) {
		try {
			return MilestoneKind.valueOf(name == null ? "" : name.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("construction.milestone.invalid", String.valueOf(name));
		}
	}

	/** A building number of the site (1..n); null allowed (the whole site) when {@code wholeSite}. */
	static @Nullable Integer buildingOrSite(Site s, @Nullable Integer building) {
		if (building == null) {
			return null;
		}
		if (building < 1 || building > s.buildings()) {
			throw new InvalidInputException("construction.building.invalid", building);
		}
		return building;
	}

	static int building(Site s, @Nullable Integer building, boolean unused) {
		if (building == null) {
			throw new InvalidInputException("construction.building.invalid", "");
		}
		return buildingOrSite(s, building);
	}
}
