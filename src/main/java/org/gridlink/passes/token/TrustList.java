package org.gridlink.passes.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The signed list of public keys that sign passes (withdrawn keys are left out), with the time it was issued.
 * Payload: {@code {"format":"GL-TRUST-1","issuedAt":epochSeconds,"district":"320819","keys":[{"kid","alg",
 * "publicKey"}]}}.
 */
public record TrustList(Instant issuedAt, String district, List<VerificationKey> keys) {

	public static final String FORMAT = "GL-TRUST-1";

	public TrustList {
		keys = List.copyOf(keys);
	}

	/** One key of the list: algorithm and SubjectPublicKeyInfo. */
	public record Entry(PassAlgorithm algorithm, byte[] spki) {
	}

	public static String sign(Instant issuedAt, String district, List<Entry> keys, SigningKey listKey,
			byte[] listKeySpki) {
		return sign(issuedAt, district, keys, new ListSigner(listKey, listKeySpki, null));
	}

	/** Signed by {@code signer}, announcing its successor during a list key rotation. */
	public static String sign(Instant issuedAt, String district, List<Entry> keys, ListSigner signer) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Entry key : keys) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("kid", HexFormat.of().formatHex(PassAlgorithm.keyId(key.spki())));
			row.put("alg", key.algorithm().name());
			row.put("publicKey", Base64.getEncoder().encodeToString(key.spki()));
			out.add(row);
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("format", FORMAT);
		payload.put("issuedAt", issuedAt.getEpochSecond());
		payload.put("district", district);
		payload.put("keys", out);
		return SignedList.sign(payload, signer);
	}

	/** Reads and checks a signed trust list; fails with {@link IllegalArgumentException}. */
	public static TrustList read(String envelope, @Nullable String pinnedListKid) {
		return readPinned(envelope, pinnedListKid == null ? java.util.Set.of()
				: java.util.Set.of(pinnedListKid.toLowerCase(java.util.Locale.ROOT)));
	}

	/** The same with several pinned list key ids (during a list key rotation). */
	public static TrustList readPinned(String envelope, java.util.Set<String> pinnedListKids) {
		JsonNode payload = SignedList.openPinned(envelope, FORMAT, pinnedListKids);
		List<VerificationKey> keys = new ArrayList<>();
		for (JsonNode key : payload.path("keys")) {
			PassAlgorithm algorithm = PassAlgorithm.valueOf(key.path("alg").asString(""));
			VerificationKey parsed = VerificationKey.of(algorithm,
					Base64.getDecoder().decode(key.path("publicKey").asString("")));
			if (!parsed.kidHex().equals(key.path("kid").asString(""))) {
				throw new IllegalArgumentException("Key id does not match its key: " + parsed.kidHex());
			}
			keys.add(parsed);
		}
		return new TrustList(Instant.ofEpochSecond(payload.path("issuedAt").asLong()),
				payload.path("district").asString(""), keys);
	}
}
