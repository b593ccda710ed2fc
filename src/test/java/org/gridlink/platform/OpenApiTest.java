package org.gridlink.platform;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The OpenAPI description is public and lists the API the acceptance checks rely on. */
@WebTest
class OpenApiTest {

	@Autowired
	MockMvc mvc;

	@Test
	void describesTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
				.andExpect(jsonPath("$.info.title").value("GridLink API"))
				.andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
				.andExpect(jsonPath("$.paths['/api/v1/jurisdictions'].get").exists())
				.andExpect(jsonPath("$.paths['/api/v1/jurisdictions/{code}'].get").exists())
				.andExpect(jsonPath("$.paths['/api/v1/grids/locate'].get").exists())
				.andExpect(jsonPath("$.paths['/api/v1/notices'].post").exists())
				.andExpect(jsonPath("$.paths['/api/v1/notices/{id}/approve'].post").exists())
				.andExpect(jsonPath("$.paths['/api/v1/inbox'].get").exists())
				.andExpect(jsonPath("$.paths['/api/v1/inbox/{id}/read'].post").exists())
				.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
	}
}
