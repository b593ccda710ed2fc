package org.gridlink.passes.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope of the signed trust and revocation lists: JSON
 * {@code {"alg":"ES256","kid":hex,"publicKey":base64 SPKI,"payload":base64 JSON,"signature":base64 r||s}}. The
 * signature is ES256 over the payload bytes as they are (no canonical JSON needed), so a browser checks it with
 * WebCrypto. The payload names its own {@code format}, so a revocation list cannot pass for a trust list. Readers
 * should pin the list-signing key id; without a pin the envelope only proves integrity.
 */
public final class SignedList {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private SignedList() {
	}

	/** Wraps a payload object (serialised to JSON here) into a signed envelope. */
	public static String sign(Map<String, Object> payload, SigningKey listKey, byte[] listKeySpki) {
		return sign(payload, new ListSigner(listKey, listKeySpki, null));
	}

	/** The same, announcing the signer's successor in the payload while a list key rotation is under way. */
	public static String sign(Map<String, Object> payload, ListSigner signer) {
		if (signer.next() != null) {
			payload = new LinkedHashMap<>(payload);
			payload.put("nextListKey", signer.next().toPayload());
		}
		SigningKey listKey = signer.key();
		byte[] listKeySpki = signer.spki();
		if (listKey.algorithm() != PassAlgorithm.ES256) {
			throw new IllegalArgumentException("Lists are signed with ES256");
		}
		byte[] body = JSON.writeValueAsBytes(payload);
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("alg", listKey.algorithm().name());
		envelope.put("kid", HexFormat.of().formatHex(listKey.kid()));
		envelope.put("publicKey", Base64.getEncoder().encodeToString(listKeySpki));
		envelope.put("payload", Base64.getEncoder().encodeToString(body));
		envelope.put("signature", Base64.getEncoder().encodeToString(listKey.algorithm().sign(listKey.privateKey(), body)));
		return JSON.writeValueAsString(envelope);
	}

	/**
	 * Checks an envelope and returns its payload of the given format; {@code pinnedKid} (hex), when given, must be
	 * the signer's key id.
	 */
	public static JsonNode open(String envelope, String format, @Nullable String pinnedKid) {
		return openPinned(envelope, format, pinnedKid == null ? java.util.Set.of() : java.util.Set.of(pinnedKid.toLowerCase(java.util.Locale.ROOT)));
	}

	/**
	 * The same with several pinned key ids (hex, lower case), as a verifier holds during a list key rotation; an
	 * empty set pins nothing.
	 */
	public static JsonNode openPinned(String envelope, String format, java.util.Set<String> pinnedKids) {
		try {
			JsonNode root = JSON.readTree(envelope);
			if (!"ES256".equals(root.path("alg").asString(""))) {
				throw new IllegalArgumentException("A list must be signed with ES256");
			}
			byte[] spki = Base64.getDecoder().decode(root.path("publicKey").asString(""));
			String kid = HexFormat.of().formatHex(PassAlgorithm.keyId(spki));
			if (!kid.equals(root.path("kid").asString("")) || !pinnedKids.isEmpty() && !pinnedKids.contains(kid)) {
				throw new IllegalArgumentException("The list is signed by key " + kid + ", not the expected one");
			}
			byte[] body = Base64.getDecoder().decode(root.path("payload").asString(""));
			byte[] signature = Base64.getDecoder().decode(root.path("signature").asString(""));
			if (!PassAlgorithm.ES256.verify(PassAlgorithm.ES256.publicKey(spki), body, signature)) {
				throw new IllegalArgumentException("The list's signature does not match");
			}
			JsonNode payload = JSON.readTree(new String(body, StandardCharsets.UTF_8));
			if (!format.equals(payload.path("format").asString(""))) {
				throw new IllegalArgumentException("Not a " + format + " list");
			}
			return payload;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not a signed list: " + ex.getOriginalMessage(), ex);
		}
	}
}
