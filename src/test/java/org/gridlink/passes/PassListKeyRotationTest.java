package org.gridlink.passes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridlink.passes.token.ListSigner;
import org.gridlink.passes.token.RevocationList;
import org.gridlink.passes.token.TrustList;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Rotating the list-signing key with an overlap (the new key is announced inside lists signed by the old one), and
 * revocations made by another instance reaching this one's in-memory revocation set.
 */
@WebTest
class PassListKeyRotationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Passes passes;

	@Autowired
	KeyRing ring;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNewListKeyIsAnnouncedByTheOldOneThenTakesOver() throws Exception {
		String old = passes.listKeyId();
		mvc.perform(post("/api/v1/passes/keys/rotate-list").with(as("grid1"))).andExpect(status().isForbidden());
		String body = mvc.perform(post("/api/v1/passes/keys/rotate-list").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String next = JsonPath.read(body, "$.kid");
		assertThat(next).isNotEqualTo(old);
		mvc.perform(post("/api/v1/passes/keys/rotate-list").with(as("admin"))).andExpect(status().isConflict());
		assertThat(ring.rotateListDue(Instant.now())).as("not due while one is under way").isNull();

		// during the overlap: still signed by the old key, which announces the new one
		Instant now = Instant.now();
		String trust = passes.trustList(now);
		assertThat(passes.listKeyId()).isEqualTo(old);
		assertThat(TrustList.read(trust, old).keys()).isNotEmpty();
		ListSigner.Next announced = ListSigner.announced(trust, TrustList.FORMAT, Set.of(old)).orElseThrow();
		assertThat(announced.kid()).isEqualTo(next);
		assertThat(announced.from()).isAfter(now.plus(Duration.ofDays(13)));
		assertThat(ListSigner.announced(passes.revocations(now), RevocationList.FORMAT, Set.of(old))).isPresent();
		// an announcement is only believed from a pinned signer
		assertThatThrownBy(() -> ListSigner.announced(trust, TrustList.FORMAT, Set.of(next)))
				.isInstanceOf(IllegalArgumentException.class);

		// after the overlap: the new key signs; a verifier that learned it accepts, one pinning only the old refuses
		Instant after = announced.from().plusSeconds(60);
		String later = passes.trustList(after);
		assertThat(TrustList.readPinned(later, Set.of(old, next)).keys()).isNotEmpty();
		assertThat(RevocationList.readPinned(passes.revocations(after), Set.of(old, next))).isNotNull();
		assertThatThrownBy(() -> TrustList.read(later, old)).isInstanceOf(IllegalArgumentException.class);
		assertThat(ListSigner.announced(later, TrustList.FORMAT, Set.of(next))).isEmpty();

		// the yearly rotation: due a year after the new key was made, not before
		assertThat(ring.rotateListDue(after)).isNull();
		String keys = mvc.perform(get("/api/v1/passes/keys").with(as("admin"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		List<String> purposes = JsonPath.read(keys, "$[?(@.kid == '" + next + "')].purpose");
		assertThat(purposes).containsExactly("LIST");
	}

	@Test
	void aRevocationByAnotherInstanceReachesThisOneWithinTheRefresh() throws Exception {
		String body = mvc.perform(post("/api/v1/passes").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"PERSON\",\"holderName\":\"周小红\",\"purpose\":\"上班\",\"zones\":[\"" + GRID1
						+ "\"],\"validFrom\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)
						+ "\",\"validTo\":\"" + OffsetDateTime.now(ZoneOffset.UTC).plusDays(1) + "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
		String code = JsonPath.read(body, "$.code");
		assertThat(passes.verify(code, Instant.now()).result()).isEqualTo(VerifyResult.VALID);
		// another instance writes the revocation to the shared database; this one's set learns it by the version check
		jdbc.sql("UPDATE pass SET revoked_at = ?, revoked_by = 'other-instance', revoke_reason = 'test' WHERE id = ?")
				.params(OffsetDateTime.now(ZoneOffset.UTC), id).update();
		await().atMost(Duration.ofSeconds(20))
				.until(() -> passes.verify(code, Instant.now()).result() == VerifyResult.REVOKED);
	}
}
