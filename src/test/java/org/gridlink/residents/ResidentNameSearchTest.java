package org.gridlink.residents;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The residents' text search through the name index (resident_name_gram): it finds exactly what a scan with LIKE
 * over name, compound and address finds, for one, two and more characters, within the caller's scope; the index
 * follows registration, a change of name and a move.
 */
@WebTest
class ResidentNameSearchTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private static final String SCAN = """
			SELECT r.id FROM resident r LEFT JOIN household h ON h.id = r.household_id AND h.district_code = r.district_code
			WHERE r.grid_code LIKE ? AND (r.name LIKE ? ESCAPE '\\' OR h.compound LIKE ? ESCAPE '\\'
			  OR h.address LIKE ? ESCAPE '\\') ORDER BY r.grid_code, r.id""";

	private List<Long> scan(String area, String text) {
		String like = org.gridlink.platform.Like.contains(text);
		return jdbc.sql(SCAN).params(area + "%", like, like, like).query(Long.class).list();
	}

	/** Every id the API lists for q (walked with cursors), in order. */
	private List<Long> search(String user, String q, String jurisdiction) throws Exception {
		List<Long> ids = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			var request = get("/api/v1/residents").param("size", "200").param("q", q);
			if (jurisdiction != null) {
				request.param("jurisdiction", jurisdiction);
			}
			if (after != null) {
				request.param("after", after);
			}
			String body = mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString();
			List<Number> page = JsonPath.read(body, "$.content[*].id");
			page.forEach(n -> ids.add(n.longValue()));
			if (pages == 0 && !(Boolean) JsonPath.read(body, "$.page.totalEstimated")) {
				assertThat(((Number) JsonPath.read(body, "$.page.totalElements")).longValue())
						.as("exact total of " + q).isGreaterThanOrEqualTo(page.size());
			}
			after = JsonPath.read(body, "$.next");
			pages++;
		}
		while (after != null && pages < 1000);
		return ids;
	}

	private long register(String name, String grid, String compound) throws Exception {
		String body = mvc.perform(post("/api/v1/residents").with(as("center")).contentType("application/json")
				.content("""
						{"name":"%s","idNumber":"%s","gridCode":"%s","compound":"%s","building":"1栋",
						 "entrance":"1单元","room":"301"}""".formatted(name, TestIds.next(), grid, compound)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void lookupGramsOfASearchText() {
		assertThat(ResidentNameGrams.lookup("")).isEmpty();
		assertThat(ResidentNameGrams.lookup("王")).singleElement()
				.satisfies(g -> assertThat(g).containsExactly("王", null));
		assertThat(ResidentNameGrams.lookup("建国")).singleElement()
				.satisfies(g -> assertThat(g).containsExactly("建", "国"));
		assertThat(ResidentNameGrams.lookup("王建国")).hasSize(2)
				.satisfies(l -> assertThat(l.get(1)).containsExactly("建", "国"));
		assertThat(ResidentNameGrams.lookup("文文文")).hasSize(1); // first and last bigram alike
		// a character outside the basic plane is one character, as PostgreSQL counts it
		assertThat(ResidentNameGrams.lookup("𠮷")).singleElement()
				.satisfies(g -> assertThat(g).containsExactly("𠮷", null));
	}

	@Test
	void theIndexedSearchFindsWhatAScanFinds() throws Exception {
		register("欧阳建国", GRID1, "金桥花园");
		register("建", GRID1, "金桥花园"); // one character: only its end row
		register("百分%之_百", GRID2, "金桥花园");
		for (String q : List.of("王", "建国", "欧阳建国", "阳建", "建", "金桥", "花园", "%", "_百", "国", "不存在的名字",
				"王伟X")) {
			List<Long> expected = scan("320819", q);
			assertThat(search("center", q, null)).as(q).isEqualTo(expected);
		}
		assertThat(scan("320819", "欧阳建国")).hasSize(1);
		// a grid worker sees their grid only; a jurisdiction narrows a district user
		assertThat(search("grid1", "建国", null)).isEqualTo(scan(GRID1, "建国")).isNotEmpty();
		assertThat(search("center", "建国", GRID1)).isEqualTo(scan(GRID1, "建国"));
		assertThat(search("grid1", "%之_", null)).isEmpty();
	}

	@Test
	void theIndexFollowsRegistrationRenameAndMove() throws Exception {
		String idNumber = TestIds.next();
		String body = mvc.perform(post("/api/v1/residents").with(as("center")).contentType("application/json")
				.content("""
						{"name":"鑫淼检索","idNumber":"%s","gridCode":"%s","compound":"翠苑小区","building":"2栋",
						 "entrance":"1单元","room":"402"}""".formatted(idNumber, GRID1)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat(search("center", "淼检", null)).containsExactly(id);
		// registered again with the same ID number under another name: the old name no longer finds them
		mvc.perform(post("/api/v1/residents").with(as("center")).contentType("application/json").content("""
				{"name":"鑫磊更名","idNumber":"%s","gridCode":"%s","compound":"翠苑小区","building":"2栋",
				 "entrance":"1单元","room":"402"}""".formatted(idNumber, GRID1))).andExpect(status().isCreated());
		assertThat(search("center", "淼检", null)).isEmpty();
		assertThat(search("center", "磊更名", null)).containsExactly(id);
		assertThat(search("center", "鑫", null)).contains(id);
		// moved to another grid: the old grid's worker no longer finds them, the new grid's does
		mvc.perform(post("/api/v1/residents/" + id + "/move").with(as("center")).contentType("application/json")
				.content("""
						{"gridCode":"%s","compound":"翠苑小区","building":"9栋","entrance":"1单元","room":"101"}"""
						.formatted(GRID2))).andExpect(status().is2xxSuccessful());
		assertThat(search("grid1", "磊更名", null)).isEmpty();
		assertThat(search("center", "磊更名", GRID2)).containsExactly(id);
		assertThat(jdbc.sql("SELECT DISTINCT grid_code FROM resident_name_gram WHERE resident_id = ?").param(id)
				.query(String.class).list()).containsExactly(GRID2);
	}

	@Test
	void aNewHouseholdsCompoundIsFoundAtOnce() throws Exception {
		long id = register("普通名字", GRID1, "鑫苑新村");
		assertThat(search("center", "苑新", null)).containsExactly(id);
		assertThat(search("center", "鑫苑新村", GRID1)).containsExactly(id);
		assertThat(search("grid2", "苑新", null)).isEmpty();
	}

	@Test
	void everyDemoResidentIsIndexedInItsGrid() {
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM household h WHERE h.grid_code LIKE '320819%' AND (h.compound <> '' OR h.address <> '')
				AND NOT EXISTS (SELECT 1 FROM household_text_gram g WHERE g.household_id = h.id AND g.c2 = '')""")
				.query(Long.class).single()).isZero();
		// written by the demo loader through the bulk import's writer (the COPY path on PostgreSQL)
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM resident r WHERE r.grid_code LIKE '320819%'
				AND NOT EXISTS (SELECT 1 FROM resident_name_gram g WHERE g.resident_id = r.id AND g.c2 = '')""")
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM resident_name_gram g JOIN resident r ON r.id = g.resident_id
				WHERE g.grid_code <> r.grid_code""").query(Long.class).single()).isZero();
	}

	@Test
	void badSearchInputIsRefusedOrFindsNothing() throws Exception {
		mvc.perform(get("/api/v1/residents").param("q", "王").param("jurisdiction", "abc").with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/residents").param("q", "王").param("jurisdiction", GRID2).with(as("grid1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents").param("q", "'); DROP TABLE resident_name_gram; --").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.content").isEmpty());
		mvc.perform(get("/api/v1/residents").param("q", "x".repeat(300)).with(as("center")))
				.andExpect(status().is(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200),
						org.hamcrest.Matchers.is(400))));
	}
}
