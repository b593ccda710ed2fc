package org.gridlink.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Unkeyed digests for secrets we store only as a hash (API tokens, client keys); keyed hashes are elsewhere. */
@org.springframework.modulith.NamedInterface("api")
public final class Hashes {

	private Hashes() {
	}

	/** SHA-256 of the bytes. */
	public static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every JDK has SHA-256", impossible);
		}
	}

	/** SHA-256 of the text's UTF-8 bytes, as lower-case hex. */
	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
	}
}
