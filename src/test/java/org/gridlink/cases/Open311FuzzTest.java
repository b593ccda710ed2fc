package org.gridlink.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

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
 * the controller together: jqwik generators (used directly, inside the shared {@code @WebTest} context) make create
 * requests from a good one with fields replaced by arbitrary text, numbers (NaN, infinities, huge) and codes, and
 * query strings of every parameter. Every answer is one of the spec's (201, 200, 400, 403, 404) in the spec's error
 * shape; never a 500, never a hang. Bounded: a fixed number of requests within a time limit.
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

	static Arbitrary<String> values() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().ofMinLength(400)
				.ofMaxLength(5000),
				Arbitraries.of("NaN", "Infinity", "-Infinity", "1e308", "-0", "90.0000001", "0x1p3", "", " ", "%",
						"E0101", "C0101", "S0101", "320819001001", "320819001001001", "999999999999", "2026-11-29T08:00:00Z",
						"2026-11-29T08:00:00+08:00", "+999999999-12-31T23:59:59+18:00", "2026-13-40T25:61:61Z", "open",
						"closed", ",,,", "1,2,3", "javascript:alert(1)", "http://x/" + "a".repeat(600), "https://e/x.jpg",
						"<x>&amp;</x>", "'; DROP TABLE case_file; --", "\u0000", "\uD800"),
				Arbitraries.doubles().map(String::valueOf), Arbitraries.longs().map(String::valueOf));
	}

	static Arbitrary<Map<String, String>> overrides(List<String> fields) {
		return Arbitraries.maps(Arbitraries.of(fields), values()).ofMaxSize(4);
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
		Arbitrary<Map<String, String>> changes = overrides(CREATE_FIELDS);
		Arbitrary<String> format = Arbitraries.of("json", "xml");
		List<Map.Entry<Map<String, String>, String>> samples = Combinators.combine(changes, format).as(Map::entry)
				.sampleStream().limit(REQUESTS).toList();
		assertTimeoutPreemptively(LIMIT, () -> {
			for (var sample : samples) {
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
			}
		});
	}

	@Test
	void queries() {
		Arbitrary<Map<String, String>> changes = overrides(QUERY_FIELDS);
		List<Map<String, String>> samples = changes.sampleStream().limit(REQUESTS).toList();
		List<String> ids = values().sampleStream().limit(REQUESTS).toList();
		assertTimeoutPreemptively(LIMIT, () -> {
			for (int i = 0; i < samples.size(); i++) {
				String format = i % 2 == 0 ? "json" : "xml";
				MockHttpServletRequestBuilder list = get("/open311/v2/requests." + format);
				samples.get(i).forEach(list::param);
				answersInTheSpecsShape(list, format);
				// path characters the firewall refuses before any controller (control characters, separators) are left out
				String id = ids.get(i).replaceAll("[\\p{Cntrl}\\p{Cs}/\\\\;.%]", "");
				if (!id.isBlank()) {
					answersInTheSpecsShape(get("/open311/v2/requests/{id}." + format, id), format);
					answersInTheSpecsShape(get("/open311/v2/services/{code}." + format, id), format);
				}
			}
		});
	}
}
