package org.gridlink.passes;

import java.time.Duration;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.SharedVersions;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Zone names come from memory (issue 11: no query per verification) and follow a jurisdiction import within about a
 * second: the import bumps the shared version the cache watches.
 */
@WebTest
class ZoneNamesTest {

	@Autowired
	Passes passes;

	@Autowired
	ZoneNames names;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SharedVersions versions;

	@Autowired
	Jurisdictions jurisdictions;

	@Autowired
	MockMvc mvc;

	@Test
	void aKnownZoneHasItsNameAndAnUnknownOneItsCode() {
		String name = jdbc.sql("SELECT name FROM jurisdiction WHERE code = ?").param(GRID1).query(String.class).single();
		assertThat(passes.zoneName(GRID1)).isEqualTo(name);
		assertThat(passes.zoneName("320819999999999")).isEqualTo("320819999999999");
		assertThat(passes.zoneName("")).isEmpty();
	}

	@Test
	void aNameChangedBehindTheCacheShowsOnlyAfterTheSharedVersionMoves() {
		String code = "320819001001";
		// own caches with set check intervals: other tests' imports bump the shared version at any time
		ZoneNames checkedHourly = new ZoneNames(jurisdictions, versions, Duration.ofHours(1));
		ZoneNames checkedAlways = new ZoneNames(jurisdictions, versions, Duration.ZERO);
		String before = checkedHourly.name(code);
		assertThat(checkedAlways.name(code)).isEqualTo(before);
		jdbc.sql("UPDATE jurisdiction SET name = ? WHERE code = ?").params("改名社区", code).update();
		try {
			// no bump: the name is served from memory, the database is not asked again
			assertThat(checkedHourly.name(code)).isEqualTo(before);
			assertThat(checkedAlways.name(code)).isEqualTo(before);
			versions.bump(ZoneNames.JURISDICTION_VERSION);
			assertThat(checkedAlways.name(code)).isEqualTo("改名社区");
		}
		finally {
			jdbc.sql("UPDATE jurisdiction SET name = ? WHERE code = ?").params(before, code).update();
			versions.bump(ZoneNames.JURISDICTION_VERSION);
			assertThat(checkedAlways.name(code)).isEqualTo(before);
		}
	}

	@Test
	void aJurisdictionImportRenamesAZoneWithinSeconds() throws Exception {
		// another district than the demo's, so that no other test sees it
		String code = "320897000000";
		importDistrict(code, "旧名区");
		await().atMost(Duration.ofSeconds(5)).until(() -> passes.zoneName(code).equals("旧名区"));
		importDistrict(code, "新名区");
		await().atMost(Duration.ofSeconds(5)).until(() -> passes.zoneName(code).equals("新名区"));
	}

	private void importDistrict(String code, String name) throws Exception {
		String geoJson = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"code":"%s","name":"%s"},"geometry":null}]}""".formatted(code, name);
		mvc.perform(multipart("/api/v1/admin/jurisdictions/import")
				.file(new MockMultipartFile("file", "d.geojson", "application/geo+json",
						geoJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.with(as("admin")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.acceptedRows").value(1));
	}
}
