package org.gridlink.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an uploaded file into CSV text. Accepts UTF-8 (with or without the byte order mark Excel writes for
 * "CSV UTF-8") and GB18030, which is what a Chinese Excel writes for plain "CSV". Refuses binary files such as
 * Excel workbooks, images or archives: they contain NUL bytes, which no CSV text does.
 */
final class CsvText {

	private static final int SNIFF_BYTES = 8192;
	private static final Charset GB18030 = Charset.forName("GB18030");

	private CsvText() {
	}

	/** The file's text without a byte order mark; throws {@link InvalidInputException} for a binary file. */
	static String decode(byte[] bytes) {
		for (int i = 0; i < Math.min(bytes.length, SNIFF_BYTES); i++) {
			if (bytes[i] == 0) {
				throw new InvalidInputException("bulk.binary");
			}
		}
		int start = hasUtf8Bom(bytes) ? 3 : 0;
		ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(content).toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(bytes, start, bytes.length - start, GB18030);
		}
	}

	private static boolean hasUtf8Bom(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
	}
}
