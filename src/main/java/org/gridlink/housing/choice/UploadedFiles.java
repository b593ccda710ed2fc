package org.gridlink.housing.choice;

import java.nio.charset.StandardCharsets;

import org.gridlink.cases.PhotoCheck;
import org.gridlink.platform.InvalidInputException;

/**
 * The check of drawings and signed scans, by their bytes, never by name or declared type: a complete PDF ({@code %PDF-}
 * at the start, {@code %%EOF} near the end) or a photo as the case photos are checked ({@link PhotoCheck}: JPEG, PNG
 * or WebP, complete, metadata removed); at most 10 MB. Anything else is a 400.
 */
public final class UploadedFiles {

	public static final int MAX_BYTES = 10 * 1024 * 1024;
	public static final String PDF = "application/pdf";

	/** A checked file: its type and the bytes to keep (a photo without its metadata). */
	public record Checked(String contentType, byte[] bytes) {
	}

	private UploadedFiles() {
	}

	public static Checked check(byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("housing.choice.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("housing.choice.file.too.large", MAX_BYTES / (1024 * 1024));
		}
		if (content.length >= 5 && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			int from = Math.max(0, content.length - 1024);
			String tail = new String(content, from, content.length - from, StandardCharsets.ISO_8859_1);
			if (!tail.contains("%%EOF")) {
				throw new InvalidInputException("housing.choice.file.broken");
			}
			return new Checked(PDF, content);
		}
		try {
			PhotoCheck.CheckedPhoto photo = PhotoCheck.check(content);
			return new Checked(photo.contentType(), photo.bytes());
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.messageKey().equals("cases.photo.type") ? "housing.choice.file.type"
					: "housing.choice.file.broken");
		}
	}
}
