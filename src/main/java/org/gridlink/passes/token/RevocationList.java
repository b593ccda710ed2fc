package org.gridlink.passes.token;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The signed list of revoked passes, as truncated hashes (first 8 bytes of SHA-256 of the 16-byte pass id, hex): it
 * tells a checkpoint whether a pass it is shown was revoked, and no more. Passes whose window has ended are left
 * out (they are EXPIRED anyway). Payload: {@code {"format":"GL-REVOKED-1","issuedAt":epochSeconds,"hashes":[hex]}}.
 */
public record RevocationList(Instant issuedAt, Set<String> hashes) {

	public static final String FORMAT = "GL-REVOKED-1";

	public RevocationList {
		hashes = Set.copyOf(hashes);
	}

	public boolean revoked(UUID passId) {
		return hashes.contains(hash(passId));
	}

	/** First 8 bytes of SHA-256 of the pass id's 16 bytes, in hex. */
	public static String hash(UUID passId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(PassToken.uuidBytes(passId));
			return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String sign(Instant issuedAt, Collection<UUID> revoked, SigningKey listKey, byte[] listKeySpki) {
		return sign(issuedAt, revoked, new ListSigner(listKey, listKeySpki, null));
	}

	/** Signed by {@code signer}, announcing its successor during a list key rotation. */
	public static String sign(Instant issuedAt, Collection<UUID> revoked, ListSigner signer) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("format", FORMAT);
		payload.put("issuedAt", issuedAt.getEpochSecond());
		payload.put("hashes", revoked.stream().map(RevocationList::hash).sorted().toList());
		return SignedList.sign(payload, signer);
	}

	public static RevocationList read(String envelope, @Nullable String pinnedListKid) {
		return readPinned(envelope, pinnedListKid == null ? Set.of()
				: Set.of(pinnedListKid.toLowerCase(java.util.Locale.ROOT)));
	}

	/** The same with several pinned list key ids (during a list key rotation). */
	public static RevocationList readPinned(String envelope, Set<String> pinnedListKids) {
		JsonNode payload = SignedList.openPinned(envelope, FORMAT, pinnedListKids);
		Set<String> hashes = new HashSet<>();
		for (JsonNode hash : payload.path("hashes")) {
			hashes.add(hash.asString(""));
		}
		return new RevocationList(Instant.ofEpochSecond(payload.path("issuedAt").asLong()), hashes);
	}
}
