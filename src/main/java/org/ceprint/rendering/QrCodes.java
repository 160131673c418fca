package org.ceprint.rendering;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR code images for documents: error correction M (ZXing's default L is too weak for
 * paper that gets folded and stamped), a 4-module quiet zone, and exactly 4 pixels per
 * module, because a smaller image is smoothed out of recognition when a page is
 * rasterised at 150 dpi. The image goes to JasperReports as PNG bytes: an AWT image would
 * be re-encoded as a lossy JPEG.
 */
public final class QrCodes {

	static final int PIXELS_PER_MODULE = 4;

	static final int QUIET_ZONE_MODULES = 4;

	private QrCodes() {
	}

	public static byte[] png(String content) {
		try {
			BitMatrix modules = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN,
							QUIET_ZONE_MODULES, EncodeHintType.CHARACTER_SET, "UTF-8"));
			int size = modules.getWidth() * PIXELS_PER_MODULE;
			BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					boolean dark = modules.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE);
					image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("二维码内容过长：" + content, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
