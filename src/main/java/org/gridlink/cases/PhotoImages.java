package org.gridlink.cases;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

import org.gridlink.platform.InvalidInputException;

/**
 * Checks a photo by its bytes (JPEG, PNG or WebP, complete, at most 10 MB) and removes its metadata losslessly at
 * the byte level: the image data is copied unchanged, only the segments or chunks that carry metadata are left out.
 * <ul>
 * <li>JPEG: APP1–APP15 (EXIF and XMP, with GPS) and COM are dropped, except the two that decoding depends on: an
 * APP2 {@code ICC_PROFILE} (colours) and an APP14 {@code Adobe} (the colour transform of CMYK/YCCK files). Bytes
 * after EOI (maker trailers) are dropped too.</li>
 * <li>PNG: eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped; bytes after IEND too.</li>
 * <li>WebP: EXIF and XMP chunks are dropped, the VP8X flags for them are cleared and the RIFF size is fixed.</li>
 * </ul>
 * A file whose bytes are not one of these formats, or that ends early (a truncated upload), is refused with a 400.
 */
final class PhotoImages {

	static final int MAX_BYTES = 10 * 1024 * 1024;
	static final String JPEG = "image/jpeg";
	static final String PNG = "image/png";
	static final String WEBP = "image/webp";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

	/** A checked image: its type and the copy without metadata. */
	record Checked(String contentType, byte[] stripped) {
	}

	private PhotoImages() {
	}

