package org.gridlink.passes.token;

import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.gridlink.passes.PassClaims;
import org.gridlink.passes.PassType;
import org.gridlink.passes.Verdict;
import org.gridlink.passes.VerifyReason;
import org.gridlink.support.Fuzz;
import org.junit.jupiter.api.Test;

import tools.jackson.dataformat.cbor.CBORMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the pass decoder (issue 12) with {@link Fuzz}'s seeded inputs: scanned and typed codes, Base45 and the text form, COSE structures and signed
 * CBOR payloads of any shape. The verifier answers a {@link Verdict} for every input, Base45 and Base32 refuse with
 * {@link IllegalArgumentException} only, the token parser with {@link TokenRejected} only; nothing hangs.
 */
class PassDecoderFuzzTest {

	static final int TRIES = 600;
	static final Duration LIMIT = Duration.ofSeconds(10);
	static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
	static final KeyPair PAIR = PassAlgorithm.ES256.generate();
	static final SigningKey KEY = new SigningKey(PassAlgorithm.keyId(PAIR.getPublic().getEncoded()),
			PassAlgorithm.ES256, PassAlgorithm.ES256.privateKey(PAIR.getPrivate().getEncoded()));
	static final VerificationKey TRUSTED = VerificationKey.of(PassAlgorithm.ES256, PAIR.getPublic().getEncoded());
	static final PassVerifier VERIFIER = new PassVerifier(EnumSet.allOf(PassAlgorithm.class),
			kid -> java.util.Arrays.equals(kid, TRUSTED.kid()) ? TRUSTED : null, id -> false, null);
	static final String GOOD = PassToken.sign(new PassClaims(1, java.util.UUID.randomUUID(), PassType.PERSON, "张*",
			List.of("320819001001"), NOW.minusSeconds(60), NOW.plusSeconds(3600), "320819"), KEY);
	static final CBORMapper CBOR = new CBORMapper();

	static Verdict verify(String code) {
		Verdict verdict = assertTimeoutPreemptively(LIMIT, () -> VERIFIER.verify(code, NOW));
		assertThat(verdict).isNotNull();
		assertThat(verdict.reason()).isNotNull();
		return verdict;
	}

	@Test
	void theGoodCodeIsValid() {
		assertThat(verify(GOOD).reason()).isEqualTo(VerifyReason.OK);
		assertThat(verify(PassCodeText.of(GOOD)).reason()).isEqualTo(VerifyReason.OK);
	}

	@Test
	void anyText() {
		Fuzz.run(TRIES, PassDecoderFuzzTest::text, PassDecoderFuzzTest::verify);
	}

	@Test
	void anyBase45() {
		Fuzz.run(TRIES, f -> {
			String code = "GL1:" + Base45.encode(f.bytes(400));
			return f.bool() ? PassCodeText.of(code) : code;
		}, PassDecoderFuzzTest::verify);
	}

	@Test
	void base45AndBase32RefuseOnlyWithIllegalArgument() {
		Fuzz.run(TRIES, f -> f.bool() ? f.string(Base45.ALPHABET, 0, 300) : f.string(50),
				text -> assertTimeoutPreemptively(LIMIT, () -> {
					try {
						byte[] bytes = Base45.decode(text);
						assertThat(Base45.decode(Base45.encode(bytes))).isEqualTo(bytes);
					}
					catch (IllegalArgumentException expected) {
						// the documented refusal
					}
					try {
						PassCodeText.decode("GL1" + text);
					}
					catch (IllegalArgumentException expected) {
						// the documented refusal
					}
				}));
	}

	@Test
	void aGoodCodeWithBytesChanged() {
		byte[] cose = Base45.decode(GOOD.substring(4));
		Fuzz.run(TRIES, f -> f.mutate(cose, 6), changed -> verify("GL1:" + Base45.encode(changed)));
	}

	@Test
	void aGoodCodeCutShort() {
		Fuzz.run(TRIES, f -> f.between(0, 400), cut -> verify(GOOD.substring(0, Math.min(GOOD.length(), cut))));
	}

