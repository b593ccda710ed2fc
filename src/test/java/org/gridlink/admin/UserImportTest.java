package org.gridlink.admin;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk creation of users from CSV through the admin page: good rows created, each bad row reported by row and column. */
@WebTest
class UserImportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Test
	void createsGoodRowsAndReportsEachBadRowWithRowAndColumn() throws Exception {
		String ok1 = Unique.name("imp");
		String ok2 = Unique.name("imp");
		String ok3 = Unique.name("imp");
		String role = Unique.name("imp");
		String scope = Unique.name("imp");
		String weak = Unique.name("imp");
		String csv = """
				username,display_name,roles,scope,password
				%s,好人一,GRID_WORKER,320819001001001,Good-2026-a
				Bad User!,坏用户名,GRID_WORKER,,Good-2026-a
				%s,角色错,WIZARD,,Good-2026-a
				%s,范围错,GRID_WORKER,999999999999,Good-2026-a
				%s,弱密码,GRID_WORKER,,short
				%s,好人二,STREET|COMMUNITY,320819001000;320819001001,Good-2026-b
				%s,重复,GRID_WORKER,,Good-2026-c

				%s,好人三,grid_worker,,Good-2026-d
				""".formatted(ok1, role, scope, weak, ok2, ok1, ok3);

		MvcResult result = upload("users.csv", csv.getBytes(StandardCharsets.UTF_8));
		String page = result.getResponse().getContentAsString();

		assertThat(count(page, "processed")).isEqualTo("8");
		assertThat(count(page, "accepted")).isEqualTo("3");
		assertThat(count(page, "rejected")).isEqualTo("5");
		assertThat(page).contains(problem(3, "username"), problem(4, "roles"), problem(5, "scope"),
				problem(6, "password"), problem(8, "username"));
		assertThat(page).doesNotContain("data-row=\"2\"", "data-row=\"7\"", "data-row=\"9\"", "data-row=\"10\"");

		assertThat(accounts.find(ok1)).hasValueSatisfying(a -> {
			assertThat(a.displayName()).isEqualTo("好人一");
			assertThat(a.roles()).containsExactly(Role.GRID_WORKER);
			assertThat(a.scope()).containsExactly(Demo.GRID1);
		});
		assertThat(accounts.find(ok2)).hasValueSatisfying(a -> {
			assertThat(a.roles()).containsExactlyInAnyOrder(Role.STREET, Role.COMMUNITY);
			assertThat(a.scope()).containsExactlyInAnyOrder(Demo.STREET1, Demo.COMMUNITY1);
		});
		assertThat(accounts.find(ok3)).isPresent();
		assertThat(accounts.find(role)).isEmpty();
		assertThat(accounts.find(scope)).isEmpty();
		assertThat(accounts.find(weak)).isEmpty();
		assertThat(accounts.find(ok1).get().displayName()).as("the duplicate row did not overwrite").isEqualTo("好人一");
		assertThat(audit.search(new AuditQuery("admin", "USER_CREATE", ok2, AuditTrail.SUCCESS, null, null, null),
				PageRequest.of(0, 5)).getTotalElements()).isEqualTo(1);

		String report = mvc.perform(get("/admin/users/import/errors.csv").cookie(session(result))
				.with(Demo.as("admin"))).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).startsWith("\uFEFF").contains("3,username,", "4,roles,", "5,scope,", "6,password,",
				"8,username,");
		assertThat(report.lines()).hasSize(6);
	}

	@Test
	void aMissingColumnRejectsTheFileAndNamesTheColumn() throws Exception {
		String name = Unique.name("imp");
		String page = upload("users.csv", ("username,display_name,password\n" + name + ",某人,Good-2026-a\n")
				.getBytes(StandardCharsets.UTF_8)).getResponse().getContentAsString();

		assertThat(page).contains(problem(1, "roles")).contains("id=\"outcome\"");
		assertThat(count(page, "accepted")).isEqualTo("0");
		assertThat(accounts.find(name)).isEmpty();
	}

	@Test
	void aBinaryFileGetsAClearMessageNotAServerError() throws Exception {
		byte[] xlsx = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 'x', 'l', '/', 'w', 'o', 'r', 'k' };
		MvcResult result = upload("users.xlsx", xlsx);

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains(problem(0, ""))
				.contains("Excel", "CSV UTF-8");
	}

	@Test
	void anEmptyFileOrBrokenQuotingIsReportedAndCreatesNobody() throws Exception {
		assertThat(upload("empty.csv", new byte[0]).getResponse().getContentAsString()).contains(problem(1, ""));

		String name = Unique.name("imp");
		String broken = "username,display_name,roles,scope,password\n" + name + ",好人,GRID_WORKER,,Good-2026-a\n"
				+ "x,\"unclosed,GRID_WORKER,,Good-2026-a\n";
		String page = upload("broken.csv", broken.getBytes(StandardCharsets.UTF_8)).getResponse().getContentAsString();
		assertThat(page).contains(problem(3, ""));
		assertThat(accounts.find(name)).as("nothing of an unreadable file is created").isEmpty();
	}

	@Test
	void readsExcelFilesWithByteOrderMarkChineseHeadersOrGb18030() throws Exception {
		String bom = Unique.name("imp");
		String csv = "\uFEFF用户名,姓名,角色,管辖范围,初始密码\r\n" + bom + ",中文表头,GRID_WORKER," + Demo.GRID2 + ",Good-2026-a\r\n";
		assertThat(count(upload("bom.csv", csv.getBytes(StandardCharsets.UTF_8)).getResponse().getContentAsString(),
				"accepted")).isEqualTo("1");
		assertThat(accounts.find(bom).get().scope()).containsExactly(Demo.GRID2);

		String gbk = Unique.name("imp");
		byte[] gb18030 = ("用户名,姓名,角色,管辖范围,初始密码\r\n" + gbk + ",国标编码,LEADER,,Good-2026-a\r\n")
				.getBytes(Charset.forName("GB18030"));
		upload("gbk.csv", gb18030);
		assertThat(accounts.find(gbk).get().displayName()).isEqualTo("国标编码");
	}

	@Test
	void aFileOverTheLimitGoesBackToTheFormWithAMessage() throws Exception {
		mvc.perform(post("/admin/users/import").contentType("multipart/form-data; boundary=gl")
				.content(new byte[1_100_000]).with(csrf()).with(Demo.as("admin")))
				.andExpect(status().isSeeOther()).andExpect(header().string("Location", "/admin/users/import?tooLarge=true"));
		String page = mvc.perform(get("/admin/users/import?tooLarge=true").param("lang", "en").with(Demo.as("admin")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"error-summary\"", "id=\"file-error\"", "larger than 1 MB");
	}

	@Test
	void theTemplateIsUtf8WithBomAndItsExampleRowImports() throws Exception {
		byte[] template = mvc.perform(get("/admin/users/import/template.csv").with(Demo.as("admin")))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
				.andReturn().getResponse().getContentAsByteArray();
		String text = new String(template, StandardCharsets.UTF_8);

		assertThat(template).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(text.lines().toList()).hasSize(2);
		assertThat(text.lines().findFirst()).hasValue("\uFEFFusername,display_name,roles,scope,password");
	}

	private MvcResult upload(String filename, byte[] content) throws Exception {
		return mvc.perform(multipart("/admin/users/import").file(new MockMultipartFile("file", filename, "text/csv",
				content)).with(csrf()).with(Demo.as("admin"))).andExpect(status().isOk()).andReturn();
	}

	/** Sessions live in the database (Spring Session): a follow-up request carries the session cookie. */
	private static jakarta.servlet.http.Cookie session(MvcResult result) {
		jakarta.servlet.http.Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	/** How the result table marks a problem; a problem of the whole file or row has no column. */
	private static String problem(long row, String column) {
		return "data-row=\"" + row + "\"" + (column.isEmpty() ? ">" : " data-column=\"" + column + "\"");
	}

	/** The figure of one of the result page's counts (processed, accepted, rejected). */
	private static String count(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		return page.substring(page.indexOf('>', start) + 1, page.indexOf('<', start)).trim();
	}
}
