package org.gridlink.passes.token;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The pass code as text to read aloud and type: the same COSE bytes as the QR's {@code GL1:} + Base45, written as
 * {@code GL1} + Crockford Base32 in groups of five ({@code GL1 6CNJ4 0Q8R1 …}). Base45 itself cannot be typed with
 * or without spaces (the space is one of its characters); Base32 has neither spaces nor look-alikes: typed text is
 * read case-insensitively, spaces and hyphens are ignored, {@code O} reads as 0 and {@code I}/{@code L} as 1.
 */
public final class PassCodeText {

	/** The text form's prefix: {@code GL1} without the colon of the QR form. */
	public static final String PREFIX = "GL1";
	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final int GROUP = 5;
	private static final int[] VALUES = new int[128];

	static {
		java.util.Arrays.fill(VALUES, -1);
		for (int i = 0; i < ALPHABET.length(); i++) {
			VALUES[ALPHABET.charAt(i)] = i;
		}
		VALUES['O'] = 0;
		VALUES['I'] = 1;
		VALUES['L'] = 1;
	}

	private PassCodeText() {
	}

	/** The text form of a {@code GL1:} code, grouped for reading aloud; the code itself when it is not one. */
	public static String of(String code) {
		if (!code.startsWith(PassToken.PREFIX)) {
			return code;
		}
		String text = encode(Base45.decode(code.substring(PassToken.PREFIX.length())));
		StringBuilder out = new StringBuilder(PREFIX);
		for (int i = 0; i < text.length(); i += GROUP) {
			out.append(' ').append(text, i, Math.min(text.length(), i + GROUP));
		}
		return out.toString();
	}

	/** True when the typed text is in the text form (after {@code GL1} comes no colon). */
	static boolean isText(String typed) {
		String compact = compact(typed);
		return compact.startsWith(PREFIX) && !compact.startsWith(PassToken.PREFIX);
	}

	/** The bytes of a typed text form; {@link IllegalArgumentException} when not Base32. */
	static byte[] decode(String typed) {
		String body = compact(typed).substring(PREFIX.length());
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			int v = c < 128 ? VALUES[c] : -1;
			if (v < 0) {
				throw new IllegalArgumentException("Base32: not in the alphabet");
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				out.write((buffer >> bits) & 0xff);
			}
		}
		if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
			throw new IllegalArgumentException("Base32: a dangling character");
		}
		return out.toByteArray();
	}

	static String encode(byte[] data) {
		StringBuilder out = new StringBuilder(data.length * 8 / 5 + 1);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				out.append(ALPHABET.charAt((buffer >> bits) & 31));
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	private static String compact(String typed) {
		return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
	}
}
