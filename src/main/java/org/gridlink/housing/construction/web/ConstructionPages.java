package org.gridlink.housing.construction.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.housing.HousingProjectRef;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.housing.construction.ConstructionAccess;
import org.gridlink.housing.construction.ConstructionViews.BuildingSchedule;
import org.gridlink.housing.construction.ConstructionViews.Milestone;
import org.gridlink.housing.construction.ConstructionViews.Schedule;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.housing.construction.ConstructionViews.SiteSchedule;
import org.gridlink.housing.construction.JobsAndTraining;
import org.gridlink.housing.construction.ProblemKind;
import org.gridlink.housing.construction.Schedules;
import org.gridlink.housing.construction.SiteInspections;
import org.gridlink.housing.construction.SiteProblems;
import org.gridlink.housing.construction.SiteReports;
import org.gridlink.housing.construction.WorksAndMoney;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The construction pages: the projects and sites the user sees, a project's overview (sites, supporting works, money,
 * inspections, jobs and training), the wall chart (挂图作战) of a site (a row per building) and of a building (a row per
 * milestone) with today's line, late milestones and open problems, and the site manager's phone page.
 */
@Controller
class ConstructionPages {

	private final ConstructionAccess access;
	private final Schedules schedules;
	private final SiteReports reports;
	private final SiteProblems problems;
	private final SiteInspections inspections;
	private final WorksAndMoney works;
	private final JobsAndTraining jobs;

	ConstructionPages(ConstructionAccess access, Schedules schedules, SiteReports reports, SiteProblems problems,
			SiteInspections inspections, WorksAndMoney works, JobsAndTraining jobs) {
		this.access = access;
		this.schedules = schedules;
		this.reports = reports;
		this.problems = problems;
		this.inspections = inspections;
		this.works = works;
		this.jobs = jobs;
	}

	/** A bar of the chart: where it starts and how wide it is (percent of the chart's days). */
	record Bar(MilestoneKind kind, double left, double width, String state, boolean late, LocalDate plannedStart,
			LocalDate plannedEnd, @Nullable LocalDate reachedOn) {
	}

	record Row(String label, @Nullable String href, List<Bar> bars, @Nullable Integer percent, int openProblems) {
	}

	record Chart(LocalDate from, LocalDate to, double todayLeft, List<Row> rows) {
	}

	static Chart chart(LocalDate today, List<Row> raw, LocalDate from, LocalDate to) {
		return new Chart(from, to, position(from, to, today), raw);
	}

	static double position(LocalDate from, LocalDate to, LocalDate day) {
		long all = Math.max(1, ChronoUnit.DAYS.between(from, to));
		double p = 100.0 * ChronoUnit.DAYS.between(from, day) / all;
		return Math.max(0, Math.min(100, Math.round(p * 10) / 10.0));
	}

	static Bar bar(LocalDate from, LocalDate to, Milestone m) {
		double left = position(from, to, m.plannedStart());
		double right = position(from, to, m.plannedEnd());
		return new Bar(m.kind(), left, Math.max(0.5, right - left), m.state(), m.late(), m.plannedStart(), m.plannedEnd(),
				m.reachedOn());
	}

	static LocalDate[] window(Schedule s) {
		LocalDate from = s.handOverOn();
		for (SiteSchedule site : s.sites()) {
			for (BuildingSchedule b : site.rows()) {
				from = b.milestones().get(0).plannedStart().isBefore(from) ? b.milestones().get(0).plannedStart() : from;
			}
		}
		LocalDate to = s.today().isAfter(s.handOverOn()) ? s.today() : s.handOverOn();
		from = s.today().isBefore(from) ? s.today() : from;
		return new LocalDate[] { from.minusDays(2), to.plusDays(2) };
	}

	@GetMapping("/construction")
	String index(CurrentUser user, Model model) {
		List<HousingProjectRef> projects = access.projects(user);
		if (projects.isEmpty() && !ConstructionAccessView.mayOpen(user)) {
			throw new AccessDeniedException("construction");
		}
		List<Object[]> rows = new ArrayList<>();
		for (HousingProjectRef p : projects) {
			rows.add(new Object[] { p, access.sites(user, p.id()) });
		}
		model.addAttribute("projects", rows);
		model.addAttribute("reports", !access.managed(user).isEmpty());
		return "housing/construction/index";
	}

	@GetMapping("/construction/projects/{id}")
	String project(CurrentUser user, @PathVariable long id, Model model) {
		return projectPage(user, id, model);
	}

