package org.gridlink.jurisdiction;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** GeoJSON import of jurisdictions: good features land (and are locatable), bad ones are reported one by one. */
@WebTest
class JurisdictionImportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private static final String GOOD_AND_BAD = """
			{"type":"FeatureCollection","features":[
			 {"type":"Feature","properties":{"code":"320898000000","name":"测试区"},"geometry":null},
			 {"type":"Feature","properties":{"code":"320898001000","name":"新城街道"},
			  "geometry":{"type":"Polygon","coordinates":[[[119.40,33.80],[119.50,33.80],[119.50,33.70],[119.40,33.70],[119.40,33.80]]]}},
			 {"type":"Feature","properties":{"code":"320898001001","name":"新城社区"},
			  "geometry":{"type":"Polygon","coordinates":[[[119.40,33.80],[119.50,33.80],[119.50,33.70],[119.40,33.70],[119.40,33.80]]]}},
			 {"type":"Feature","properties":{"code":"320898001001001","name":"新城社区第1网格"},
			  "geometry":{"type":"Polygon","coordinates":[[[119.40,33.80],[119.45,33.80],[119.45,33.75],[119.40,33.75],[119.40,33.80]]]}},
			 {"type":"Feature","properties":{"code":"12345","name":"bad code"},"geometry":null},
			 {"type":"Feature","properties":{"code":"320898001001002","name":"no boundary"},"geometry":null},
			 {"type":"Feature","properties":{"code":"320898001001003","name":"bow tie"},
			  "geometry":{"type":"Polygon","coordinates":[[[119.45,33.80],[119.50,33.75],[119.50,33.80],[119.45,33.75],[119.45,33.80]]]}},
			 {"type":"Feature","properties":{"code":"320898002001001","name":"orphan"},
			  "geometry":{"type":"Polygon","coordinates":[[[119.6,33.8],[119.7,33.8],[119.7,33.7],[119.6,33.8]]]}},
			 {"type":"Feature","properties":{"code":"320898001001004","name":"open ring"},
			  "geometry":{"type":"Polygon","coordinates":[[[119.45,33.75],[119.50,33.75],[119.50,33.70]]]}}
			]}""";

	@Test
	void goodFeaturesLandAndBadOnesAreReported() throws Exception {
		mvc.perform(multipart("/api/v1/admin/jurisdictions/import")
				.file(new MockMultipartFile("file", "tree.geojson", "application/geo+json", GOOD_AND_BAD.getBytes()))
				.with(as("admin")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.processedRows").value(9))
				.andExpect(jsonPath("$.acceptedRows").value(4))
				.andExpect(jsonPath("$.errors[*].row", containsInAnyOrder(5, 6, 7, 8, 9)))
				.andExpect(jsonPath("$.errors[?(@.row == 5)].column", contains("code")))
				.andExpect(jsonPath("$.errors[?(@.row == 6)].column", contains("geometry")))
				.andExpect(jsonPath("$.errors[?(@.row == 8)].column", contains("parentCode")));
		mvc.perform(get("/api/v1/grids/locate?lat=33.77&lng=119.42").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.code").value("320898001001001"));
		// another district: outside the demo users' scope, so the demo district's figures stay as they are
		mvc.perform(get("/api/v1/jurisdictions/320898001001").with(as("center"))).andExpect(status().isForbidden());
		org.assertj.core.api.Assertions.assertThat(jdbc.sql(
				"SELECT kind FROM jurisdiction WHERE code = '320898001001'").query(String.class).single())
				.isEqualTo("COMMUNITY");
	}

	@Test
	void aFileThatIsNotGeoJsonGetsAClearError() throws Exception {
		mvc.perform(multipart("/api/v1/admin/jurisdictions/import")
				.file(new MockMultipartFile("file", "x.json", "application/json", new byte[] { 0x50, 0x4b, 3, 4, 0 }))
				.with(as("admin")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.acceptedRows").value(0))
				.andExpect(jsonPath("$.errors[0].column").value("file"));
		mvc.perform(multipart("/api/v1/admin/jurisdictions/import")
				.file(new MockMultipartFile("file", "x.json", "application/json", "{\"type\":\"Point\"}".getBytes()))
				.with(as("admin")))
				.andExpect(jsonPath("$.errors[0].column").value("features"));
	}

	@Test
	void onlyAdminsMayImport() throws Exception {
		mvc.perform(multipart("/api/v1/admin/jurisdictions/import")
				.file(new MockMultipartFile("file", "tree.geojson", "application/geo+json", GOOD_AND_BAD.getBytes()))
				.with(as("center")))
				.andExpect(status().isForbidden());
	}
}
