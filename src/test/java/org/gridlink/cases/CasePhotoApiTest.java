package org.gridlink.cases;

import java.util.List;

import java.nio.charset.StandardCharsets;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.cases.TestImages.*;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Case photos over the API: upload checked by content, originals for the case's units and the center only. */
@WebTest
class CasePhotoApiTest {

	@Autowired
	MockMvc mvc;

	long reportInGrid1() throws Exception {
		String json = mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"照片测试 垃圾\",\"jurisdictionCode\":\"" + GRID1
						+ "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	long upload(String user, long caseId, byte[] bytes, String stage) throws Exception {
		String json = mvc.perform(multipart("/api/v1/cases/" + caseId + "/photos")
				.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", bytes)).param("stage", stage)
				.with(as(user))).andExpect(status().isCreated()).andExpect(jsonPath("$.caseId").value((int) caseId))
				.andExpect(jsonPath("$.stage").value(stage)).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void originalsGoToTheCenterAndStrippedCopiesToEveryoneElse() throws Exception {
		long id = reportInGrid1();
		byte[] tagged = jpegWithGps(image("jpg"));
		long photo = upload("grid1", id, tagged, "REPORT");
		mvc.perform(get("/api/v1/cases/" + id + "/photos").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value((int) photo))
				.andExpect(jsonPath("$[0].contentType").value("image/jpeg"))
				.andExpect(jsonPath("$[0].size").value(tagged.length));

		byte[] forGrid = mvc.perform(get("/api/v1/cases/photos/" + photo).with(as("grid1")))
				.andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Photo-Original", "false")).andReturn().getResponse()
				.getContentAsByteArray();
		assertThat(contains(forGrid, "GPSLatitude")).isFalse();
		assertThat(forGrid).isEqualTo(image("jpg"));

		byte[] forCenter = mvc.perform(get("/api/v1/cases/photos/" + photo).with(as("center")))
				.andExpect(status().isOk()).andExpect(header().string("X-Photo-Original", "true")).andReturn()
				.getResponse().getContentAsByteArray();
		assertThat(forCenter).isEqualTo(tagged);

		// grid2 does not see a case of grid1
		mvc.perform(get("/api/v1/cases/photos/" + photo).with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/" + id + "/photos").with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/photos/99999999").with(as("center"))).andExpect(status().isNotFound());
	}

	@Test
	void theLeadUnitGetsOriginalsAndAddsFeedbackPhotosOthersDoNot() throws Exception {
		long id = reportInGrid1();
		mvc.perform(post("/api/v1/cases/" + id + "/actions/file").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
		mvc.perform(post("/api/v1/cases/" + id + "/actions/dispatch").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
		byte[] png = pngWithGps(image("png"));
		long report = upload("grid1", id, png, "REPORT");
		mvc.perform(multipart("/api/v1/cases/" + id + "/photos")
				.file(new MockMultipartFile("file", "after.png", "image/png", png)).param("stage", "FEEDBACK")
				.with(as("grid1"))).andExpect(status().isForbidden());
		long feedback = upload("dept1", id, image("png"), "FEEDBACK");
		assertThat(feedback).isGreaterThan(report);
		byte[] forDept = mvc.perform(get("/api/v1/cases/photos/" + report).with(as("dept1")))
				.andExpect(status().isOk()).andExpect(content().contentType("image/png"))
				.andExpect(header().string("X-Photo-Original", "true")).andReturn().getResponse()
				.getContentAsByteArray();
		assertThat(forDept).isEqualTo(png);
	}

	@Test
	void aTextFileNamedJpgIsRefusedWithAClearMessageInBothLanguages() throws Exception {
		long id = reportInGrid1();
		MockMultipartFile text = new MockMultipartFile("file", "photo.jpg", "image/jpeg",
				"this is not an image".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/v1/cases/" + id + "/photos").file(text).with(as("grid1"))
				.header("Accept-Language", "en")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(containsString("not a JPEG, PNG or WebP")));
		mvc.perform(multipart("/api/v1/cases/" + id + "/photos").file(text).with(as("grid1"))
				.header("Accept-Language", "zh-CN")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(containsString("不是 JPEG、PNG 或 WebP")));
		byte[] jpeg = image("jpg");
		mvc.perform(multipart("/api/v1/cases/" + id + "/photos")
				.file(new MockMultipartFile("file", "cut.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, 200)))
				.with(as("grid1")).header("Accept-Language", "en")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(containsString("truncated")));
		mvc.perform(multipart("/api/v1/cases/" + id + "/photos")
				.file(new MockMultipartFile("file", "a.jpg", "image/jpeg", jpeg)).param("stage", "LATER")
				.with(as("grid1"))).andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/v1/cases/" + id + "/photos")
				.file(new MockMultipartFile("file", "a.jpg", "image/jpeg", new byte[0])).with(as("grid1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/cases/" + id + "/photos").with(as("grid1"))).andExpect(jsonPath("$", hasSize(0)));
	}

	int tryUpload(String user, long caseId) throws Exception {
		return mvc.perform(multipart("/api/v1/cases/" + caseId + "/photos")
				.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", image("jpg"))).with(as(user)))
				.andReturn().getResponse().getStatus();
	}

	void act(String user, long id, String action, String body) throws Exception {
		mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(as(user))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}

	@Test
	void onlyThoseWhoActOnACaseAddPhotosAndEachShowsInTheHistory() throws Exception {
		long id = reportInGrid1();
		for (String reader : List.of("leader", "street1", "community1", "police1", "dept1")) {
			assertThat(tryUpload(reader, id)).as(reader).isEqualTo(403);
		}
		assertThat(tryUpload("grid1", id)).isEqualTo(201);
		assertThat(tryUpload("center", id)).isEqualTo(201);
		mvc.perform(get("/api/v1/cases/" + id).with(as("center")))
				.andExpect(jsonPath("$.history[*].action", contains("report", "photo", "photo")))
				.andExpect(jsonPath("$.history[1].actor").value("grid1"))
				.andExpect(jsonPath("$.history[2].actor").value("center"));

		act("center", id, "file", "{}");
		act("center", id, "dispatch", "{}");
		act("dept1", id, "accept", "{}");
		act("dept1", id, "feedback", "{\"note\":\"已清运\"}");
		act("grid1", id, "verify", "{\"passed\":true}");
		act("center", id, "close", "{}");
		for (String reader : List.of("leader", "street1", "community1", "police1", "grid1")) {
			assertThat(tryUpload(reader, id)).as(reader + " on a closed case").isEqualTo(403);
		}
		assertThat(tryUpload("dept1", id)).as("the lead unit").isEqualTo(201);
	}
}
