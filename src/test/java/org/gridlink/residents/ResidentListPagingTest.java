package org.gridlink.residents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The residents list at scale: keyset paging (after=) skips and repeats no row, ties on the grid included; totals
 * above the exact-count threshold come from the per-grid counters or a sample and say so; a bad cursor is a 400.
 */
@WebTest
class ResidentListPagingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResidentCounts counts;

	@Autowired
	Residents residents;

	@AfterEach
	void restoreThreshold() {
		counts.exactCountLimit(ResidentCounts.EXACT_COUNT_LIMIT);
		AopTestUtils.<Residents>getTargetObject(residents).maxIndexedCandidates = Residents.MAX_INDEXED_CANDIDATES;
	}

	/** Every id of the list walked with after= cursors, in order; fails on a repeated id. */
	private List<Long> walk(String user, String name, String value, int size) throws Exception {
		List<Long> ids = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			var request = get("/api/v1/residents").param("size", "" + size).param(name, value);
			if (after != null) {
				request.param("after", after);
			}
			String body = mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString();
			List<Number> page = JsonPath.read(body, "$.content[*].id");
			page.forEach(n -> ids.add(n.longValue()));
			after = JsonPath.read(body, "$.next");
			if (after != null) {
				assertThat(page).hasSize(size);
				assertThat((Object) JsonPath.read(body, "$.page.number")).as("a cursor page has no number")
						.isEqualTo(pages == 0 ? 0 : null);
			}
			pages++;
		}
		while (after != null && pages < 10_000);
		assertThat(new HashSet<>(ids)).as("no resident twice").hasSameSizeAs(ids);
		return ids;
	}

	@Test
	void cursorPagesOfOneGridSkipAndRepeatNothing() throws Exception {
		// every resident of a grid ties on the first sort key (the grid code): only the id orders them
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/residents").with(as("community1")).contentType("application/json").content("""
					{"name":"翻页居民","idNumber":"%s","gridCode":"%s","compound":"金桥花园","building":"1栋",
					 "entrance":"1单元","room":"10%d"}""".formatted(TestIds.next(), GRID1, i))).andExpect(status().isCreated());
		}
		List<Long> expected = jdbc.sql("SELECT id FROM resident WHERE grid_code = ? ORDER BY id").param(GRID1)
				.query(Long.class).list();
		assertThat(expected.size()).isGreaterThan(4);
		assertThat(walk("center", "jurisdiction", GRID1, 2)).isEqualTo(expected);
		// the same pages by number agree with the cursor pages
		List<Long> byNumber = new ArrayList<>();
		for (int page = 0; page * 2 < expected.size(); page++) {
			String body = mvc.perform(get("/api/v1/residents?size=2&page=" + page + "&jurisdiction=" + GRID1)
					.with(as("center"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			List<Number> ids = JsonPath.read(body, "$.content[*].id");
			ids.forEach(n -> byNumber.add(n.longValue()));
		}
		assertThat(byNumber).isEqualTo(expected);
	}

	@Test
	void cursorPagesAcrossTheDistrictMatchTheTableInOrder() throws Exception {
		List<Long> expected = jdbc.sql("SELECT id FROM resident WHERE grid_code LIKE '320819%' ORDER BY grid_code, id")
				.query(Long.class).list();
		List<Long> walked = walk("center", "tag", "", 500);
		assertThat(walked).isEqualTo(expected);
		// a narrowed walk (text search) also sees each match once
		List<Long> named = jdbc.sql("""
				SELECT r.id FROM resident r LEFT JOIN household h ON h.id = r.household_id AND h.district_code = r.district_code
				WHERE r.grid_code LIKE '320819%' AND (r.name LIKE '%王%' OR h.compound LIKE '%王%' OR h.address LIKE '%王%')
				ORDER BY r.grid_code, r.id""").query(Long.class).list();
		assertThat(named).isNotEmpty();
		assertThat(walk("center", "q", "王", 45)).isEqualTo(named);
	}

	@Test
	void aDeepPageByNumberGivesTheCursorToGoOn() throws Exception {
		String body = mvc.perform(get("/api/v1/residents?size=10&page=20").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Number> ids = JsonPath.read(body, "$.content[*].id");
		String next = JsonPath.read(body, "$.next");
		String following = mvc.perform(get("/api/v1/residents?size=10&after=" + next).with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String byNumber = mvc.perform(get("/api/v1/residents?size=10&page=21").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat((List<Number>) JsonPath.read(following, "$.content[*].id"))
				.isEqualTo(JsonPath.read(byNumber, "$.content[*].id")).doesNotContainAnyElementsOf(ids);
	}

	@Test
	void aDeepPageByNumberInALargeAreaStartsWhereTheCountersSay() throws Exception {
		// above the threshold a page by number skips whole grids by the counters: with true counters it is the
		// table's page at that offset, also when the page starts in the middle of a grid and spans the next one
		counts.recountAll();
		counts.exactCountLimit(100);
		List<Long> all = jdbc.sql("SELECT id FROM resident WHERE grid_code LIKE '320819%' ORDER BY grid_code, id")
				.query(Long.class).list();
		assertThat(all.size()).isGreaterThan(1_000);
		for (int page : new int[] { 0, 7, 41, all.size() / 37 - 1, all.size() / 37, all.size() / 37 + 1 }) {
			String body = mvc.perform(get("/api/v1/residents?size=37&page=" + page).with(as("center")))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			List<Number> ids = JsonPath.read(body, "$.content[*].id");
			assertThat(ids.stream().map(Number::longValue).toList()).as("page " + page)
					.isEqualTo(all.subList(Math.min(all.size(), page * 37), Math.min(all.size(), page * 37 + 37)));
		}
	}

	@Test
	void aCursorIsStillScoped() throws Exception {
		// a cursor pointing before another grid's residents shows a grid worker only their own grid
		String body = mvc.perform(get("/api/v1/residents?size=500&after=320819000000000-0").with(as("grid1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> grids = JsonPath.read(body, "$.content[*].gridCode");
		assertThat(grids).isNotEmpty().allMatch(GRID1::equals);
	}

	@Test
	void aBadCursorIsBadInput() throws Exception {
		for (String bad : List.of("abc", "320819001001001", "320819001001001-", "-5", "3208190010010011234-1",
				"320819001001001-1-2", "320819001001001-99999999999999999999")) {
			mvc.perform(get("/api/v1/residents").param("after", bad).with(as("center")))
					.andExpect(status().isBadRequest());
		}
		// a cursor with a page number is ambiguous
		mvc.perform(get("/api/v1/residents?after=320819001001001-1&page=2").with(as("center")))
				.andExpect(status().isBadRequest());
	}

	@Test
	void smallAreasCountExactly() throws Exception {
		long exact = jdbc.sql("SELECT COUNT(*) FROM resident WHERE grid_code LIKE '320819%'").query(Long.class).single();
		mvc.perform(get("/api/v1/residents?size=1").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(exact))
				.andExpect(jsonPath("$.page.totalEstimated").value(false));
	}

	@Test
	void aboveTheThresholdTheTotalComesFromTheCountersAndSaysSo() throws Exception {
		counts.exactCountLimit(100);
		// a resident registered now is in the counters at once
		mvc.perform(post("/api/v1/residents").with(as("community1")).contentType("application/json").content("""
				{"name":"计数居民","idNumber":"%s","gridCode":"%s","compound":"金桥花园","building":"2栋",
				 "entrance":"1单元","room":"201"}""".formatted(TestIds.next(), GRID1))).andExpect(status().isCreated());
		long exact = jdbc.sql("SELECT COUNT(*) FROM resident WHERE grid_code LIKE '320819%'").query(Long.class).single();
		mvc.perform(get("/api/v1/residents?size=5").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(exact))
				.andExpect(jsonPath("$.page.totalEstimated").value(true));
		String shown = String.format(java.util.Locale.ROOT, "%,d", exact);
		mvc.perform(get("/residents").with(as("center"))).andExpect(status().isOk()).andExpect(content().string(
				anyOf(containsString("约 " + shown + " 人"), containsString("about " + shown + " residents"))));
	}

	@Test
	void aboveTheThresholdASearchTotalIsASampledEstimate() throws Exception {
		long exact = jdbc.sql("""
				SELECT COUNT(*) FROM resident r LEFT JOIN household h ON h.id = r.household_id AND h.district_code = r.district_code
				WHERE r.grid_code LIKE '320819%' AND (r.name LIKE '%王%' OR h.compound LIKE '%王%' OR h.address LIKE '%王%')""")
				.query(Long.class).single();
		// the name index counts up to the threshold exactly; more matches than that are estimated from a sample
		int limit = (int) Math.min(300, exact / 2);
		counts.exactCountLimit(limit);
		String body = mvc.perform(get("/api/v1/residents?size=5").param("q", "王").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.page.totalEstimated").value(true))
				.andReturn().getResponse().getContentAsString();
		long estimate = ((Number) JsonPath.read(body, "$.page.totalElements")).longValue();
		// the documented rule, recomputed here: the matches among the first grids (in code order) that hold the
		// threshold's number of residents by the counters, scaled to the area, two significant digits. (How near it
		// lands to the truth depends on how evenly the matches spread: other tests add residents to the first grid.)
		long area = 0;
		long sampled = 0;
		String boundary = null;
		for (var grid : jdbc.sql("SELECT grid_code, residents FROM resident_grid_count WHERE grid_code LIKE '320819%'"
				+ " AND residents > 0 ORDER BY grid_code").query((rs, i) -> java.util.Map.entry(rs.getString(1),
						rs.getLong(2))).list()) {
			area += grid.getValue();
			if (boundary == null) {
				sampled += grid.getValue();
				if (sampled >= limit) {
					boundary = grid.getKey();
				}
			}
		}
		long inSample = jdbc.sql("SELECT COUNT(*) FROM resident r LEFT JOIN household h ON h.id = r.household_id"
				+ " AND h.district_code = r.district_code WHERE r.grid_code LIKE '320819%' AND r.grid_code <= ? AND"
				+ " (r.name LIKE '%王%' OR h.compound LIKE '%王%' OR h.address LIKE '%王%')").param(boundary)
				.query(Long.class).single();
		assertThat(estimate).isPositive()
				// never less than the rows the page showed to exist: 5 and one more
				.isEqualTo(Math.max(Residents.roughly(Math.round((double) inSample * area / sampled)), 6));
		// a grid worker's area is below the threshold: exact
		long inGrid = jdbc.sql("""
				SELECT COUNT(*) FROM resident r LEFT JOIN household h ON h.id = r.household_id AND h.district_code = r.district_code
				WHERE r.grid_code = ? AND (r.name LIKE '%王%' OR h.compound LIKE '%王%' OR h.address LIKE '%王%')""")
				.param(GRID1).query(Long.class).single();
		assertThat(inGrid).isLessThan(limit);
		mvc.perform(get("/api/v1/residents?size=5").param("q", "王").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalEstimated").value(false))
				.andExpect(jsonPath("$.page.totalElements").value(inGrid));
	}

	@Test
	void aCommonCharacterIsCountedFromTheTextIndexes() throws Exception {
		// a single character with more candidates than the indexes are searched by (lowered here): its page is read
		// in list order as before, its total from the index rows (names holding it, residents of households whose
		// compound or address holds it), not from a sample
		String like = "%王%";
		long exact = jdbc.sql("""
				SELECT COUNT(*) FROM resident r LEFT JOIN household h ON h.id = r.household_id AND h.district_code = r.district_code
				WHERE r.grid_code LIKE '320819%' AND (r.name LIKE ? OR h.compound LIKE ? OR h.address LIKE ?)""")
				.params(like, like, like).query(Long.class).single();
		assertThat(exact).isGreaterThan(40);
		counts.exactCountLimit(30);
		AopTestUtils.<Residents>getTargetObject(residents).maxIndexedCandidates = 10;
		String body = mvc.perform(get("/api/v1/residents?size=5").param("q", "王").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.page.totalEstimated").value(true))
				.andReturn().getResponse().getContentAsString();
		long estimate = ((Number) JsonPath.read(body, "$.page.totalElements")).longValue();
		// two significant digits; a name holding the character twice or a resident found by name and address
		// counts twice, which the demo district has few of
		assertThat((double) estimate).isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(8));
		List<Long> first = jdbc.sql("""
				SELECT r.id FROM resident r LEFT JOIN household h ON h.id = r.household_id AND h.district_code = r.district_code
				WHERE r.grid_code LIKE '320819%' AND (r.name LIKE ? OR h.compound LIKE ? OR h.address LIKE ?)
				ORDER BY r.grid_code, r.id LIMIT 5""").params(like, like, like).query(Long.class).list();
		assertThat(JsonPath.<List<Number>>read(body, "$.content[*].id").stream().map(Number::longValue).toList())
				.isEqualTo(first);
	}

	@Test
	void countersFollowMovesAndTheSweepRepairsThem() throws Exception {
		String body = mvc.perform(post("/api/v1/residents").with(as("center")).contentType("application/json").content("""
				{"name":"搬家居民","idNumber":"%s","gridCode":"%s","compound":"金桥花园","building":"2栋",
				 "entrance":"1单元","room":"202"}""".formatted(TestIds.next(), GRID1))).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		mvc.perform(post("/api/v1/residents/" + id + "/move").with(as("center")).contentType("application/json")
				.content("{\"gridCode\":\"" + GRID2 + "\",\"address\":\"新址 1 号\"}")).andExpect(status().isOk());
		assertCountersTrue(Set.of(GRID1, GRID2));
		// a write around the module (as a restore would) is put right by the sweep
		jdbc.sql("UPDATE resident_grid_count SET residents = residents + 7 WHERE grid_code = ?").param(GRID2).update();
		counts.recountAll();
		assertCountersTrue(Set.of(GRID1, GRID2));
	}

	private void assertCountersTrue(Set<String> grids) {
		for (String grid : grids) {
			assertThat(jdbc.sql("SELECT residents FROM resident_grid_count WHERE grid_code = ?").param(grid)
					.query(Long.class).single()).as(grid)
					.isEqualTo(jdbc.sql("SELECT COUNT(*) FROM resident WHERE grid_code = ?").param(grid)
							.query(Long.class).single());
		}
	}
}
