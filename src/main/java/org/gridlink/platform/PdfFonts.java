package org.gridlink.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of the PDFs GridLink writes: WenQuanYi Micro Hei (sans, CJK and Latin) and its monospaced face, read once
 * from the jar ({@code fonts/wqy-microhei.ttc}) and embedded in each PDF as a subset (Identity-H), so that no reader
 * needs Chinese fonts of its own.
 */
@org.springframework.modulith.NamedInterface("api")
public final class PdfFonts {

	private static final String FILE = "wqy-microhei.ttc";
	private static final byte[] BYTES = read();

	private PdfFonts() {
	}

	/** The sans face (TTC index 0). */
	public static BaseFont regular() {
		return create(0);
	}

	/** The monospaced face (TTC index 1), for codes. */
	public static BaseFont mono() {
		return create(1);
	}

	private static BaseFont create(int index) {
		try {
			BaseFont font = BaseFont.createFont(FILE + "," + index, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BYTES,
					null);
			font.setSubset(true);
			return font;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read() {
		try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + FILE)) {
			if (in == null) {
				throw new IllegalStateException("fonts/" + FILE + " is missing from the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
