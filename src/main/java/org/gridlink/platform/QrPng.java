package org.gridlink.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Text as a QR code image: PNG, black on white, error correction M, 4-module quiet zone, {@code scale} pixels a
 * module (a pass's code, the link on an enterprise's contact card). {@link QrSvg} draws the same code for a page.
 */
@org.springframework.modulith.NamedInterface("api")
public final class QrPng {

	static final int QUIET_ZONE = 4;

	private QrPng() {
	}

	/** The modules of the code for the text (error correction M). */
	static ByteMatrix matrix(String text) {
		try {
			return Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.ERROR_CORRECTION,
					ErrorCorrectionLevel.M)).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode the text as a QR code", ex);
		}
	}

	public static byte[] of(String text, int scale) {
		ByteMatrix matrix = matrix(text);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int mx = x / scale - QUIET_ZONE;
				int my = y / scale - QUIET_ZONE;
				boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
						&& matrix.get(mx, my) == 1;
				image.setRGB(x, y, dark ? 0xff000000 : 0xffffffff);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
