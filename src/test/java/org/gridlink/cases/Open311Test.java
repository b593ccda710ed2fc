package org.gridlink.cases;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.cases.TestImages.*;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Open311 GeoReport v2: the spec's element and field names in XML and JSON, public reading, creating with a
 * client's key only, errors in the spec's shape, and nothing personal in any answer.
 */
@WebTest
class Open311Test {

	static final String KEY = DemoOpen311Client.KEY;
	/** A point inside a grid of the demo district. */
	static final String LAT = "33.712";
	static final String LNG = "119.052";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static Document xml(MockHttpServletResponse response) throws Exception {
		assertThat(response.getContentType()).startsWith("text/xml");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	static List<Element> children(Node parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && e.getTagName().equals(name)) {
				found.add(e);
			}
		}
		return found;
	}

	static List<String> childNames(Node parent) {
		List<String> names = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				names.add(e.getTagName());
			}
		}
		return names;
	}

	static String text(Element parent, String name) {
		List<Element> found = children(parent, name);
		assertThat(found).as(name).hasSize(1);
		return found.get(0).getTextContent();
	}

	/** A good POST; {@code overrides}: name, value pairs replacing or adding fields. */
	MockHttpServletRequestBuilder create(String format, String... overrides) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("api_key", KEY);
		fields.put("service_code", "E0101");
		fields.put("lat", LAT);
		fields.put("long", LNG);
		fields.put("description", "Open311 测试：路边暴露垃圾");
		fields.put("address_string", "金桥路 8 号");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/open311/v2/requests." + format)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		fields.forEach(request::param);
		return request;
	}

	String created(MockHttpServletRequestBuilder request) throws Exception {
		String json = mvc.perform(request).andExpect(status().isCreated())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$[0].service_request_id").value(matchesPattern("\\d{14}")))
				.andExpect(jsonPath("$[0].service_notice").isNotEmpty()).andExpect(jsonPath("$[0].token").doesNotExist())
				.andReturn().getResponse().getContentAsString();
		return JsonPath.read(json, "$[0].service_request_id");
	}

	long caseId(String number) {
		return jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(number).query(Long.class).single();
	}

	@Test
	void discoveryNamesThisEndpointInBothFormats() throws Exception {
		Document doc = xml(mvc.perform(get("/open311/v2/discovery.xml")).andExpect(status().isOk()).andReturn()
				.getResponse());
		Element root = doc.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("discovery");
		assertThat(childNames(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
		Element endpoint = children(children(root, "endpoints").get(0), "endpoint").get(0);
		assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(text(endpoint, "url")).endsWith("/open311/v2");
		assertThat(text(endpoint, "type")).isEqualTo("production");
		assertThat(children(children(endpoint, "formats").get(0), "format")).extracting(Node::getTextContent)
				.containsExactly("text/xml", "application/json");

		mvc.perform(get("/open311/v2/discovery.json")).andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
				.andExpect(jsonPath("$.endpoints[0].formats", contains("text/xml", "application/json")))
				.andExpect(jsonPath("$.changeset").isNotEmpty());
	}

	@Test
	void absoluteLinksComeFromTheConfiguredAddressNotTheHostHeader() throws Exception {
		mvc.perform(get("/open311/v2/discovery.json").header("Host", "evil.example").header("X-Forwarded-Host", "evil.example"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.endpoints[0].url").value(org.hamcrest.Matchers.matchesRegex(
						"http://localhost:\\d+/open311/v2")));
	}

	@Test
	void servicesAreThePublicMinorClassesWithTheSpecsFields() throws Exception {
		Document doc = xml(mvc.perform(get("/open311/v2/services.xml").header("Accept-Language", "en"))
				.andExpect(status().isOk()).andReturn().getResponse());
		assertThat(doc.getDocumentElement().getTagName()).isEqualTo("services");
		List<Element> services = children(doc.getDocumentElement(), "service");
		assertThat(services).hasSizeGreaterThan(20);
		Element garbage = services.stream().filter(s -> text(s, "service_code").equals("E0101")).findFirst()
				.orElseThrow();
		assertThat(childNames(garbage)).containsExactly("service_code", "service_name", "description", "metadata",
				"type", "keywords", "group");
		assertThat(text(garbage, "service_name")).isEqualTo("Exposed garbage");
		assertThat(text(garbage, "description")).isEqualTo("垃圾暴露、散落");
		assertThat(text(garbage, "metadata")).isEqualTo("false");
		assertThat(text(garbage, "type")).isEqualTo("realtime");
		assertThat(text(garbage, "group")).isEqualTo("City environment");
		assertThat(text(garbage, "keywords")).contains("暴露垃圾", "Exposed garbage");
		// social-governance classes (disputes, fever reports …) are not published
		assertThat(services).extracting(s -> text(s, "service_code")).allMatch(c -> c.matches("[CE]\\d{4}"))
				.doesNotContain("S0201", "S0301");

		mvc.perform(get("/open311/v2/services.json")).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.service_code == 'E0101')].service_name").value(contains("暴露垃圾")))
				.andExpect(jsonPath("$[?(@.service_code == 'E0101')].metadata").value(contains(false)))
				.andExpect(jsonPath("$[?(@.service_code == 'E0101')].group").value(contains("市容环境")))
				.andExpect(jsonPath("$[?(@.service_code == 'S0201')]").isEmpty());
	}

	@Test
	void aServiceDefinitionHasNoAttributesAndUnknownCodesAre404() throws Exception {
		Document doc = xml(mvc.perform(get("/open311/v2/services/E0101.xml")).andExpect(status().isOk()).andReturn()
				.getResponse());
		assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_definition");
		assertThat(text(doc.getDocumentElement(), "service_code")).isEqualTo("E0101");
		assertThat(children(children(doc.getDocumentElement(), "attributes").get(0), "attribute")).isEmpty();
		mvc.perform(get("/open311/v2/services/E0101.json")).andExpect(jsonPath("$.service_code").value("E0101"))
				.andExpect(jsonPath("$.attributes", hasSize(0)));
		mvc.perform(get("/open311/v2/services/X9999.json")).andExpect(status().isNotFound())
				.andExpect(jsonPath("$[0].code").value(404)).andExpect(jsonPath("$[0].description").isNotEmpty());
		mvc.perform(get("/open311/v2/services/S0201.json")).andExpect(status().isNotFound());
		mvc.perform(get("/open311/v2/services.html")).andExpect(status().isNotFound());
	}

	@Test
	void aCreatedRequestIsReadablePubliclyWithoutTheReportersContact() throws Exception {
		String id = created(create("json", "email", "wang.fang@example.com", "phone", "13912345678", "first_name", "芳", "last_name", "王"));
		long caseId = caseId(id);
		assertThat(jdbc.sql("SELECT source FROM case_file WHERE id = ?").param(caseId).query(String.class).single())
				.isEqualTo("OPEN311");
		String sealed = jdbc.sql("SELECT reporter_contact FROM case_file WHERE id = ?").param(caseId)
				.query(String.class).single();
		assertThat(sealed).isNotBlank().doesNotContain("13912345678").doesNotContain("wang.fang");

		String json = mvc.perform(get("/open311/v2/requests/" + id + ".json").header("Accept-Language", "en"))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].service_request_id").value(id))
				.andExpect(jsonPath("$[0].status").value("open"))
				.andExpect(jsonPath("$[0].status_notes").value("Reported"))
				.andExpect(jsonPath("$[0].service_code").value("E0101"))
				.andExpect(jsonPath("$[0].service_name").value("Exposed garbage"))
				.andExpect(jsonPath("$[0].description").value("Open311 测试：路边暴露垃圾"))
				.andExpect(jsonPath("$[0].address").value("金桥路 8 号"))
				.andExpect(jsonPath("$[0].lat").value(33.712)).andExpect(jsonPath("$[0].long").value(119.052))
				.andExpect(jsonPath("$[0].requested_datetime").value(matchesPattern(
						"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00")))
				.andExpect(jsonPath("$[0].updated_datetime").isNotEmpty())
				.andExpect(jsonPath("$[0].media_url").value(nullValue()))
				.andReturn().getResponse().getContentAsString();
		String xml = mvc.perform(get("/open311/v2/requests/" + id + ".xml")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		for (String body : List.of(json, xml)) {
			assertThat(body).doesNotContain("13912345678", "wang.fang", "王", "open311:demo");
		}
		Document doc = xml(mvc.perform(get("/open311/v2/requests/" + id + ".xml")).andReturn().getResponse());
		assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_requests");
		Element request = children(doc.getDocumentElement(), "request").get(0);
		assertThat(childNames(request)).containsExactly("service_request_id", "status", "status_notes",
				"service_name", "service_code", "description", "agency_responsible", "service_notice",
				"requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
				"lat", "long", "media_url");
		assertThat(text(request, "service_request_id")).isEqualTo(id);
		assertThat(text(request, "status")).isEqualTo("open");

		// staff see the source and the masked phone, never the plain one
		mvc.perform(get("/api/v1/cases/" + caseId).with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.source").value("OPEN311"))
				.andExpect(jsonPath("$.reporterContact").value(not(containsString("13912345678"))));
	}

	@Test
	void creatingWorksWithoutCsrfTokenOrSessionButNeedsAValidKey() throws Exception {
		String before = String.valueOf(count());
		Document doc = xml(mvc.perform(create("xml", "api_key", "")).andExpect(status().isForbidden())
				.andReturn().getResponse());
		assertThat(doc.getDocumentElement().getTagName()).isEqualTo("errors");
		Element error = children(doc.getDocumentElement(), "error").get(0);
		assertThat(text(error, "code")).isEqualTo("403");
		assertThat(text(error, "description")).isNotBlank();
		mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("service_code", "E0101").param("lat", LAT).param("long", LNG).param("description", "x"))
				.andExpect(status().isForbidden());
		mvc.perform(create("json", "api_key", "not-a-key").header("Accept-Language", "en"))
				.andExpect(status().isForbidden()).andExpect(jsonPath("$[0].code").value(403))
				.andExpect(jsonPath("$[0].description").value(containsString("api_key")));
		assertThat(String.valueOf(count())).isEqualTo(before);
		// a signed-in staff session does not replace the key
		mvc.perform(create("json", "api_key", "wrong").with(as("center"))).andExpect(status().isForbidden());
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
	}

	@Test
	void badInputAnswersInTheSpecsErrorShape() throws Exception {
		long before = count();
		// unknown service_code: the spec's 404
		mvc.perform(create("json", "service_code", "X9999")).andExpect(status().isNotFound())
				.andExpect(jsonPath("$[0].code").value(404));
		mvc.perform(create("json", "service_code", "S0201")).andExpect(status().isNotFound());
		mvc.perform(create("json", "service_code", "")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$[0].code").value(400));
		// location
		mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("api_key", KEY).param("service_code", "E0101").param("description", "无位置")
				.param("address_string", "金桥路")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$[0].description").isNotEmpty());
		mvc.perform(create("json", "lat", "north")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$[0].code").value(400));
		mvc.perform(create("json", "lat", "10", "long", "10")).andExpect(status().isBadRequest());
		mvc.perform(create("json", "description", "")).andExpect(status().isBadRequest());
		mvc.perform(create("json", "media_url", "file:///etc/passwd")).andExpect(status().isBadRequest());
		mvc.perform(create("json", "phone", "1".repeat(120))).andExpect(status().isBadRequest());
		// a text file named .jpg as media: refused before any case is created
		mvc.perform(multipart("/open311/v2/requests.json")
				.file(new MockMultipartFile("media", "photo.jpg", "image/jpeg",
						"not really a photo".getBytes(StandardCharsets.UTF_8)))
				.param("api_key", KEY).param("service_code", "E0101").param("lat", LAT).param("long", LNG)
				.param("description", "带假照片").header("Accept-Language", "en"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400))
				.andExpect(jsonPath("$[0].description").value(containsString("not a JPEG, PNG or WebP")));
		assertThat(count()).isEqualTo(before);
		// queries
		mvc.perform(get("/open311/v2/requests.xml").param("start_date", "2026-01-01T00:00:00+08:00")
				.param("end_date", "2026-06-01T00:00:00+08:00")).andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
		mvc.perform(get("/open311/v2/requests.json").param("status", "pending")).andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/requests/12ab.json")).andExpect(status().isNotFound());
		mvc.perform(get("/open311/v2/requests/99999999999999.xml")).andExpect(status().isNotFound())
				.andExpect(content().string(containsString("<errors><error><code>404</code><description>")));
		mvc.perform(get("/open311/v2/tokens/abc.json")).andExpect(status().isNotFound())
				.andExpect(jsonPath("$[0].code").value(404));
	}

	@Test
	void openAndClosedFollowTheLoopWithPublicNotesAndTheLeadUnit() throws Exception {
		String open = created(create("json"));
		String rejected = created(create("json", "description", "不是问题"));
		mvc.perform(post("/api/v1/cases/" + caseId(rejected) + "/actions/reject").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"现场核实无垃圾\"}"))
				.andExpect(status().isOk());
		long dispatched = caseId(open);
		mvc.perform(post("/api/v1/cases/" + dispatched + "/actions/file").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"由张三核实\"}")).andExpect(status().isOk());
		mvc.perform(post("/api/v1/cases/" + dispatched + "/actions/dispatch").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());

		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", open + "," + rejected)
				.header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[?(@.service_request_id == '" + rejected + "')].status").value(contains("closed")))
				.andExpect(jsonPath("$[?(@.service_request_id == '" + rejected + "')].status_notes")
						.value(contains("不予立案: 现场核实无垃圾")))
				.andExpect(jsonPath("$[?(@.service_request_id == '" + open + "')].status").value(contains("open")))
				.andExpect(jsonPath("$[?(@.service_request_id == '" + open + "')].status_notes").value(contains("已派遣")))
				.andExpect(jsonPath("$[?(@.service_request_id == '" + open + "')].agency_responsible")
						.value(contains("区城市管理局")))
				.andExpect(jsonPath("$[?(@.service_request_id == '" + open + "')].expected_datetime")
						.value(contains(matchesPattern(".+\\+08:00"))));
		String notes = mvc.perform(get("/open311/v2/requests/" + open + ".json")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(notes).as("internal notes naming people stay internal").doesNotContain("张三");

		String closed = mvc.perform(get("/open311/v2/requests.json").param("status", "closed")
				.param("service_code", "E0101")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(JsonPath.<List<String>>read(closed, "$[*].service_request_id")).contains(rejected)
				.doesNotContain(open);
		assertThat(JsonPath.<List<String>>read(closed, "$[*].status")).containsOnly("closed");
		String opened = mvc.perform(get("/open311/v2/requests.json").param("status", "open")
				.param("service_code", "E0101,E0102")).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(opened, "$[*].service_request_id")).contains(open)
				.doesNotContain(rejected);
		String other = mvc.perform(get("/open311/v2/requests.json").param("service_code", "C0101")).andReturn()
				.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(other, "$[*].service_request_id")).doesNotContain(open, rejected);
	}

	@Test
	void aPhotoSentAlongIsServedWithoutItsLocationAndMediaUrlsAreNeverFetched() throws Exception {
		byte[] tagged = jpegWithGps(image("jpg"));
		String json = mvc.perform(multipart("/open311/v2/requests.json")
				.file(new MockMultipartFile("media", "photo.jpg", "image/jpeg", tagged)).param("api_key", KEY)
				.param("service_code", "E0101").param("lat", LAT).param("long", LNG).param("description", "带照片"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(json, "$[0].service_request_id");
		String mediaUrl = JsonPath.read(mvc.perform(get("/open311/v2/requests/" + id + ".json")).andReturn()
				.getResponse().getContentAsString(), "$[0].media_url");
		assertThat(mediaUrl).matches("http://localhost(:\\d+)?/open311/v2/media/\\d+");
		byte[] served = mvc.perform(get(mediaUrl.replaceFirst("http://localhost(:\\d+)?", "")))
				.andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn().getResponse()
				.getContentAsByteArray();
		assertThat(contains(served, "GPS")).isFalse();
		assertThat(served).isEqualTo(image("jpg"));

		String linked = created(create("json", "media_url", "https://photos.example.com/p/1.jpg"));
		mvc.perform(get("/open311/v2/requests/" + linked + ".json"))
				.andExpect(jsonPath("$[0].description").value(containsString("[media_url] https://photos.example.com/p/1.jpg")))
				.andExpect(jsonPath("$[0].media_url").value(nullValue()));
		mvc.perform(get("/open311/v2/media/99999999")).andExpect(status().isNotFound());
	}

	@Test
	void anAddressWithOurJurisdictionCodeWorksAndMarkupStaysText() throws Exception {
		String id = created(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("api_key", KEY).param("service_code", "C0201").param("address_string", "金桥路与银河路路口")
				.param("jurisdiction_code", GRID1).param("description", "路灯不亮 <b>&amp; \u0001</b>"));
		Document doc = xml(mvc.perform(get("/open311/v2/requests/" + id + ".xml")).andExpect(status().isOk())
				.andReturn().getResponse());
		Element request = children(doc.getDocumentElement(), "request").get(0);
		assertThat(text(request, "description")).isEqualTo("路灯不亮 <b>&amp; </b>");
		assertThat(text(request, "address")).isEqualTo("金桥路与银河路路口");
		assertThat(text(request, "lat")).isEmpty();
	}

	@Test
	void theAdminRegistersClientsWhoseKeysWorkUntilSwitchedOff() throws Exception {
		String name = "app-" + System.nanoTime();
		mvc.perform(post("/api/v1/open311/clients").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\"}")).andExpect(status().isForbidden());
		String json = mvc.perform(post("/api/v1/open311/clients").with(as("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.name").value(name))
				.andReturn().getResponse().getContentAsString();
		String key = JsonPath.read(json, "$.apiKey");
		assertThat(key).startsWith("o311_");
		assertThat(jdbc.sql("SELECT key_hash FROM open311_client WHERE name = ?").param(name).query(String.class)
				.single()).hasSize(64).isNotEqualTo(key);
		mvc.perform(post("/api/v1/open311/clients").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/open311/clients").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"<script>\"}")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/open311/clients").with(as("admin"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.name == '" + name + "')].active").value(contains(true)))
				.andExpect(content().string(not(containsString(key))));

		String id = created(create("json", "api_key", key));
		assertThat(jdbc.sql("SELECT reporter FROM case_file WHERE number = ?").param(id).query(String.class).single())
				.isEqualTo("open311:" + name);
		mvc.perform(post("/api/v1/open311/clients/" + name + "/deactivate").with(as("admin")))
				.andExpect(status().isOk());
		mvc.perform(create("json", "api_key", key)).andExpect(status().isForbidden());
	}

	@Test
	void theDefaultListIsTheLast90DaysInBothFormats() throws Exception {
		String id = created(create("json"));
		Document doc = xml(mvc.perform(get("/open311/v2/requests.xml")).andExpect(status().isOk()).andReturn()
				.getResponse());
		assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_requests");
		List<Element> requests = children(doc.getDocumentElement(), "request");
		assertThat(requests).hasSizeLessThanOrEqualTo(1000);
		assertThat(requests).extracting(r -> text(r, "service_request_id")).contains(id);
		assertThat(requests).extracting(r -> text(r, "service_code")).allMatch(c -> c.matches("[CE]\\d{4}"));
		mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].service_request_id", hasItem(id)));
		mvc.perform(get("/open311/v2/requests.json").param("end_date", "2020-01-01T00:00:00Z"))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoints() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/open311/v2/requests.{format}'].get").exists())
				.andExpect(jsonPath("$.paths['/open311/v2/requests.{format}'].post").exists())
				.andExpect(jsonPath("$.paths['/open311/v2/services.{format}'].get").exists())
				.andExpect(jsonPath("$.paths['/api/v1/cases/{id}/photos'].post").exists())
				.andExpect(jsonPath("$.paths['/api/v1/open311/clients'].post").exists());
	}

	@Test
	void aStaffReportIsListedWithoutItsDescriptionOrPhotos() throws Exception {
		String json = mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"网格员内部描述 张三家门口\",\"jurisdictionCode\":\""
						+ GRID1 + "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long caseId = ((Number) JsonPath.read(json, "$.id")).longValue();
		String number = JsonPath.read(json, "$.number");
		long photo = ((Number) JsonPath.read(mvc.perform(multipart("/api/v1/cases/" + caseId + "/photos")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "p.jpg", "image/jpeg",
						TestImages.image("jpg")))
				.with(as("grid1"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id")).longValue();
		mvc.perform(get("/open311/v2/requests/" + number + ".json")).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].service_request_id").value(number))
				.andExpect(jsonPath("$[0].description").value(""))
				.andExpect(jsonPath("$[0].media_url").value(nullValue()));
		mvc.perform(get("/open311/v2/media/" + photo)).andExpect(status().isNotFound());
	}
}
