package org.gridlink.passes;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridlink.passes.token.Base45;
import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.PassCodeText;
import org.gridlink.passes.token.PassToken;
import org.gridlink.passes.token.PassVerifier;
import org.gridlink.passes.token.RevocationList;
import org.gridlink.passes.token.SigningKey;
import org.gridlink.passes.token.TrustList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The offline verifier core without Spring, over signed lists as a checkpoint holds them: every case of the issue
 * (flipped byte, truncated code, unknown key, disallowed algorithm, expired, revoked, stale list, rotated and
 * withdrawn key), both algorithms, and what the payload carries.
 */
class PassVerifierTest {

	static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
	static final KeyPair LIST_PAIR = PassAlgorithm.ES256.generate();
	static final SigningKey LIST_KEY = key(PassAlgorithm.ES256, LIST_PAIR);
	static final String LIST_KID = java.util.HexFormat.of().formatHex(LIST_KEY.kid());

	static SigningKey key(PassAlgorithm algorithm, KeyPair pair) {
		byte[] spki = pair.getPublic().getEncoded();
		return new SigningKey(PassAlgorithm.keyId(spki), algorithm, algorithm.privateKey(pair.getPrivate().getEncoded()));
	}

	static PassClaims claims(UUID id, Instant from, Instant to) {
		return new PassClaims(1, id, PassType.PERSON, "张*", List.of("320819001001"), from, to, "320819");
	}

	static String trust(Instant issuedAt, KeyPair... pairs) {
		return TrustList.sign(issuedAt, "320819", java.util.Arrays.stream(pairs)
				.map(p -> new TrustList.Entry(algorithmOf(p), p.getPublic().getEncoded())).toList(), LIST_KEY,
				LIST_PAIR.getPublic().getEncoded());
	}

	static PassAlgorithm algorithmOf(KeyPair pair) {
		return pair.getPublic().toString().contains("sm2") || pair == SM2 ? PassAlgorithm.SM2_SM3 : PassAlgorithm.ES256;
	}

	static final KeyPair ES = PassAlgorithm.ES256.generate();
	static final KeyPair SM2 = PassAlgorithm.SM2_SM3.generate();

	static PassVerifier offline(String trust, String revocations) {
		return PassVerifier.offline(TrustList.read(trust, LIST_KID), RevocationList.read(revocations, LIST_KID),
				EnumSet.allOf(PassAlgorithm.class));
	}

	static String noRevocations(Instant at) {
		return RevocationList.sign(at, List.of(), LIST_KEY, LIST_PAIR.getPublic().getEncoded());
	}

	String code(KeyPair pair, UUID id, Instant from, Instant to) {
		return PassToken.sign(claims(id, from, to), key(algorithmOf(pair), pair));
	}

