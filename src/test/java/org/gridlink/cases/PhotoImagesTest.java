package org.gridlink.cases;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.gridlink.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.cases.TestImages.*;

/** Photos are checked by their bytes, and their metadata is removed without touching the image data. */
class PhotoImagesTest {

	@Test
	void jpegLosesExifXmpAndCommentButKeepsItsImageDataByteForByte() throws Exception {
		byte[] plain = image("jpg");
		byte[] tagged = jpegWithGps(plain);
		assertThat(contains(tagged, "GPSLatitude")).isTrue();
		PhotoImages.Checked checked = PhotoImages.check(tagged);
		assertThat(checked.contentType()).isEqualTo("image/jpeg");
		assertThat(contains(checked.stripped(), "GPS")).isFalse();
		assertThat(contains(checked.stripped(), "Zhang San")).isFalse();
		assertThat(contains(checked.stripped(), "Exif")).isFalse();
		assertThat(checked.stripped()).isEqualTo(plain);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(checked.stripped()));
		assertThat(decoded.getWidth()).isEqualTo(24);
		assertThat(decoded.getHeight()).isEqualTo(16);
	}

	@Test
	void jpegTrailerAfterEoiIsDroppedAndIccProfileKept() {
		byte[] plain = image("jpg");
		byte[] icc = TestImages.concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.ISO_8859_1), new byte[] { 1, 2 });
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(plain, 0, 2);
		out.write(0xFF);
		out.write(0xE2);
		out.write(0);
		out.write(icc.length + 2);
		out.writeBytes(icc);
		out.write(plain, 2, plain.length - 2);
		out.writeBytes(("MOTION" + GPS).getBytes(StandardCharsets.ISO_8859_1));
		byte[] stripped = PhotoImages.check(out.toByteArray()).stripped();
		assertThat(contains(stripped, "ICC_PROFILE")).isTrue();
		assertThat(contains(stripped, "GPS")).isFalse();
		assertThat(stripped.length).isEqualTo(plain.length + icc.length + 4);
	}

	@Test
	void pngLosesTextExifAndTimeChunksAndStillDecodes() throws Exception {
		byte[] plain = image("png");
		byte[] tagged = pngWithGps(plain);
		PhotoImages.Checked checked = PhotoImages.check(tagged);
		assertThat(checked.contentType()).isEqualTo("image/png");
		assertThat(contains(checked.stripped(), "GPS")).isFalse();
		assertThat(contains(checked.stripped(), "tIME")).isFalse();
		assertThat(checked.stripped()).isEqualTo(plain);
		assertThat(ImageIO.read(new ByteArrayInputStream(checked.stripped())).getWidth()).isEqualTo(24);
	}

	@Test
	void webpLosesExifAndXmpChunksWithFlagsClearedAndRiffSizeFixed() {
		byte[] tagged = webpWithGps();
		PhotoImages.Checked checked = PhotoImages.check(tagged);
		assertThat(checked.contentType()).isEqualTo("image/webp");
		byte[] stripped = checked.stripped();
		assertThat(contains(stripped, "GPS")).isFalse();
		assertThat(contains(stripped, "EXIF")).isFalse();
		assertThat(contains(stripped, "XMP ")).isFalse();
		int riffSize = (stripped[4] & 0xFF) | (stripped[5] & 0xFF) << 8 | (stripped[6] & 0xFF) << 16
				| (stripped[7] & 0xFF) << 24;
		assertThat(riffSize).isEqualTo(stripped.length - 8);
		assertThat(stripped[20] & 0xFF).as("VP8X flags").isZero();
		assertThat(stripped).isEqualTo(webpPlain());
	}

	@Test
	void aRenamedTextFileIsNoImage() {
		assertThatThrownBy(() -> PhotoImages.check("just some text, named photo.jpg".getBytes(StandardCharsets.UTF_8)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.messageKey()).isEqualTo("cases.photo.type"));
		assertThatThrownBy(() -> PhotoImages.check(new byte[0])).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("cases.photo.empty"));
		assertThatThrownBy(() -> PhotoImages.check("GIF89a....".getBytes(StandardCharsets.ISO_8859_1)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.messageKey()).isEqualTo("cases.photo.type"));
	}

	@Test
	void truncatedOrDamagedImagesAreRefused() {
		byte[] jpeg = image("jpg");
		byte[] png = image("png");
		byte[] webp = webpWithGps();
		for (byte[] bad : new byte[][] { Arrays.copyOf(jpeg, jpeg.length / 2), Arrays.copyOf(jpeg, 3),
				Arrays.copyOf(jpeg, jpeg.length - 2), Arrays.copyOf(png, png.length - 5), Arrays.copyOf(png, 12),
				Arrays.copyOf(webp, webp.length - 4), Arrays.copyOf(webp, 12), corruptCrc(png) }) {
			assertThatThrownBy(() -> PhotoImages.check(bad)).isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("cases.photo.broken"));
		}
	}

	@Test
	void aWebpWithoutImageChunkIsRefused() {
		java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
		TestImages.riffChunk(chunks, "EXIF", GPS.getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> PhotoImages.check(TestImages.riff(chunks.toByteArray())))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.messageKey()).isEqualTo("cases.photo.broken"));
	}

	@Test
	void moreThanTenMegabytesIsRefused() {
		byte[] big = Arrays.copyOf(image("png"), PhotoImages.MAX_BYTES + 1);
		assertThatThrownBy(() -> PhotoImages.check(big)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("cases.photo.too.large"));
	}

	private static byte[] corruptCrc(byte[] png) {
		byte[] copy = png.clone();
		copy[8 + 8 + 13] ^= 0x55; // IHDR's CRC
		return copy;
	}
}
