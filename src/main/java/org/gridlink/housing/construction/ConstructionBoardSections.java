package org.gridlink.housing.construction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.housing.HousingBoardSection;
import org.gridlink.housing.HousingDirectory;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.housing.construction.ConstructionViews.BudgetLine;
import org.gridlink.housing.construction.ConstructionViews.BuildingSchedule;
import org.gridlink.housing.construction.ConstructionViews.Milestone;
import org.gridlink.housing.construction.ConstructionViews.Schedule;
import org.gridlink.housing.construction.ConstructionViews.SiteSchedule;
import org.gridlink.housing.construction.ConstructionViews.SupportingWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The construction part's sections of the public board: "schedule" (per site: buildings that reached each milestone,
 * its planned date, late buildings; supporting works; the latest progress photos) and "spending" (money spent against
 * the budget per line). Figures, names of sites and works only: no person.
 */
@Configuration
class ConstructionBoardSections {

	@Bean
	HousingBoardSection constructionScheduleSection(Schedules schedules, HousingDirectory directory, SiteReports reports,
			WorksAndMoney works) {
		return new HousingBoardSection() {
			@Override
			public int order() {
				return 50;
			}

			@Override
			public String key() {
				return "schedule";
			}

			@Override
			public String fragment() {
				return "housing/construction/board :: schedule";
			}

			@Override
			public Map<String, Object> publicData(long projectId) {
				Map<String, Object> out = new LinkedHashMap<>();
				var project = directory.find(projectId);
				if (project.isEmpty()) {
					return out;
				}
				Schedule s = schedules.publicSchedule(projectId, project.get()).orElseThrow();
				out.put("handOverOn", s.handOverOn());
				out.put("today", s.today());
				List<Map<String, Object>> sites = new ArrayList<>();
				for (SiteSchedule site : s.sites()) {
					List<Map<String, Object>> milestones = new ArrayList<>();
					for (MilestoneKind kind : MilestoneKind.values()) {
						int reached = 0;
						int late = 0;
						java.time.LocalDate planned = null;
						for (BuildingSchedule b : site.rows()) {
							Milestone m = b.milestones().get(kind.ordinal());
							planned = planned == null || m.plannedEnd().isAfter(planned) ? m.plannedEnd() : planned;
							reached += m.reachedOn() != null ? 1 : 0;
							late += m.late() && m.reachedOn() == null ? 1 : 0;
						}
						Map<String, Object> m = new LinkedHashMap<>();
						m.put("kind", kind.name());
						m.put("plannedEnd", planned);
						m.put("reached", reached);
						m.put("late", late);
						milestones.add(m);
					}
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("name", site.name());
					row.put("buildings", site.buildings());
					row.put("milestones", milestones);
					sites.add(row);
				}
				out.put("sites", sites);
				List<Map<String, Object>> ws = new ArrayList<>();
				for (SupportingWork w : works.allWorks(projectId)) {
					ws.add(Map.of("kind", w.kind(), "name", w.name(), "percent", w.percent()));
				}
				out.put("works", ws);
				out.put("photos", reports.recentPhotos(projectId, 6));
				return out;
			}
		};
	}

	@Bean
	HousingBoardSection constructionSpendingSection(WorksAndMoney money) {
		return new HousingBoardSection() {
			@Override
			public int order() {
				return 60;
			}

			@Override
			public String key() {
				return "spending";
			}

			@Override
			public String fragment() {
				return "housing/construction/board :: spending";
			}

			@Override
			public Map<String, Object> publicData(long projectId) {
				List<BudgetLine> lines = money.budget(projectId);
				List<Map<String, Object>> items = new ArrayList<>();
				for (BudgetLine l : lines) {
					items.add(Map.of("name", l.name(), "budgetFen", l.budgetFen(), "spentFen", l.spentFen()));
				}
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("items", items);
				out.put("budgetFen", lines.stream().mapToLong(BudgetLine::budgetFen).sum());
				out.put("spentFen", lines.stream().mapToLong(BudgetLine::spentFen).sum());
				return out;
			}
		};
	}
}