	@ParameterizedTest
	@EnumSource(PassAlgorithm.class)
	void aGoodPassOfEitherAlgorithmIsValid(PassAlgorithm algorithm) {
		KeyPair pair = algorithm == PassAlgorithm.ES256 ? ES : SM2;
		String code = code(pair, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		assertThat(code).startsWith("GL1:").matches("GL1:[0-9A-Z $%*+\\-./:]+");
		Verdict verdict = offline(trust(NOW, ES, SM2), noRevocations(NOW)).verify(code, NOW);
		assertThat(verdict.reason()).isEqualTo(VerifyReason.OK);
		assertThat(verdict.claims().holder()).isEqualTo("张*");
	}

	@Test
	void aFlippedByteOrATruncatedCodeIsInvalid() {
		String code = code(ES, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		PassVerifier verifier = offline(trust(NOW, ES), noRevocations(NOW));
		byte[] cose = Base45.decode(code.substring(4));
		for (int i = 0; i < cose.length; i++) {
			byte[] flipped = cose.clone();
			flipped[i] ^= 0x01;
			Verdict verdict = verifier.verify("GL1:" + Base45.encode(flipped), NOW);
			assertThat(verdict.result()).as("byte %d", i).isEqualTo(VerifyResult.INVALID);
		}
		for (int cut = 1; cut < code.length() - 4; cut++) {
			assertThat(verifier.verify(code.substring(0, code.length() - cut), NOW).result()).as("cut %d", cut)
					.isEqualTo(VerifyResult.INVALID);
		}
		assertThat(verifier.verify(code.substring(0, code.length() - 3), NOW).reason())
				.isEqualTo(VerifyReason.BAD_STRUCTURE);
		assertThat(verifier.verify("GL1:" + code.substring(4, 4 + 31), NOW).reason())
				.isEqualTo(VerifyReason.BAD_BASE45);
		assertThat(verifier.verify("HC1:" + code.substring(4), NOW).reason()).isEqualTo(VerifyReason.BAD_PREFIX);
		assertThat(verifier.verify("GL1:" + Base45.encode(new byte[] { 1, 2, 3 }), NOW).reason())
				.isEqualTo(VerifyReason.BAD_STRUCTURE);
	}

	@Test
	void theCodeTypedFromItsTextFormVerifiesWithOrWithoutSpacesInEitherCase() {
		String code = code(ES, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		PassVerifier verifier = offline(trust(NOW, ES), noRevocations(NOW));
		String text = PassCodeText.of(code);
		assertThat(text).startsWith("GL1 ").matches("GL1( [0-9A-HJKMNP-TV-Z]{5})*( [0-9A-HJKMNP-TV-Z]{1,5})");
		for (String typed : List.of(text, text.replace(" ", ""), text.toLowerCase(java.util.Locale.ROOT),
				"  GL1" + text.substring(3).replace(" ", "-").replace('0', 'O').replace('1', 'l') + "\n", code.toLowerCase(java.util.Locale.ROOT))) {
			assertThat(verifier.verify(typed, NOW).reason()).as(typed).isEqualTo(VerifyReason.OK);
		}
		// a mistyped character fails as any changed byte does
		char last = text.charAt(text.length() - 1);
		String typo = text.substring(0, 20) + (text.charAt(20) == 'A' ? 'B' : 'A') + text.substring(21);
		assertThat(verifier.verify(typo, NOW).result()).isEqualTo(VerifyResult.INVALID);
		assertThat(verifier.verify(text.substring(0, text.length() - 1) + "U", NOW).reason())
				.as("U is not Crockford Base32 (%s)", last).isEqualTo(VerifyReason.BAD_BASE45);
		assertThat(verifier.verify("GL2 ABCDE", NOW).reason()).isEqualTo(VerifyReason.BAD_PREFIX);
	}

	@Test
	void anUnknownKeyIdIsInvalid() {
		String code = code(SM2, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		assertThat(offline(trust(NOW, ES), noRevocations(NOW)).verify(code, NOW).reason())
				.isEqualTo(VerifyReason.UNKNOWN_KEY);
	}

	@Test
	void aDisallowedAlgorithmIsInvalid() {
		String code = code(SM2, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		PassVerifier esOnly = PassVerifier.offline(TrustList.read(trust(NOW, ES, SM2), LIST_KID),
				RevocationList.read(noRevocations(NOW), LIST_KID), Set.of(PassAlgorithm.ES256));
		assertThat(esOnly.verify(code, NOW).reason()).isEqualTo(VerifyReason.DISALLOWED_ALGORITHM);
	}

	@Test
	void expiredAndNotYetValidPassesAreExpired() {
		PassVerifier verifier = offline(trust(NOW, ES), noRevocations(NOW));
		String code = code(ES, UUID.randomUUID(), NOW.minusSeconds(7200), NOW.minusSeconds(1));
		assertThat(verifier.verify(code, NOW).reason()).isEqualTo(VerifyReason.EXPIRED);
		String later = code(ES, UUID.randomUUID(), NOW.plusSeconds(60), NOW.plusSeconds(7200));
		Verdict verdict = verifier.verify(later, NOW);
		assertThat(verdict.result()).isEqualTo(VerifyResult.EXPIRED);
		assertThat(verdict.reason()).isEqualTo(VerifyReason.NOT_YET_VALID);
	}

	@Test
	void aRevokedPassIsRevoked() {
		UUID id = UUID.randomUUID();
		String code = code(ES, id, NOW.minusSeconds(60), NOW.plusSeconds(3600));
		String revocations = RevocationList.sign(NOW, List.of(UUID.randomUUID(), id), LIST_KEY,
				LIST_PAIR.getPublic().getEncoded());
		assertThat(offline(trust(NOW, ES), revocations).verify(code, NOW).result()).isEqualTo(VerifyResult.REVOKED);
	}

	@Test
	void aListOlderThan24HoursGivesUnknownNeverValid() {
		Instant later = NOW.plus(Duration.ofHours(25));
		String code = code(ES, UUID.randomUUID(), NOW.minusSeconds(60), later.plusSeconds(3600));
		assertThat(offline(trust(NOW, ES), noRevocations(later)).verify(code, later).result())
				.isEqualTo(VerifyResult.UNKNOWN);
		assertThat(offline(trust(later, ES), noRevocations(NOW)).verify(code, later).result())
				.isEqualTo(VerifyResult.UNKNOWN);
		assertThat(offline(trust(NOW, ES), noRevocations(NOW)).verify(code, NOW.plus(Duration.ofHours(23))).result())
				.isEqualTo(VerifyResult.VALID);
	}

	@Test
	void aRotatedKeyStillVerifiesUntilWithdrawn() {
		KeyPair old = PassAlgorithm.ES256.generate();
		KeyPair next = PassAlgorithm.ES256.generate();
		String oldCode = code(old, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		String newCode = code(next, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		PassVerifier rotated = offline(trust(NOW, old, next), noRevocations(NOW));
		assertThat(rotated.verify(oldCode, NOW).result()).isEqualTo(VerifyResult.VALID);
		assertThat(rotated.verify(newCode, NOW).result()).isEqualTo(VerifyResult.VALID);
		PassVerifier withdrawn = offline(trust(NOW, next), noRevocations(NOW));
		assertThat(withdrawn.verify(oldCode, NOW).reason()).isEqualTo(VerifyReason.UNKNOWN_KEY);
		assertThat(withdrawn.verify(newCode, NOW).result()).isEqualTo(VerifyResult.VALID);
	}

	@Test
	void aListSignedByAnotherKeyOrTamperedIsRefused() {
		KeyPair other = PassAlgorithm.ES256.generate();
		String foreign = TrustList.sign(NOW, "320819", List.of(new TrustList.Entry(PassAlgorithm.ES256,
				ES.getPublic().getEncoded())), key(PassAlgorithm.ES256, other), other.getPublic().getEncoded());
		assertThatThrownBy(() -> TrustList.read(foreign, LIST_KID)).isInstanceOf(IllegalArgumentException.class);
		String good = trust(NOW, ES);
		String tampered = good.replace("\"signature\":\"", "\"signature\":\"AA");
		assertThatThrownBy(() -> TrustList.read(tampered, LIST_KID)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RevocationList.read(good, LIST_KID)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void thePayloadCarriesNoIdNumberOrPhone() throws Exception {
		String code = code(ES, UUID.randomUUID(), NOW.minusSeconds(60), NOW.plusSeconds(3600));
		JsonNode body = PassToken.payloadTree(code);
		assertThat(body.propertyNames()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
		assertThat(body.toString()).doesNotContainPattern("\\d{17}[\\dX]").doesNotContainPattern("1[3-9]\\d{9}");
	}
}
