package org.gridlink.cases;

/**
 * The platform's photo check for other modules: the bytes must be a complete JPEG, PNG or WebP of at most 10 MB
 * (checked by content, not by name), and the copy returned has its metadata (EXIF/XMP with GPS, comments, text
 * chunks) removed, exactly as for case photos ({@link PhotoImages}). Bad input answers 400 ({@code cases.photo.*}).
 */
@org.springframework.modulith.NamedInterface("api")
public final class PhotoCheck {

	/** The largest photo accepted, in bytes. */
	public static final int MAX_BYTES = PhotoImages.MAX_BYTES;

	/** A checked photo: its content type and the bytes without metadata. */
	public record CheckedPhoto(String contentType, byte[] bytes) {
	}

	private PhotoCheck() {
	}

	/** Checks the bytes and strips their metadata; 400 when they are empty, too large, not an image or damaged. */
	public static CheckedPhoto check(byte[] content) {
		PhotoImages.Checked checked = PhotoImages.check(content);
		return new CheckedPhoto(checked.contentType(), checked.stripped());
	}
}
