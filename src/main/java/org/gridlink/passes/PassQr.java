package org.gridlink.passes;

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
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * A pass code as a QR image (PNG, black on white, 4-module quiet zone). The code uses only the QR alphanumeric set
 * ({@code GL1:} + Base45), so ZXing encodes it in alphanumeric mode; error correction M as the EU certificate.
 */
final class PassQr {

	static final int QUIET_ZONE = 4;

	private PassQr() {
	}

	static QRCode encode(String code) {
		try {
			return Encoder.encode(code, ErrorCorrectionLevel.M, Map.of(EncodeHintType.ERROR_CORRECTION,
					ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode the pass as a QR code", ex);
		}
	}

	/** The PNG, {@code scale} pixels per module. */
	static byte[] png(String code, int scale) {
		ByteMatrix matrix = encode(code).getMatrix();
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
