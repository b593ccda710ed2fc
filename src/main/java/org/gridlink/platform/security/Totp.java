package org.gridlink.platform.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, the parameters every
 * authenticator app uses by default. JDK crypto only. Pure: the caller gives the time and keeps the last accepted
 * step (replay).
 */
final class Totp {

	static final int STEP_SECONDS = 30;
	static final int DIGITS = 6;
	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** The time step of an instant given in epoch seconds. */
	static long step(long epochSeconds) {
		return Math.floorDiv(epochSeconds, STEP_SECONDS);
	}

	/** The code of one time step, {@code digits} long with leading zeros. */
	static String code(byte[] secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
					| hash[offset + 3] & 0xff;
			int modulo = (int) Math.pow(10, digits);
			return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 unavailable", ex);
		}
	}

	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	/**
	 * The step whose code matches, looking one step back and one ahead of {@code now} for clock drift and typing
	 * time, and only at steps after {@code lastAccepted} (a code is accepted once); empty when none matches.
	 */
	static OptionalLong match(byte[] secret, String typed, long epochSeconds, long lastAccepted) {
		String digits = typed == null ? "" : typed.replaceAll("\\s", "");
		if (!digits.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long now = step(epochSeconds);
		for (long candidate = now - 1; candidate <= now + 1; candidate++) {
			if (candidate > lastAccepted && java.security.MessageDigest.isEqual(code(secret, candidate).getBytes(),
					digits.getBytes())) {
				return OptionalLong.of(candidate);
			}
		}
		return OptionalLong.empty();
	}

	/** RFC 4648 base32 without padding, as otpauth:// URIs and authenticator apps expect. */
	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = buffer << 8 | b & 0xff;
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt(buffer >> bits - 5 & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt(buffer << 5 - bits & 31));
		}
		return out.toString();
	}

	static byte[] fromBase32(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = buffer << 5 | value;
			bits += 5;
			if (bits >= 8) {
				out.write(buffer >> bits - 8 & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
