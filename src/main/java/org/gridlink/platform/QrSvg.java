package org.gridlink.platform;

import com.google.zxing.qrcode.encoder.ByteMatrix;

/**
 * Text as an inline SVG QR code (error correction M, 4-module quiet zone): the second factor's otpauth:// link, a
 * check-in link for staff to show or print.
 */
@org.springframework.modulith.NamedInterface("api")
public final class QrSvg {

	private static final int QUIET_ZONE = QrPng.QUIET_ZONE;

	private QrSvg() {
	}

	public static String of(String text) {
		ByteMatrix matrix = QrPng.matrix(text);
		int size = matrix.getWidth() + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y) == 1) {
					path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"240\""
				+ " height=\"240\" class=\"gl-qr\" role=\"img\" shape-rendering=\"crispEdges\"><rect width=\"" + size
				+ "\" height=\"" + size + "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
	}
}