	/** The content type by magic bytes, or a 400 for anything else. */
	static String detect(byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("cases.photo.empty");
		}
		if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
				&& (content[2] & 0xFF) == 0xFF) {
			return JPEG;
		}
		if (content.length >= 8 && Arrays.equals(content, 0, 8, PNG_SIGNATURE, 0, 8)) {
			return PNG;
		}
		if (content.length >= 12 && ascii(content, 0, 4).equals("RIFF") && ascii(content, 8, 4).equals("WEBP")) {
			return WEBP;
		}
		throw new InvalidInputException("cases.photo.type");
	}

	/** Checks size, type and structure; returns the type and the stripped copy. */
	static Checked check(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("cases.photo.too.large");
		}
		String type = detect(content);
		byte[] stripped = switch (type) {
			case JPEG -> stripJpeg(content);
			case PNG -> stripPng(content);
			default -> stripWebp(content);
		};
		return new Checked(type, stripped);
	}

	private static InvalidInputException broken() {
		return new InvalidInputException("cases.photo.broken");
	}

	// ---- JPEG: SOI, then marker segments; after SOS entropy-coded data up to the next real marker; EOI.

	static byte[] stripJpeg(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(0xD8);
		int p = 2;
		boolean frame = false;
		boolean scan = false;
		while (true) {
			if (p >= in.length || (in[p] & 0xFF) != 0xFF) {
				throw broken();
			}
			while (p < in.length && (in[p] & 0xFF) == 0xFF) {
				p++; // fill bytes
			}
			if (p >= in.length) {
				throw broken();
			}
			int marker = in[p++] & 0xFF;
			if (marker == 0xD9) { // EOI: done; anything after it is left out
				if (!frame || !scan) {
					throw broken();
				}
				out.write(0xFF);
				out.write(0xD9);
				return out.toByteArray();
			}
			if (marker == 0x00 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
				throw broken(); // no standalone markers belong between segments
			}
			if (p + 2 > in.length) {
				throw broken();
			}
			int length = ((in[p] & 0xFF) << 8) | (in[p + 1] & 0xFF);
			if (length < 2 || p + length > in.length) {
				throw broken();
			}
			int start = p - 2;
			int end = p + length;
			if ((marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
				frame = true;
			}
			if (keepJpegSegment(in, marker, p + 2, end)) {
				out.write(in, start, end - start);
			}
			p = end;
			if (marker == 0xDA) { // SOS: copy the entropy-coded data up to the next marker that is not RSTn
				scan = true;
				int data = p;
				while (true) {
					if (p + 1 >= in.length) {
						throw broken(); // ends inside the scan: truncated
					}
					if ((in[p] & 0xFF) == 0xFF) {
						int next = in[p + 1] & 0xFF;
						if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
							p += 2;
							continue;
						}
						if (next == 0xFF) {
							p++;
							continue;
						}
						break;
					}
					p++;
				}
				out.write(in, data, p - data);
			}
		}
	}

	private static boolean keepJpegSegment(byte[] in, int marker, int from, int end) {
		if (marker == 0xFE) {
			return false; // COM
		}
		if (marker == 0xE2) {
			return startsWith(in, from, end, "ICC_PROFILE\0");
		}
		if (marker == 0xEE) {
			return startsWith(in, from, end, "Adobe");
		}
		return marker < 0xE1 || marker > 0xEF;
	}

	// ---- PNG: signature, then chunks (length, type, data, CRC) from IHDR to IEND.

	static byte[] stripPng(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 8);
		int p = 8;
		boolean first = true;
		while (true) {
			if (p + 12 > in.length) {
				throw broken();
			}
			long length = u32be(in, p);
			if (length > in.length - p - 12L) {
				throw broken();
			}
			String type = ascii(in, p + 4, 4);
			int end = p + 12 + (int) length;
			CRC32 crc = new CRC32();
			crc.update(in, p + 4, 4 + (int) length);
			if (crc.getValue() != u32be(in, end - 4)) {
				throw broken();
			}
			if (first && !type.equals("IHDR")) {
				throw broken();
			}
			first = false;
			if (!PNG_METADATA.contains(type)) {
				out.write(in, p, end - p);
			}
			p = end;
			if (type.equals("IEND")) {
				return out.toByteArray();
			}
		}
	}

	// ---- WebP: RIFF header, then chunks (FourCC, size LE, data, pad to even).

	static byte[] stripWebp(byte[] in) {
		long riffSize = u32le(in, 4);
		if (riffSize < 4 || riffSize + 8 > in.length || (riffSize & 1) == 1) {
			throw broken();
		}
		int limit = (int) riffSize + 8;
		ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
		int p = 12;
		int vp8xFlagsAt = -1;
		boolean image = false;
		while (p < limit) {
			if (p + 8 > limit) {
				throw broken();
			}
			String fourCc = ascii(in, p, 4);
			long size = u32le(in, p + 4);
			long padded = size + (size & 1);
			if (padded > limit - p - 8L) {
				throw broken();
			}
			int end = p + 8 + (int) padded;
			if (fourCc.equals("VP8 ") || fourCc.equals("VP8L") || fourCc.equals("ANMF")) {
				image = true;
			}
			if (!fourCc.equals("EXIF") && !fourCc.equals("XMP ")) {
				if (fourCc.equals("VP8X")) {
					if (size < 10) {
						throw broken();
					}
					vp8xFlagsAt = body.size() + 8;
				}
				body.write(in, p, end - p);
			}
			p = end;
		}
		if (!image) {
			throw broken();
		}
		byte[] chunks = body.toByteArray();
		if (vp8xFlagsAt >= 0) {
			chunks[vp8xFlagsAt] &= (byte) ~(0x08 | 0x04); // EXIF and XMP flags
		}
		byte[] out = new byte[12 + chunks.length];
		System.arraycopy(in, 0, out, 0, 12);
		int size = 4 + chunks.length;
		out[4] = (byte) size;
		out[5] = (byte) (size >>> 8);
		out[6] = (byte) (size >>> 16);
		out[7] = (byte) (size >>> 24);
		System.arraycopy(chunks, 0, out, 12, chunks.length);
		return out;
	}

	private static boolean startsWith(byte[] in, int from, int end, String prefix) {
		byte[] wanted = prefix.getBytes(StandardCharsets.ISO_8859_1);
		return end - from >= wanted.length && Arrays.equals(in, from, from + wanted.length, wanted, 0, wanted.length);
	}

	private static String ascii(byte[] in, int from, int length) {
		return new String(in, from, length, StandardCharsets.ISO_8859_1);
	}

	private static long u32be(byte[] in, int p) {
		return ((in[p] & 0xFFL) << 24) | ((in[p + 1] & 0xFFL) << 16) | ((in[p + 2] & 0xFFL) << 8) | (in[p + 3] & 0xFFL);
	}

	private static long u32le(byte[] in, int p) {
		return (in[p] & 0xFFL) | ((in[p + 1] & 0xFFL) << 8) | ((in[p + 2] & 0xFFL) << 16) | ((in[p + 3] & 0xFFL) << 24);
	}
}
