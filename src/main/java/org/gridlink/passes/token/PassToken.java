package org.gridlink.passes.token;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridlink.passes.PassClaims;
import org.gridlink.passes.PassType;
import org.gridlink.passes.VerifyReason;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The pass token: {@code GL1:} + Base45 of a COSE_Sign1 structure (RFC 9052, CBOR tag 18):
 * {@code [protected: bstr {1: alg, 4: kid}, unprotected: {}, payload: bstr, signature: bstr(64)]}, signed over the
 * Sig_structure {@code ["Signature1", protected, h'', payload]}. The payload is a CBOR map with integer keys:
 * 1 version, 2 pass id (16 bytes), 3 type ({@code P}/{@code V}), 4 holder (masked name or plate), 5 zones (array of
 * codes), 6 valid from, 7 valid to (epoch seconds), 8 district code. docs/passes.md shows it byte by byte. The
 * same bytes have a text form to read aloud and type ({@link PassCodeText}), which {@link #parse} also takes.
 */
public final class PassToken {

	public static final String PREFIX = "GL1:";
	/** Longest code accepted; a real one is about 250 characters. */
	public static final int MAX_LENGTH = 2000;
	static final int COSE_SIGN1_TAG = 18;

	private static final CBORMapper CBOR = CBORMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

	private PassToken() {
	}

	/** Signs the claims with the key and returns the code. */
	public static String sign(PassClaims claims, SigningKey key) {
		byte[] protectedHeader = cbor(g -> {
			g.writeStartObject(null, 2);
			g.writePropertyId(1);
			g.writeNumber(key.algorithm().coseId());
			g.writePropertyId(4);
			g.writeBinary(key.kid());
			g.writeEndObject();
		});
		byte[] payload = payload(claims);
		byte[] signature = key.algorithm().sign(key.privateKey(), toBeSigned(protectedHeader, payload));
		byte[] cose = cbor(g -> {
			g.writeTag(COSE_SIGN1_TAG);
			g.writeStartArray(null, 4);
			g.writeBinary(protectedHeader);
			g.writeStartObject(null, 0);
			g.writeEndObject();
			g.writeBinary(payload);
			g.writeBinary(signature);
			g.writeEndArray();
		});
		return PREFIX + Base45.encode(cose);
	}

	static byte[] payload(PassClaims claims) {
		return cbor(g -> {
			g.writeStartObject(null, 8);
			g.writePropertyId(1);
			g.writeNumber(claims.version());
			g.writePropertyId(2);
			g.writeBinary(uuidBytes(claims.passId()));
			g.writePropertyId(3);
			g.writeString(claims.type().letter());
			g.writePropertyId(4);
			g.writeString(claims.holder());
			g.writePropertyId(5);
			g.writeStartArray(null, claims.zones().size());
			for (String zone : claims.zones()) {
				g.writeString(zone);
			}
			g.writeEndArray();
			g.writePropertyId(6);
			g.writeNumber(claims.validFrom().getEpochSecond());
			g.writePropertyId(7);
			g.writeNumber(claims.validTo().getEpochSecond());
			g.writePropertyId(8);
			g.writeString(claims.district());
			g.writeEndObject();
		});
	}

	/** The Sig_structure of COSE_Sign1 with empty external data: what the signature covers. */
	static byte[] toBeSigned(byte[] protectedHeader, byte[] payload) {
		return cbor(g -> {
			g.writeStartArray(null, 4);
			g.writeString("Signature1");
			g.writeBinary(protectedHeader);
			g.writeBinary(new byte[0]);
			g.writeBinary(payload);
			g.writeEndArray();
		});
	}

	/** A code taken apart, signature not yet checked. */
	public record Parsed(long algorithm, byte[] kid, byte[] payload, byte[] signature, byte[] toBeSigned) {
	}

	/** Takes a code apart; the reason tells which layer failed. The signature is not checked here. */
	public static Parsed parse(String code) throws TokenRejected {
		byte[] cose = cose(code);
		// tag 18 (0xD2) or none, then an array of 4 (0x84); the tree reader would skip any other tag unseen
		int start = cose.length > 0 && (cose[0] & 0xff) == 0xD2 ? 1 : 0;
		if (cose.length <= start || (cose[start] & 0xff) != 0x84) {
			throw new TokenRejected(VerifyReason.BAD_STRUCTURE, "not a tagged COSE_Sign1 array");
		}
		try {
			JsonNode root = CBOR.readTree(cose, start, cose.length - start);
			if (root == null || !root.isArray() || root.size() != 4 || !root.get(0).isBinary()
					|| !root.get(1).isObject() || !root.get(2).isBinary() || !root.get(3).isBinary()) {
				throw new TokenRejected(VerifyReason.BAD_STRUCTURE, "not a COSE_Sign1 array");
			}
			byte[] protectedHeader = root.get(0).binaryValue();
			JsonNode header = CBOR.readTree(protectedHeader);
			if (header == null || !header.isObject() || header.size() != 2 || !header.path("1").isIntegralNumber()
					|| !header.path("4").isBinary()) {
				throw new TokenRejected(VerifyReason.BAD_STRUCTURE, "protected header");
			}
			byte[] payload = root.get(2).binaryValue();
			return new Parsed(header.get("1").asLong(), header.get("4").binaryValue(), payload,
					root.get(3).binaryValue(), toBeSigned(protectedHeader, payload));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new TokenRejected(VerifyReason.BAD_STRUCTURE, String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The COSE bytes of a code as scanned ({@code GL1:} + Base45, upper-cased: Base45 has no lower-case letters) or
	 * typed from its text form ({@link PassCodeText}: spaces, hyphens and case do not matter).
	 */
	private static byte[] cose(String code) throws TokenRejected {
		String upper = code.toUpperCase(java.util.Locale.ROOT);
		boolean text = !upper.startsWith(PREFIX) && PassCodeText.isText(upper);
		if (code.length() > MAX_LENGTH || !upper.startsWith(PREFIX) && !text) {
			throw new TokenRejected(VerifyReason.BAD_PREFIX, "not a GL1 code");
		}
		try {
			return text ? PassCodeText.decode(upper) : Base45.decode(upper.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new TokenRejected(VerifyReason.BAD_BASE45, ex.getMessage());
		}
	}

	/** Reads the signed body; call only after the signature has been checked. */
	public static PassClaims claims(byte[] payload) throws TokenRejected {
		try {
			JsonNode body = CBOR.readTree(payload);
			if (body == null || !body.isObject() || !body.path("1").isInt() || body.get("1").intValue() != 1
					|| !body.path("2").isBinary() || body.get("2").binaryValue().length != 16
					|| !body.path("3").isString() || !body.path("4").isString() || !body.path("5").isArray()
					|| !body.path("6").isIntegralNumber() || !body.path("7").isIntegralNumber()
					|| !body.path("8").isString()) {
				throw new TokenRejected(VerifyReason.BAD_PAYLOAD, "not a version 1 pass");
			}
			List<String> zones = new ArrayList<>();
			for (JsonNode zone : body.get("5")) {
				if (!zone.isString()) {
					throw new TokenRejected(VerifyReason.BAD_PAYLOAD, "zone");
				}
				zones.add(zone.stringValue());
			}
			return new PassClaims(1, uuid(body.get("2").binaryValue()), PassType.ofLetter(body.get("3").stringValue()),
					body.get("4").stringValue(), zones, Instant.ofEpochSecond(body.get("6").asLong()),
					Instant.ofEpochSecond(body.get("7").asLong()), body.get("8").stringValue());
		}
		catch (JacksonException | IllegalArgumentException | java.time.DateTimeException ex) {
			// DateTimeException: a validity beyond what Instant holds (found by PassDecoderFuzzTest)
			throw new TokenRejected(VerifyReason.BAD_PAYLOAD, String.valueOf(ex.getMessage()));
		}
	}

	/** The decoded body as a generic CBOR tree, for inspection (tests, the command-line verifier's output). */
	public static JsonNode payloadTree(String code) throws TokenRejected {
		return CBOR.readTree(parse(code).payload());
	}

	public static byte[] uuidBytes(UUID id) {
		return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
				.array();
	}

	static UUID uuid(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return new UUID(buffer.getLong(), buffer.getLong());
	}

	private interface Writer {
		void write(CBORGenerator generator);
	}

	private static byte[] cbor(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (CBORGenerator generator = (CBORGenerator) CBOR.createGenerator(out)) {
			writer.write(generator);
		}
		return out.toByteArray();
	}
}
