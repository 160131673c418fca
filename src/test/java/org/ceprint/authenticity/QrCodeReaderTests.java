package org.ceprint.authenticity;

import java.awt.image.BufferedImage;
import java.util.Random;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's own grey conversion of an RGB page gives ZXing exactly the luminance its
 * own conversion gives, so the same symbols read the same.
 */
class QrCodeReaderTests {

	@Test
	void theGreyOfAnRgbImageIsZxingsLuminance() {
		BufferedImage rgb = new BufferedImage(257, 131, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(19);
		for (int y = 0; y < rgb.getHeight(); y++) {
			for (int x = 0; x < rgb.getWidth(); x++) {
				rgb.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		rgb.setRGB(0, 0, 0x000000);
		rgb.setRGB(1, 0, 0xFFFFFF);
		BufferedImage grey = QrCodeReader.grey(rgb);
		assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
		assertThat(new BufferedImageLuminanceSource(grey).getMatrix())
			.isEqualTo(new BufferedImageLuminanceSource(rgb).getMatrix());
	}

	@Test
	void anImageThatIsNotRgbIsLeftAsItIs() {
		BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
		assertThat(QrCodeReader.grey(argb)).isSameAs(argb);
	}

}
