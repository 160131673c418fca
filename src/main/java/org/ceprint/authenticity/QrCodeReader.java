package org.ceprint.authenticity;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Finds the QR code on a photo or scan, or on a PDF page rasterised at 150 dpi as a desk
 * scanner would, and returns its content.
 */
public final class QrCodeReader {

	static final int SCAN_DPI = 150;

	private QrCodeReader() {
	}

	/**
	 * @param pageNumber 1-based page of a PDF; ignored for images
	 */
	public static Optional<String> decode(Path file, int pageNumber) throws IOException {
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
			try (PDDocument document = Loader.loadPDF(file.toFile())) {
				if (pageNumber < 1 || pageNumber > document.getNumberOfPages()) {
					throw new IllegalArgumentException(
							"%s 只有 %d 页，没有第 %d 页".formatted(file, document.getNumberOfPages(), pageNumber));
				}
				return decode(new PDFRenderer(document).renderImageWithDPI(pageNumber - 1, SCAN_DPI, ImageType.RGB));
			}
		}
		BufferedImage image = ImageIO.read(file.toFile());
		if (image == null) {
			throw new IllegalArgumentException(file + " 不是可识别的图片或 PDF 文件");
		}
		return decode(image);
	}

	public static Optional<String> decode(BufferedImage image) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		try {
			return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		catch (ReaderException ex) {
			// found but unreadable (checksum or format error): report as not decoded
			return Optional.empty();
		}
	}

}