	/** The project page; the forms' typed values and problems come from the model when a form was refused. */
	String projectPage(CurrentUser user, long id, Model model) {
		Schedule s = schedules.schedule(user, id, null);
		LocalDate[] w = window(s);
		List<Row> rows = new ArrayList<>();
		for (SiteSchedule site : s.sites()) {
			// a site's row: each milestone from its earliest start to its latest end over the buildings
			List<Bar> bars = new ArrayList<>();
			for (MilestoneKind kind : MilestoneKind.values()) {
				LocalDate start = null;
				LocalDate end = null;
				boolean late = false;
				int reached = 0;
				for (BuildingSchedule b : site.rows()) {
					Milestone m = b.milestones().get(kind.ordinal());
					start = start == null || m.plannedStart().isBefore(start) ? m.plannedStart() : start;
					end = end == null || m.plannedEnd().isAfter(end) ? m.plannedEnd() : end;
					late |= m.late() && m.reachedOn() == null;
					reached += m.reachedOn() != null ? 1 : 0;
				}
				String state = late ? "LATE" : reached == site.rows().size() && reached > 0 ? "REACHED"
						: reached > 0 || !s.today().isBefore(start) ? "IN_PROGRESS" : "PLANNED";
				bars.add(bar(w[0], w[1], new Milestone(kind, start, end, null, null, late, state)));
			}
			rows.add(new Row(site.name(), "/construction/sites/" + site.siteId(), bars, null, site.openProblems().size()));
		}
		model.addAttribute("schedule", s);
		model.addAttribute("chart", chart(s.today(), rows, w[0], w[1]));
		model.addAttribute("problems", problems.problems(user, id, false));
		model.addAttribute("works", works.works(user, id));
		model.addAttribute("inspections", inspections.inspections(user, id));
		boolean books = access.readsBooks(user, id);
		model.addAttribute("budget", books ? works.budget(user, id) : List.of());
		model.addAttribute("jobs", books ? jobs.jobs(user, id) : null);
		boolean plans = access.plans(user, id);
		model.addAttribute("plans", plans);
		model.addAttribute("households", plans ? jobs.households(user, id) : java.util.Map.of());
		java.util.Set<Long> editable = new java.util.HashSet<>();
		for (var work : works.works(user, id)) {
			if (plans || (work.siteId() != null && access.find(work.siteId()).filter(x -> access.seesSite(user, x)
					&& access.reportsOn(user, x)).isPresent())) {
				editable.add(work.id());
			}
		}
		model.addAttribute("editableWorks", editable);
		defaults(model);
		return "housing/construction/project";
	}

	@GetMapping("/construction/sites/{id}")
	String site(CurrentUser user, @PathVariable long id, Model model) {
		return sitePage(user, id, model);
	}

	private static void defaults(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", org.gridlink.platform.FormErrors.in(null, java.util.Locale.ROOT));
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", java.util.Map.of());
		}
		if (!model.containsAttribute("failed")) {
			model.addAttribute("failed", "");
		}
	}

	String sitePage(CurrentUser user, long id, Model model) {
		Site site = access.site(user, id);
		Schedule s = schedules.schedule(user, site.projectId(), id);
		SiteSchedule ss = s.sites().get(0);
		LocalDate[] w = window(s);
		List<Row> rows = new ArrayList<>();
		for (BuildingSchedule b : ss.rows()) {
			rows.add(new Row(String.valueOf(b.building()), "/construction/sites/" + id + "/buildings/" + b.building(),
					b.milestones().stream().map(m -> bar(w[0], w[1], m)).toList(), b.percent(), b.openProblems()));
		}
		model.addAttribute("schedule", s);
		model.addAttribute("site", ss);
		model.addAttribute("chart", chart(s.today(), rows, w[0], w[1]));
		model.addAttribute("reports", reports.reports(user, id).stream().limit(20).toList());
		model.addAttribute("reportsOn", access.reportsOn(user, site));
		model.addAttribute("inspects", access.inspects(user, site));
		model.addAttribute("checklist", SiteInspections.CHECKLIST);
		model.addAttribute("today", schedules.today());
		if (!model.containsAttribute("clientId")) {
			model.addAttribute("clientId", java.util.UUID.randomUUID().toString());
		}
		defaults(model);
		return "housing/construction/site";
	}

	@GetMapping("/construction/sites/{id}/buildings/{building}")
	String building(CurrentUser user, @PathVariable long id, @PathVariable int building, Model model) {
		Site site = access.site(user, id);
		if (building < 1 || building > site.buildings()) {
			throw new NotFoundException("construction.site.not.found", id + "/" + building);
		}
		Schedule s = schedules.schedule(user, site.projectId(), id);
		SiteSchedule ss = s.sites().get(0);
		BuildingSchedule b = ss.rows().get(building - 1);
		LocalDate[] w = window(s);
		List<Row> rows = new ArrayList<>();
		for (Milestone m : b.milestones()) {
			rows.add(new Row(m.kind().name(), null, List.of(bar(w[0], w[1], m)), null, 0));
		}
		model.addAttribute("schedule", s);
		model.addAttribute("site", ss);
		model.addAttribute("building", b);
		model.addAttribute("chart", chart(s.today(), rows, w[0], w[1]));
		model.addAttribute("problems", ss.openProblems().stream()
				.filter(p -> p.building() == null || p.building() == building).toList());
		return "housing/construction/building";
	}

	@GetMapping("/construction/report")
	String report(CurrentUser user, @RequestParam(required = false) @Nullable Long site, Model model) {
		List<Site> mine = new ArrayList<>();
		for (HousingProjectRef p : access.projects(user)) {
			for (Site s : access.sites(user, p.id())) {
				if (access.reportsOn(user, s)) {
					mine.add(s);
				}
			}
		}
		if (mine.isEmpty()) {
			throw new AccessDeniedException("construction");
		}
		Site selected = site == null ? mine.get(0)
				: mine.stream().filter(s -> s.id() == site).findFirst()
						.orElseThrow(() -> new NotFoundException("construction.site.not.found", String.valueOf(site)));
		model.addAttribute("sites", mine);
		model.addAttribute("site", selected);
		model.addAttribute("kinds", MilestoneKind.values());
		model.addAttribute("problemKinds", ProblemKind.values());
		model.addAttribute("today", schedules.today());
		return "housing/construction/report";
	}

	/** Who may open the list page even without a site yet. */
	static final class ConstructionAccessView {
		private ConstructionAccessView() {
		}

		static boolean mayOpen(CurrentUser user) {
			return user.hasAny(org.gridlink.platform.Role.CENTER, org.gridlink.platform.Role.LEADER,
					org.gridlink.platform.Role.STREET, org.gridlink.platform.Role.COMMUNITY,
					org.gridlink.platform.Role.GRID_WORKER, org.gridlink.platform.Role.INSPECTOR,
					org.gridlink.platform.Role.SITE_MANAGER);
		}
	}
}
