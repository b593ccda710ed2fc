package org.gridlink.passes.token;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set, a last odd byte two characters.
 * Decoding is strict: a character outside the set, a dangling single character or a group whose value overflows is
 * refused with {@link IllegalArgumentException}.
 */
public final class Base45 {

	static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
	private static final int[] VALUES = new int[128];

	static {
		java.util.Arrays.fill(VALUES, -1);
		for (int i = 0; i < ALPHABET.length(); i++) {
			VALUES[ALPHABET.charAt(i)] = i;
		}
	}

	private Base45() {
	}

	public static String encode(byte[] data) {
		StringBuilder out = new StringBuilder((data.length + 1) / 2 * 3);
		int i = 0;
		for (; i + 1 < data.length; i += 2) {
			int n = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
			out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
		}
		if (i < data.length) {
			int n = data[i] & 0xff;
			out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
		}
		return out.toString();
	}

	public static byte[] decode(String text) {
		if (text.length() % 3 == 1) {
			throw new IllegalArgumentException("Base45: a dangling character");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 3 * 2 + 1);
		int i = 0;
		for (; i + 2 < text.length(); i += 3) {
			int n = value(text.charAt(i)) + value(text.charAt(i + 1)) * 45 + value(text.charAt(i + 2)) * 2025;
			if (n > 0xffff) {
				throw new IllegalArgumentException("Base45: a group above 65535");
			}
			out.write(n >> 8);
			out.write(n & 0xff);
		}
		if (i < text.length()) {
			int n = value(text.charAt(i)) + value(text.charAt(i + 1)) * 45;
			if (n > 0xff) {
				throw new IllegalArgumentException("Base45: a last group above 255");
			}
			out.write(n);
		}
		return out.toByteArray();
	}

	private static int value(char c) {
		int v = c < 128 ? VALUES[c] : -1;
		if (v < 0) {
			throw new IllegalArgumentException("Base45: not in the alphabet: " + (int) c);
		}
		return v;
	}
}
