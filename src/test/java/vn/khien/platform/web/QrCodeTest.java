package vn.khien.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.khien.platform.security.Totp;

/**
 * Every enrolment address, whatever its secret and name, comes back from the QR code as
 * it went in.
 */
class QrCodeTest {

	@Test
	void everyEnrolmentAddressDecodesBackToItself() throws Exception {
		for (int i = 0; i < 300; i++) {
			String uri = Totp.otpauthUri("Khiên", "cán-bộ-" + i + "@sở y tế", Totp.newSecret());
			String data = QrCode.pngDataUri(uri);
			var png = ImageIO
				.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.substring(data.indexOf(',') + 1))));
			int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
			var bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(png.getWidth(), png.getHeight(), pixels)));
			assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText())
				.isEqualTo(uri);
		}
	}

}