	/** Signed by the trusted key, so the payload reader itself is fuzzed: any CBOR value in any claim. */
	@Test
	void signedPayloadsOfAnyShape() {
		Fuzz.run(300, PassDecoderFuzzTest::payload, body -> {
			byte[] payload = CBOR.writeValueAsBytes(body);
			Verdict verdict = verify(signed(payload));
			assertThat(verdict.reason()).isNotIn(VerifyReason.BAD_SIGNATURE, VerifyReason.UNKNOWN_KEY);
			assertTimeoutPreemptively(LIMIT, () -> {
				try {
					PassToken.claims(payload);
				}
				catch (TokenRejected expected) {
					assertThat(expected.reason()).isEqualTo(VerifyReason.BAD_PAYLOAD);
				}
			});
		});
	}

	/** Found by this fuzzer: a validity beyond what Instant holds threw DateTimeException out of the verifier. */
	@Test
	void aValidityBeyondTheCalendarIsABadPayload() throws Exception {
		Map<Integer, Object> body = new java.util.LinkedHashMap<>();
		body.put(1, 1);
		body.put(2, new byte[16]);
		body.put(3, "P");
		body.put(4, "张*");
		body.put(5, List.of("320819001001"));
		body.put(6, 0L);
		body.put(7, Long.MAX_VALUE);
		body.put(8, "320819");
		assertThat(verify(signed(CBOR.writeValueAsBytes(body))).reason()).isEqualTo(VerifyReason.BAD_PAYLOAD);
		assertThatThrownBy(() -> PassToken.claims(CBOR.writeValueAsBytes(body))).isInstanceOf(TokenRejected.class);
	}

	static String signed(byte[] payload) {
		byte[] header = write(g -> {
			g.writeStartObject(null, 2);
			g.writePropertyId(1);
			g.writeNumber(KEY.algorithm().coseId());
			g.writePropertyId(4);
			g.writeBinary(KEY.kid());
			g.writeEndObject();
		});
		byte[] signature = KEY.algorithm().sign(KEY.privateKey(), PassToken.toBeSigned(header, payload));
		return "GL1:" + Base45.encode(write(g -> {
			g.writeTag(PassToken.COSE_SIGN1_TAG);
			g.writeStartArray(null, 4);
			g.writeBinary(header);
			g.writeStartObject(null, 0);
			g.writeEndObject();
			g.writeBinary(payload);
			g.writeBinary(signature);
			g.writeEndArray();
		}));
	}

	/** Any text; Base45 or text-form letters after the prefix (lower case and separators too); or an overlong code. */
	static String text(Fuzz f) {
		return f.either(() -> f.string(300), () -> "GL1:" + f.string(Base45.ALPHABET + "gl:-", 0, 400),
				() -> "GL1 " + f.string("0123456789ABCDEFGHJKMNPQRSTVWXYZOIL -", 0, 400),
				() -> "GL1:" + f.string(1990, 2100));
	}

	/**
	 * A valid claim set with up to three claims (0..9) replaced or added, each any CBOR value (text well-formed: CBOR
	 * cannot carry a lone surrogate, so the encoder, not the decoder, would refuse it).
	 */
	static Map<Integer, Object> payload(Fuzz f) {
		Map<Integer, Object> body = new java.util.TreeMap<>(Map.of(1, 1, 2, new byte[16], 3, "P", 4, "张*", 5,
				List.of("320819001001"), 6, 0L, 7, NOW.getEpochSecond() + 60, 8, "320819"));
		body.putAll(f.map(3, () -> f.between(0, 9), () -> f.<Object>either(f::anyLong, () -> f.between(0, 2),
				() -> f.wellFormedString(20), () -> f.oneOf("P", "V", "X", ""), () -> f.bytes(20), () -> new byte[16],
				() -> f.list(3, () -> f.wellFormedString(8)), f::anyDouble, () -> f.oneOf(Long.MAX_VALUE, Long.MIN_VALUE),
				() -> true)));
		return body;
	}

	private interface Writer {
		void write(tools.jackson.dataformat.cbor.CBORGenerator g);
	}

	private static byte[] write(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var g = (tools.jackson.dataformat.cbor.CBORGenerator) CBOR.createGenerator(out)) {
			writer.write(g);
		}
		return out.toByteArray();
	}
}
