package org.gridlink.passes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.Mode;

import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.passes.token.PassToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.passes.PassVerifierTest.*;

/** The QR image holds the code in alphanumeric mode and reads back as the same code. */
class PassQrTest {

	@Test
	void theQrCodeReadsBackAsTheCodeInAlphanumericMode() throws Exception {
		String code = PassToken.sign(claims(UUID.randomUUID(), Instant.now(), Instant.now().plusSeconds(3600)),
				key(PassAlgorithm.SM2_SM3, SM2));
		assertThat(PassQr.encode(code).getMode()).isEqualTo(Mode.ALPHANUMERIC);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(PassQr.png(code, 4)));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
		assertThat(read).isEqualTo(code);
	}
}
