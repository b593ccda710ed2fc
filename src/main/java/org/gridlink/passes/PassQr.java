package org.gridlink.passes;

import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import org.gridlink.platform.QrPng;

/**
 * A pass code as a QR image (PNG, black on white, 4-module quiet zone). The code uses only the QR alphanumeric set
 * ({@code GL1:} + Base45), so ZXing encodes it in alphanumeric mode; error correction M as the EU certificate.
 */
final class PassQr {

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
		return QrPng.of(code, scale);
	}
}
