package org.gridlink.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.support.Fuzz;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;

/**
 * Fuzzes the Open311 request parsing (issue 12) through the endpoint, since its parameters are parsed by Spring and
 * the controller together: {@link Fuzz}'s seeded generators (inside the shared {@code @WebTest} context) make create
 * requests from a good one with fields replaced by arbitrary text, numbers (NaN, infinities, huge) and codes, and
 * query strings of every parameter. Every answer is one of the spec's (201, 200, 400, 403, 404) in the spec's error
 * shape; never a 500, never a hang. Bounded: a fixed number of requests within {@link Fuzz#BUDGET}, all of them
 * under a hang limit.
 */
@WebTest
class Open311FuzzTest {

	static final int REQUESTS = 100;
	static final Duration LIMIT = Duration.ofSeconds(120);
	static final Set<Integer> SPEC_ANSWERS = Set.of(200, 201, 400, 403, 404);
	static final List<String> CREATE_FIELDS = List.of("api_key", "service_code", "lat", "long", "address_string",
			"jurisdiction_code", "description", "media_url", "email", "phone", "first_name", "last_name");
	static final List<String> QUERY_FIELDS = List.of("service_request_id", "service_code", "start_date", "end_date",
			"status", "jurisdiction_id");

	@Autowired
	MockMvc mvc;

	static String value(Fuzz f) {
		return f.either(() -> f.string(40), () -> f.string(400, 5000),
				() -> f.oneOf("NaN", "Infinity", "-Infinity", "1e308", "-0", "90.0000001", "0x1p3", "", " ", "%",
						"E0101", "C0101", "S0101", "320819001001", "320819001001001", "999999999999", "2026-11-29T08:00:00Z",
						"2026-11-29T08:00:00+08:00", "+999999999-12-31T23:59:59+18:00", "2026-13-40T25:61:61Z", "open",
						"closed", ",,,", "1,2,3", "javascript:alert(1)", "http://x/" + "a".repeat(600), "https://e/x.jpg",
						"<x>&amp;</x>", "'; DROP TABLE case_file; --", "\u0000", "\uD800"),
				() -> String.valueOf(f.anyDouble()), () -> String.valueOf(f.anyLong()));
	}

	static Map<String, String> overrides(Fuzz f, List<String> fields) {
		return f.map(4, () -> f.oneOf(fields), () -> value(f));
	}

	void answersInTheSpecsShape(MockHttpServletRequestBuilder request, String format) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		String what = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI() + " "
				+ response.getStatus() + " " + body;
		assertThat(response.getStatus()).as(what).isIn(SPEC_ANSWERS);
		if (response.getStatus() >= 400) {
			assertThat(body).as(what).contains(format.equals("json") ? "\"description\"" : "<errors>");
		}
		assertThat(body).doesNotContain("Exception").doesNotContain("\tat org.");
	}

	@Test
	void createRequests() {
		assertTimeoutPreemptively(LIMIT, () -> Fuzz.run(REQUESTS,
				f -> Map.entry(overrides(f, CREATE_FIELDS), f.oneOf("json", "xml")), sample -> {
					Map<String, String> fields = new LinkedHashMap<>();
					fields.put("api_key", DemoOpen311Client.KEY);
					fields.put("service_code", "E0101");
					fields.put("lat", "33.712");
					fields.put("long", "119.052");
					fields.put("description", "fuzz");
					fields.putAll(sample.getKey());
					MockHttpServletRequestBuilder request = post("/open311/v2/requests." + sample.getValue())
							.contentType(MediaType.APPLICATION_FORM_URLENCODED);
					fields.forEach(request::param);
					answersInTheSpecsShape(request, sample.getValue());
				}));
	}

	record Query(Map<String, String> params, String id, String format) {
	}

	@Test
	void queries() {
		assertTimeoutPreemptively(LIMIT, () -> Fuzz.run(REQUESTS,
				f -> new Query(overrides(f, QUERY_FIELDS), value(f), f.oneOf("json", "xml")), query -> {
					MockHttpServletRequestBuilder list = get("/open311/v2/requests." + query.format());
					query.params().forEach(list::param);
					answersInTheSpecsShape(list, query.format());
					// path characters the firewall refuses before any controller (control characters, separators) are left out
					String id = query.id().replaceAll("[\\p{Cntrl}\\p{Cs}/\\\\;.%]", "");
					if (!id.isBlank()) {
						answersInTheSpecsShape(get("/open311/v2/requests/{id}." + query.format(), id), query.format());
						answersInTheSpecsShape(get("/open311/v2/services/{code}." + query.format(), id), query.format());
					}
				}));
	}
}
