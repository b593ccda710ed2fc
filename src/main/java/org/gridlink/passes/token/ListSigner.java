package org.gridlink.passes.token;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The key that signs the trust and revocation lists now, with its SubjectPublicKeyInfo, and during a rotation of the
 * list key the key that takes over at {@code next.from}. The announcement travels inside the payload of lists
 * signed by the current key ({@code "nextListKey":{"kid","publicKey","from"}}), so a verifier that pins the current
 * key learns the next one from a list it already trusts, and accepts lists signed by either until it drops the old
 * pin (docs/passes.md, "Rotating the list key").
 */
public record ListSigner(SigningKey key, byte[] spki, @Nullable Next next) {

	/** The next list key: its id (hex), SubjectPublicKeyInfo and the time from which it signs the lists. */
	public record Next(String kid, byte[] spki, Instant from) {

		Map<String, Object> toPayload() {
			Map<String, Object> announced = new LinkedHashMap<>();
			announced.put("kid", kid);
			announced.put("publicKey", Base64.getEncoder().encodeToString(spki));
			announced.put("from", from.getEpochSecond());
			return announced;
		}
	}

	public String kidHex() {
		return HexFormat.of().formatHex(key.kid());
	}

	/**
	 * The next list key announced in a signed list, checked: the envelope must be signed by one of the pinned keys
	 * and the announced id must be the hash of the announced public key. Empty when the list announces none.
	 */
	public static Optional<Next> announced(String envelope, String format, Set<String> pinnedKids) {
		JsonNode payload = SignedList.openPinned(envelope, format, pinnedKids);
		JsonNode next = payload.path("nextListKey");
		if (next.isMissingNode() || next.isNull()) {
			return Optional.empty();
		}
		byte[] spki = Base64.getDecoder().decode(next.path("publicKey").asString(""));
		String kid = HexFormat.of().formatHex(PassAlgorithm.keyId(spki));
		if (!kid.equals(next.path("kid").asString(""))) {
			throw new IllegalArgumentException("The announced list key id does not match its key");
		}
		PassAlgorithm.ES256.publicKey(spki); // must be a P-256 key
		return Optional.of(new Next(kid, spki, Instant.ofEpochSecond(next.path("from").asLong())));
	}
}
