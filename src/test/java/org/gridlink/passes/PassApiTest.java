package org.gridlink.passes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.gridlink.passes.token.Base45;
import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.PassToken;
import org.gridlink.passes.token.PassVerifier;
import org.gridlink.passes.token.RevocationList;
import org.gridlink.passes.token.SigningKey;
import org.gridlink.passes.token.TrustList;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The pass API over the real security chain: issue, verify (every case of the issue on the server), revoke, the
 * signed lists checked by the offline core, key rotation and withdrawal, and who may do what.
 */
@WebTest
class PassApiTest {

	static final String OTHER_COMMUNITY = "320819001002";

	@Autowired
	MockMvc mvc;

	@Autowired
	Passes passes;

	static String window(int fromHours, int toHours) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		return "\"validFrom\":\"" + now.plusHours(fromHours) + "\",\"validTo\":\"" + now.plusHours(toHours) + "\"";
	}

	ResultActions issue(String user, String json) throws Exception {
		return mvc.perform(post("/api/v1/passes").with(as(user)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	String[] person(String user, String zone, String extra) throws Exception {
		return person(user, zone, extra, 24);
	}

	String[] person(String user, String zone, String extra, int hours) throws Exception {
		String body = issue(user, "{\"type\":\"PERSON\",\"holderName\":\"王小明\",\"purpose\":\"上班\",\"zones\":[\""
				+ zone + "\"]," + window(-1, hours) + extra + "}").andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		return new String[] { JsonPath.read(body, "$.id"), JsonPath.read(body, "$.code") };
	}

	ResultActions verify(String user, String code) throws Exception {
		return mvc.perform(post("/api/v1/passes/verify").with(as(user)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}"));
	}

	void expect(String code, String result, String reason) throws Exception {
		verify("checkpoint1", code).andExpect(status().isOk()).andExpect(jsonPath("$.result").value(result))
				.andExpect(jsonPath("$.reason").value(reason));
	}

	String fetch(String user, String path) throws Exception {
		return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	PassVerifier offline() throws Exception {
		String kid = passes.listKeyId();
		return PassVerifier.offline(TrustList.read(fetch("checkpoint1", "/api/v1/passes/trust-list"), kid),
				RevocationList.read(fetch("police1", "/api/v1/passes/revocations"), kid),
				java.util.EnumSet.allOf(PassAlgorithm.class));
	}

	@Test
	void aCommunityIssuesAPassThatCheckpointsVerify() throws Exception {
		String[] pass = person("community1", GRID1, "");
		assertThat(pass[1]).startsWith("GL1:");
		verify("checkpoint1", pass[1]).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("VALID"))
				.andExpect(jsonPath("$.reason").value("OK")).andExpect(jsonPath("$.holder").value("王*明"))
				.andExpect(jsonPath("$.zones[0]").value(GRID1));
		for (String user : List.of("police1", "property1", "grid1", "community1", "street1", "center")) {
			verify(user, pass[1]).andExpect(jsonPath("$.result").value("VALID"));
		}
		assertThat(offline().verify(pass[1], java.time.Instant.now()).result()).isEqualTo(VerifyResult.VALID);
		mvc.perform(get("/api/v1/passes/" + pass[0] + "/qr.png").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.IMAGE_PNG));
		mvc.perform(get("/api/v1/passes/" + pass[0] + "/qr.png").with(as("checkpoint1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/passes/" + pass[0]).with(as("community1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("王*明")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("/passes/" + pass[0] + "/qr.png")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("王小明"))));
		mvc.perform(get("/passes/" + pass[0] + "/qr.png").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.IMAGE_PNG));
		mvc.perform(get("/api/v1/passes/" + pass[0]).with(as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.holder").value("王*明")).andExpect(jsonPath("$.revokedAt").isEmpty());
	}

	@Test
	void aVehiclePassNeedsAValidPlateAndShowsIt() throws Exception {
		issue("community1", "{\"type\":\"VEHICLE\",\"plate\":\"ABC123\",\"purpose\":\"送货\",\"zones\":[\"" + COMMUNITY1
				+ "\"]," + window(0, 5) + "}").andExpect(status().isBadRequest());
		String body = issue("community1", "{\"type\":\"VEHICLE\",\"plate\":\"苏a·d1234 5\",\"purpose\":\"送货\","
				+ "\"zones\":[\"" + COMMUNITY1 + "\"]," + window(0, 5) + "}").andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		verify("checkpoint1", JsonPath.read(body, "$.code")).andExpect(jsonPath("$.result").value("VALID"))
				.andExpect(jsonPath("$.type").value("VEHICLE")).andExpect(jsonPath("$.holder").value("苏AD12345"));
	}

	@Test
	void theSm2AlgorithmRoundTripsOnTheServerAndOffline() throws Exception {
		String[] pass = person("community1", GRID1, ",\"algorithm\":\"SM2_SM3\"");
		expect(pass[1], "VALID", "OK");
		assertThat(PassToken.parse(pass[1]).algorithm()).isEqualTo(PassAlgorithm.SM2_SM3.coseId());
		assertThat(offline().verify(pass[1], java.time.Instant.now()).result()).isEqualTo(VerifyResult.VALID);
	}

	@Test
	void damagedForgedAndForeignCodesAreInvalidOnTheServer() throws Exception {
		String code = person("community1", GRID1, "")[1];
		expect(Tokens.flip(code, code.length() / 2), "INVALID", "BAD_SIGNATURE");
		expect(Tokens.flip(code, 1), "INVALID", "BAD_STRUCTURE");
		expect(code.substring(0, code.length() - 3), "INVALID", "BAD_STRUCTURE");
		int cut = 1;
		while ((code.length() - "GL1:".length() - cut) % 3 != 1) {
			cut++;
		}
		expect(code.substring(0, code.length() - cut), "INVALID", "BAD_BASE45"); // one character left over: never Base45
		expect("HC1:" + code.substring(4), "INVALID", "BAD_PREFIX");
		expect(Tokens.withAlgorithm(code, -8), "INVALID", "DISALLOWED_ALGORITHM");
		var pair = PassAlgorithm.ES256.generate();
		SigningKey foreign = new SigningKey(PassAlgorithm.keyId(pair.getPublic().getEncoded()), PassAlgorithm.ES256,
				PassAlgorithm.ES256.privateKey(pair.getPrivate().getEncoded()));
		PassClaims claims = PassToken.claims(PassToken.parse(code).payload());
		expect(PassToken.sign(claims, foreign), "INVALID", "UNKNOWN_KEY");
		verify("checkpoint1", "not a code").andExpect(jsonPath("$.message").value("Not a GridLink pass code."));
	}

	@Test
	void expiredAndNotYetValidPassesAreExpired() throws Exception {
		String code = person("community1", GRID1, "")[1];
		java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofHours(25));
		assertThat(passes.verify(code, later).reason()).isEqualTo(VerifyReason.EXPIRED);
		assertThat(offline().verify(code, later).reason()).isEqualTo(VerifyReason.EXPIRED);
		String body = issue("community1", "{\"type\":\"PERSON\",\"holderName\":\"李四\",\"purpose\":\"探亲\",\"zones\":[\""
				+ GRID1 + "\"]," + window(2, 5) + "}").andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		expect(JsonPath.read(body, "$.code"), "EXPIRED", "NOT_YET_VALID");
	}

	@Test
	void aRevokedPassIsRevokedOnTheServerAndInTheSignedList() throws Exception {
		String[] pass = person("community1", GRID1, "");
		mvc.perform(post("/api/v1/passes/" + pass[0] + "/revoke").with(as("checkpoint1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/passes/" + pass[0] + "/revoke").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/passes/" + pass[0] + "/revoke").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"已离开本区\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.revokeReason").value("已离开本区"))
				.andExpect(jsonPath("$.revokedAt").isNotEmpty());
		expect(pass[1], "REVOKED", "REVOKED");
		assertThat(offline().verify(pass[1], java.time.Instant.now()).result()).isEqualTo(VerifyResult.REVOKED);
		String list = fetch("checkpoint1", "/api/v1/passes/revocations");
		assertThat(list).doesNotContain(pass[0]);
		assertThat(RevocationList.read(list, passes.listKeyId()).hashes())
				.contains(RevocationList.hash(UUID.fromString(pass[0])));
	}

	@Test
	void aListOlderThan24HoursGivesUnknownOffline() throws Exception {
		String code = person("community1", GRID1, "", 72)[1];
		PassVerifier offline = offline();
		java.time.Instant now = java.time.Instant.now();
		assertThat(offline.verify(code, now.plus(java.time.Duration.ofHours(23))).result())
				.isEqualTo(VerifyResult.VALID);
		Verdict stale = offline.verify(code, now.plus(java.time.Duration.ofHours(24).plusMinutes(1)));
		assertThat(stale.result()).isEqualTo(VerifyResult.UNKNOWN);
		assertThat(stale.reason()).isEqualTo(VerifyReason.STALE_LIST);
	}

	@Test
	void aRotatedKeyVerifiesUntilItIsWithdrawn() throws Exception {
		String[] before = person("community1", GRID1, "");
		String oldKid = HexFormat.of().formatHex(PassToken.parse(before[1]).kid());
		String body = mvc.perform(post("/api/v1/passes/keys/rotate?algorithm=ES256").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String newKid = JsonPath.read(body, "$.kid");
		String[] after = person("community1", GRID1, "");
		assertThat(HexFormat.of().formatHex(PassToken.parse(after[1]).kid())).isEqualTo(newKid).isNotEqualTo(oldKid);
		expect(before[1], "VALID", "OK");
		expect(after[1], "VALID", "OK");
		assertThat(offline().verify(before[1], java.time.Instant.now()).result()).isEqualTo(VerifyResult.VALID);

		mvc.perform(post("/api/v1/passes/keys/" + oldKid + "/withdraw").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"test\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/passes/keys/" + oldKid + "/withdraw").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"轮换后停用\"}"))
				.andExpect(status().isNoContent());
		expect(before[1], "INVALID", "UNKNOWN_KEY");
		expect(after[1], "VALID", "OK");
		assertThat(offline().verify(before[1], java.time.Instant.now()).reason()).isEqualTo(VerifyReason.UNKNOWN_KEY);
		assertThat(fetch("checkpoint1", "/api/v1/passes/trust-list")).doesNotContain(oldKid);
	}

	@Test
	void issuingIsScopedAndLimitedToCommunityStreetAndCenter() throws Exception {
		String json = "{\"type\":\"PERSON\",\"holderName\":\"赵六\",\"purpose\":\"上班\",\"zones\":[\"" + OTHER_COMMUNITY
				+ "\"]," + window(0, 5) + "}";
		issue("community1", json).andExpect(status().isForbidden());
		issue("street1", json).andExpect(status().isCreated());
		issue("center", json).andExpect(status().isCreated());
		for (String user : List.of("grid1", "checkpoint1", "police1", "leader")) {
			issue(user, json).andExpect(status().isForbidden());
		}
		verify("leader", "GL1:00").andExpect(status().isForbidden());
		verify("auditor", "GL1:00").andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/passes/trust-list").with(as("leader"))).andExpect(status().isForbidden());
		issue("community1", "{\"type\":\"PERSON\",\"purpose\":\"上班\",\"zones\":[\"" + COMMUNITY1 + "\"]," + window(0, 5)
				+ "}").andExpect(status().isBadRequest());
		issue("community1", "{\"type\":\"PERSON\",\"holderName\":\"赵六\",\"purpose\":\"上班\",\"zones\":[\"" + COMMUNITY1
				+ "\"]," + window(5, 2) + "}").andExpect(status().isBadRequest());
		issue("community1", "{\"type\":\"PERSON\",\"holderName\":\"赵六\",\"purpose\":\"上班\",\"zones\":[\"" + COMMUNITY1
				+ "\"]," + window(0, 24 * 100) + "}").andExpect(status().isBadRequest());
		issue("community1", "{\"type\":\"PERSON\",\"holderName\":\"赵六\",\"purpose\":\"上班\",\"zones\":[\"320819001001999\"],"
				+ window(0, 5) + "}").andExpect(status().isBadRequest());
	}

	@Test
	void theCodeCarriesNoIdNumberPhoneOrFullName() throws Exception {
		String code = issue("community1", "{\"type\":\"PERSON\",\"holderName\":\"欧阳娜娜\",\"purpose\":\"就医 13812345678\","
				+ "\"zones\":[\"" + GRID1 + "\"]," + window(0, 5) + "}").andExpect(status().isCreated()).andReturn()
				.getResponse().getContentAsString();
		String token = JsonPath.read(code, "$.code");
		JsonNode body = PassToken.payloadTree(token);
		String decoded = body.toString() + new String(Base45.decode(token.substring(4)),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body.get("4").asString()).isEqualTo("欧**娜");
		assertThat(decoded).doesNotContain("欧阳娜娜").doesNotContain("13812345678").doesNotContain("就医")
				.doesNotContainPattern("\\d{17}[\\dX]");
	}

	@Test
	void theCommandLineVerifierChecksAPassWithTheServersLists(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		String[] pass = person("community1", GRID1, ",\"algorithm\":\"SM2_SM3\"");
		java.nio.file.Path trust = java.nio.file.Files.writeString(dir.resolve("trust.json"),
				fetch("checkpoint1", "/api/v1/passes/trust-list"));
		java.nio.file.Path revoked = java.nio.file.Files.writeString(dir.resolve("revoked.json"),
				fetch("checkpoint1", "/api/v1/passes/revocations"));
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
		int exit = org.gridlink.passes.token.VerifyPassCommand.run(new String[] { "verify-pass", pass[1], "--trust-list",
				trust.toString(), "--revocations", revoked.toString(), "--list-key", passes.listKeyId() }, print, print);
		assertThat(exit).isZero();
		assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("VALID OK").contains(pass[0]);
	}

	@Test
	void theCheckpointPageVerifiesAScannedCode() throws Exception {
		String code = person("community1", GRID1, "")[1];
		mvc.perform(get("/checkpoint").with(as("checkpoint1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"checkpoint-code\"")));
		mvc.perform(get("/checkpoint").with(as("leader"))).andExpect(status().isForbidden());
		mvc.perform(post("/checkpoint/verify").with(as("checkpoint1")).with(org.springframework.security.test.web
				.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).header("HX-Request", "true")
				.param("code", code).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("data-result=\"VALID\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("王*明")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
		mvc.perform(post("/checkpoint/verify").with(as("police1")).with(org.springframework.security.test.web
				.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).param("code", Tokens.flip(code, 40)))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("data-result=\"INVALID\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("<html")));
	}
}
