package org.gridlink.passes.token;

import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import org.gridlink.passes.PassClaims;
import org.gridlink.passes.PassType;
import org.gridlink.passes.Verdict;
import org.gridlink.passes.VerifyReason;
import org.gridlink.support.FuzzBudget;

import tools.jackson.dataformat.cbor.CBORMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the pass decoder (issue 12): scanned and typed codes, Base45 and the text form, COSE structures and signed
 * CBOR payloads of any shape. The verifier answers a {@link Verdict} for every input, Base45 and Base32 refuse with
 * {@link IllegalArgumentException} only, the token parser with {@link TokenRejected} only; nothing hangs.
 */
@PropertyDefaults(tries = 600)
@AddLifecycleHook(FuzzBudget.class)
class PassDecoderFuzzTest {

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

	@Example
	void theGoodCodeIsValid() {
		assertThat(verify(GOOD).reason()).isEqualTo(VerifyReason.OK);
		assertThat(verify(PassCodeText.of(GOOD)).reason()).isEqualTo(VerifyReason.OK);
	}

	@Property
	void anyText(@ForAll("texts") String code) {
		verify(code);
	}

	@Property
	void anyBase45(@ForAll @Size(max = 400) byte[] cose, @ForAll boolean text) {
		String code = "GL1:" + Base45.encode(cose);
		verify(text ? PassCodeText.of(code) : code);
	}

	@Property
	void base45AndBase32RefuseOnlyWithIllegalArgument(@ForAll("base45ish") String text) {
		assertTimeoutPreemptively(LIMIT, () -> {
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
		});
	}

	@Property
	void aGoodCodeWithBytesChanged(@ForAll("changes") List<Integer> changes) {
		byte[] cose = Base45.decode(GOOD.substring(4));
		for (int change : changes) {
			cose[Math.floorMod(change, cose.length)] ^= (byte) (change >>> 16 | 1);
		}
		verify("GL1:" + Base45.encode(cose));
	}

	@Property
	void aGoodCodeCutShort(@ForAll("cuts") int cut) {
		verify(GOOD.substring(0, Math.min(GOOD.length(), cut)));
	}

	/** Signed by the trusted key, so the payload reader itself is fuzzed: any CBOR value in any claim. */
	@Property(tries = 300)
	void signedPayloadsOfAnyShape(@ForAll("payloads") Map<Integer, Object> body) throws Exception {
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
	}

	/** Found by this fuzzer: a validity beyond what Instant holds threw DateTimeException out of the verifier. */
	@Example
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

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
				Arbitraries.strings().withChars(Base45.ALPHABET + "gl:-").ofMaxLength(400).map(s -> "GL1:" + s),
				Arbitraries.strings().withChars("0123456789ABCDEFGHJKMNPQRSTVWXYZOIL -").ofMaxLength(400)
						.map(s -> "GL1 " + s),
				Arbitraries.strings().ofMinLength(1990).ofMaxLength(2100).map(s -> "GL1:" + s));
	}

	@Provide
	Arbitrary<String> base45ish() {
		return Arbitraries.oneOf(Arbitraries.strings().withChars(Base45.ALPHABET).ofMaxLength(300),
				Arbitraries.strings().ofMaxLength(50));
	}

	@Provide
	Arbitrary<List<Integer>> changes() {
		return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(6);
	}

	@Provide
	Arbitrary<Integer> cuts() {
		return Arbitraries.integers().between(0, 400);
	}

	@Provide
	Arbitrary<Map<Integer, Object>> payloads() {
		Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.longs().map(Object.class::cast),
				Arbitraries.integers().between(0, 2).map(Object.class::cast),
				Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
				Arbitraries.of("P", "V", "X", "").map(Object.class::cast),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(Object.class::cast),
				Arbitraries.just(new byte[16]).map(Object.class::cast),
				Arbitraries.strings().ofMaxLength(8).list().ofMaxSize(3).map(Object.class::cast),
				Arbitraries.doubles().map(Object.class::cast), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE).map(Object.class::cast), Arbitraries.just(true).map(Object.class::cast));
		return Arbitraries.maps(Arbitraries.integers().between(0, 9), value).ofMaxSize(3).map(m -> {
			Map<Integer, Object> body = new java.util.TreeMap<>(Map.of(1, 1, 2, new byte[16], 3, "P", 4, "张*", 5,
					List.of("320819001001"), 6, 0L, 7, NOW.getEpochSecond() + 60, 8, "320819"));
			body.putAll(m);
			return body;
		});
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
