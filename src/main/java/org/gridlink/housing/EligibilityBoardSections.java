package org.gridlink.housing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.housing.HousingViews.ListState;
import org.gridlink.housing.HousingViews.Notice;
import org.gridlink.housing.HousingViews.Objection;
import org.gridlink.jurisdiction.Jurisdictions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The eligibility part's sections of the public board: the list (once its public notice period has begun: place,
 * masked head, village — no ID, no phone, and not the household's priority group, which would tell its income or a
 * disability), the objections with their answers, and how to raise a concern (the public case report page).
 */
@Configuration(proxyBeanMethods = false)
class EligibilityBoardSections {

	static final String REPORT_PAGE = "/report";

	@Bean
	HousingBoardSection eligibilityListSection(JdbcClient jdbc, HousingProjects projects, Jurisdictions jurisdictions) {
		return new Section(10, "eligibility", "housing/board :: eligibility") {
			@Override
			public Map<String, Object> publicData(long projectId) {
				Map<String, Object> out = new LinkedHashMap<>();
				ListState state = projects.listState(projectId);
				Notice notice = projects.notice(projectId);
				out.put("state", state.name());
				out.put("noticeStartsOn", notice == null ? null : notice.startsOn().toString());
				out.put("noticeEndsOn", notice == null ? null : notice.endsOn().toString());
				List<Map<String, Object>> rows = new ArrayList<>();
				boolean shown = state == ListState.FINAL || (notice != null && !projects.today().isBefore(notice.startsOn()));
				if (shown) {
					String rank = state == ListState.FINAL ? "h.priority_rank" : "r.list_place";
					List<Object[]> raw = jdbc.sql("SELECT " + rank + ", h.head_masked, h.village_code FROM"
							+ " housing_household h JOIN housing_result r ON r.member_id = h.id WHERE h.project_id = ? AND "
							+ rank + " IS NOT NULL ORDER BY " + rank).param(projectId)
							.query((rs, i) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getString(3) })
							.list();
					Map<String, String> villages = jurisdictions.names(projects.villageCodes(projectId));
					for (Object[] r : raw) {
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("rank", r[0]);
						row.put("name", r[1]);
						row.put("village", villages.getOrDefault((String) r[2], ""));
						rows.add(row);
					}
				}
				out.put("shown", shown);
				out.put("households", rows);
				return out;
			}
		};
	}

	@Bean
	HousingBoardSection objectionsSection(HousingLists lists, HousingProjects projects, Jurisdictions jurisdictions) {
		return new Section(80, "objections", "housing/board :: objections") {
			@Override
			public Map<String, Object> publicData(long projectId) {
				Map<String, String> villages = jurisdictions.names(projects.villageCodes(projectId));
				List<Map<String, Object>> rows = new ArrayList<>();
				for (Objection o : lists.objections(projectId, "1=1")) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("raisedOn", o.raisedOn().toString());
					row.put("village", villages.getOrDefault(o.villageCode(), ""));
					row.put("text", o.text());
					row.put("answer", o.answer());
					LocalDate answered = o.answeredOn();
					row.put("answeredOn", answered == null ? null : answered.toString());
					rows.add(row);
				}
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("objections", rows);
				return out;
			}
		};
	}

	@Bean
	HousingBoardSection concernSection() {
		return new Section(90, "concern", "housing/board :: concern") {
			@Override
			public Map<String, Object> publicData(long projectId) {
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("reportUrl", REPORT_PAGE);
				return out;
			}
		};
	}

	private abstract static class Section implements HousingBoardSection {

		private final int order;
		private final String key;
		private final String fragment;

		Section(int order, String key, String fragment) {
			this.order = order;
			this.key = key;
			this.fragment = fragment;
		}

		@Override
		public int order() {
			return order;
		}

		@Override
		public String key() {
			return key;
		}

		@Override
		public String fragment() {
			return fragment;
		}
	}
}
