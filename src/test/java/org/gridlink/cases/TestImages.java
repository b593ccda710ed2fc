package org.gridlink.cases;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Small real images for tests, and the same images with location metadata put in. */
final class TestImages {

	static final String GPS = "GPSLatitude=33.6123N GPSLongitude=119.1234E";

	private TestImages() {
	}

	static byte[] image(String format) {
		BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, 24, 16);
		g.setColor(Color.BLUE);
		g.fillRect(4, 4, 8, 8);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A JPEG with an APP1 Exif segment holding a GPS marker string and a COM segment, right after SOI. */
	static byte[] jpegWithGps(byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), GPS.getBytes(StandardCharsets.UTF_8)));
		segment(out, 0xFE, "taken by Zhang San, 13800138000".getBytes(StandardCharsets.UTF_8));
		segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + GPS + "</x:xmpmeta>")
				.getBytes(StandardCharsets.UTF_8));
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
		out.write(0xFF);
		out.write(marker);
		int length = data.length + 2;
		out.write(length >>> 8);
		out.write(length & 0xFF);
		out.write(data, 0, data.length);
	}

	/** A PNG with tEXt, eXIf and tIME chunks (valid CRCs) right after IHDR. */
	static byte[] pngWithGps(byte[] plain) {
		int ihdrEnd = 8 + 12 + 13;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, ihdrEnd);
		chunk(out, "tEXt", ("Comment\0" + GPS).getBytes(StandardCharsets.ISO_8859_1));
		chunk(out, "eXIf", concat(new byte[] { 'M', 'M', 0, 42 }, GPS.getBytes(StandardCharsets.ISO_8859_1)));
		chunk(out, "tIME", new byte[] { 0x07, (byte) 0xEA, 11, 29, 10, 0, 0 });
		out.write(plain, ihdrEnd, plain.length - ihdrEnd);
		return out.toByteArray();
	}

	static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
		writeBe(out, data.length);
		out.write(t, 0, 4);
		out.write(data, 0, data.length);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		writeBe(out, (int) crc.getValue());
	}

	private static void writeBe(ByteArrayOutputStream out, int v) {
		out.write(v >>> 24);
		out.write(v >>> 16);
		out.write(v >>> 8);
		out.write(v);
	}

	/** A minimal extended WebP: VP8X (EXIF and XMP flags set), a VP8L image chunk, EXIF (odd size) and XMP. */
	static byte[] webpWithGps() {
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		byte[] vp8x = { 0x08 | 0x04, 0, 0, 0, 23, 0, 0, 15, 0, 0 }; // flags, reserved, width-1=23, height-1=15
		riffChunk(chunks, "VP8X", vp8x);
		riffChunk(chunks, "VP8L", vp8l());
		riffChunk(chunks, "EXIF", ("MM\0*" + GPS + "!").getBytes(StandardCharsets.ISO_8859_1));
		riffChunk(chunks, "XMP ", ("<x:xmpmeta>" + GPS + "</x:xmpmeta>").getBytes(StandardCharsets.ISO_8859_1));
		return riff(chunks.toByteArray());
	}

	/** The same image as {@link #webpWithGps()} without EXIF and XMP (flags cleared): what stripping must give. */
	static byte[] webpPlain() {
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		riffChunk(chunks, "VP8X", new byte[] { 0, 0, 0, 0, 23, 0, 0, 15, 0, 0 });
		riffChunk(chunks, "VP8L", vp8l());
		return riff(chunks.toByteArray());
	}

	/** A VP8L header for 24×16 and some bytes (the checker does not decode the bitstream). */
	static byte[] vp8l() {
		return new byte[] { 0x2F, 23, (byte) 0xC0, 0x03, 0x00, 0x07, 0x10, 0x11, 0x12 };
	}

	static byte[] riff(byte[] chunks) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
		int size = 4 + chunks.length;
		out.write(size);
		out.write(size >>> 8);
		out.write(size >>> 16);
		out.write(size >>> 24);
		out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(chunks);
		return out.toByteArray();
	}

	static void riffChunk(ByteArrayOutputStream out, String fourCc, byte[] data) {
		out.writeBytes(fourCc.getBytes(StandardCharsets.ISO_8859_1));
		out.write(data.length);
		out.write(data.length >>> 8);
		out.write(data.length >>> 16);
		out.write(data.length >>> 24);
		out.writeBytes(data);
		if ((data.length & 1) == 1) {
			out.write(0);
		}
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] c = new byte[a.length + b.length];
		System.arraycopy(a, 0, c, 0, a.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}

	static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}
}
