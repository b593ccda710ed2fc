package org.gridlink.residents;

import java.nio.charset.StandardCharsets;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import API and pages over HTTP with the real security chain: 202 and polling, masking, roles, scope. */
@WebTest
class ResidentImportWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ImportRunner runner;

	long upload(String user, String csv) throws Exception {
		String body = mvc.perform(multipart("/api/v1/residents/imports")
				.file(new MockMultipartFile("file", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(Demo.as(user))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
		long id = new ObjectMapper().readTree(body).get("id").asLong();
		runner.await(id, 60);
		return id;
	}

	@Test
	void apiQueuesTheImportReportsCountsAndMasksRejectedValues() throws Exception {
		String good = TestIds.next();
		String bad = TestIds.badCheck(TestIds.next());
		String csv = ResidentImportTest.HEADER + good + ",接口,13812345678," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,701,\n"
				+ bad + ",坏号,13912345678," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,702,\n"
				+ TestIds.next() + ",坏电话,1391234," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,703,\n";
		long id = upload("community1", csv);

		mvc.perform(get("/api/v1/residents/imports/{id}", id).with(Demo.as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUCCEEDED"))
				.andExpect(jsonPath("$.processedRows").value(3)).andExpect(jsonPath("$.acceptedRows").value(1))
				.andExpect(jsonPath("$.rejectedRows").value(2));
		String errors = mvc.perform(get("/api/v1/residents/imports/{id}/errors.csv", id).with(Demo.as("community1")))
				.andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(errors).startsWith("\uFEFF行号/row,列/column,值/value,原因,reason");
		assertThat(errors).contains("3,id_number," + bad.substring(0, 6) + "********" + bad.substring(14)
				+ ",身份证号校验位错误,The check digit of the ID number is wrong");
		assertThat(errors).contains("4,phone,13***34,");
		assertThat(errors).doesNotContain(bad, "1391234,", "13912345678");

		String page = mvc.perform(get("/residents/imports/{id}", id).param("lang", "en").with(Demo.as("community1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"errors\"", "data-row=\"3\"", "The check digit of the ID number is wrong",
				"/residents/imports/" + id + "/errors.csv").doesNotContain(bad, "hx-trigger");
		mvc.perform(get("/residents/imports/{id}/progress", id).with(Demo.as("community1"))).andExpect(status().isOk());

		mvc.perform(get("/api/v1/residents/imports/{id}", id).with(Demo.as("grid1"))).andExpect(status().isForbidden());
	}

	@Test
	void onlyRegistryEditorsMayImportAndAFileThatIsNotATableIsRefused() throws Exception {
		byte[] csv = ResidentImportTest.HEADER.getBytes(StandardCharsets.UTF_8);
		for (String user : new String[] { "police1", "leader", "admin", "property1" }) {
			mvc.perform(multipart("/api/v1/residents/imports").file(new MockMultipartFile("file", "r.csv", "text/csv", csv))
					.with(Demo.as(user))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/residents/imports").with(Demo.as("police1"))).andExpect(status().isForbidden());
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
		mvc.perform(multipart("/api/v1/residents/imports").file(new MockMultipartFile("file", "a.png", "image/png", png))
				.param("lang", "en").with(Demo.as("grid1")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
						"The file is not a table: upload a CSV file or an Excel (.xlsx) workbook"));
		mvc.perform(multipart("/api/v1/residents/imports").file(new MockMultipartFile("file", "r.csv", "text/csv", csv))
				.param("grid", Demo.GRID2).with(Demo.as("grid1"))).andExpect(status().isForbidden());
	}

	@Test
	void uploadPageWithTemplatesAndALiveJobPage() throws Exception {
		String page = mvc.perform(get("/residents/imports").with(Demo.as("grid1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"import-form\"", "/residents/imports/template.csv", "导入居民")
				.doesNotContain("<script>");
		String template = mvc.perform(get("/api/v1/residents/imports/template.csv").with(Demo.as("grid1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(template).startsWith("\uFEFF身份证号,姓名,手机号,网格编码,小区,楼栋,单元,房号,标签,地址");
		mvc.perform(get("/residents/imports/template.xlsx").with(Demo.as("grid1"))).andExpect(status().isOk());

		String redirect = mvc.perform(multipart("/residents/imports").file(new MockMultipartFile("file", "p.csv",
				"text/csv", (ResidentImportTest.HEADER + TestIds.next() + ",页面," + "," + Demo.GRID1
						+ ",翠苑小区,2号楼,1单元,801,\n").getBytes(StandardCharsets.UTF_8)))
				.with(Demo.as("grid1")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse()
				.getRedirectedUrl();
		long id = Long.parseLong(redirect.substring(redirect.lastIndexOf('/') + 1));
		runner.await(id, 60);
		String job = mvc.perform(get(redirect).with(Demo.as("grid1"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(job).contains("id=\"progress\"", "id=\"accepted\">1<", "已完成");
	}

	@Test
	void residentImportsAcceptFilesOverTheGeneralOneMegabyteLimit() throws Exception {
		StringBuilder csv = new StringBuilder(ResidentImportTest.HEADER);
		while (csv.length() < 1_200_000) {
			csv.append(TestIds.next()).append(",大文件,,").append(Demo.GRID1).append(",翠苑小区,5号楼,1单元,")
					.append(csv.length() % 900 + 100).append(",\n");
		}
		long id = upload("community1", csv.toString());
		mvc.perform(get("/api/v1/residents/imports/{id}", id).with(Demo.as("community1")))
				.andExpect(jsonPath("$.status").value("SUCCEEDED")).andExpect(jsonPath("$.rejectedRows").value(0));
	}
}
