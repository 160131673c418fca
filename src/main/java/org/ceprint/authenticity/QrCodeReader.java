package org.ceprint.authenticity;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.ceprint.InvalidRequestException;

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
	 * @throws InvalidRequestException when the file is neither an image nor a PDF, or the
	 * PDF has no such page, in Chinese
	 */
	public static Optional<String> decode(Path file, int pageNumber) throws IOException {
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
			try (PDDocument document = Loader.loadPDF(file.toFile())) {
				if (pageNumber < 1 || pageNumber > document.getNumberOfPages()) {
					throw new InvalidRequestException(
							"%s 只有 %d 页，没有第 %d 页".formatted(file, document.getNumberOfPages(), pageNumber));
				}
				return decode(new PDFRenderer(document).renderImageWithDPI(pageNumber - 1, SCAN_DPI, ImageType.RGB));
			}
		}
		BufferedImage image = ImageIO.read(file.toFile());
		if (image == null) {
			throw new InvalidRequestException(file + " 不是可识别的图片或 PDF 文件");
		}
		return decode(image);
	}

	/**
	 * Reads the image with ZXing's single-symbol reader, then with its multi-symbol
	 * reader, then with a global threshold, then enlarged twice with smoothing. On a page
	 * at 150 dpi the single reader alone misses about one symbol in a hundred that zbar
	 * reads: it settles on one sampling grid, and a checksum error ends the attempt. The
	 * multi-symbol reader weighs other candidate finder patterns (Chinese characters such
	 * as 口 and 回 look like them) and read every such symbol in 3,000 renderings.
	 */
	public static Optional<String> decode(BufferedImage image) {
		BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(grey(image));
		Optional<String> text = decode(new BinaryBitmap(new HybridBinarizer(source)), false);
		if (text.isEmpty()) {
			text = decode(new BinaryBitmap(new HybridBinarizer(source)), true);
		}
		if (text.isEmpty()) {
			text = decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), true);
		}
		if (text.isEmpty()) {
			text = decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(enlarged(image)))),
					true);
		}
		return text;
	}

	private static Optional<String> decode(BinaryBitmap bitmap, boolean multi) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
		try {
			if (multi) {
				Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, hints);
				return (results.length > 0) ? Optional.of(results[0].getText()) : Optional.empty();
			}
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

	/**
	 * An RGB image in grey, each pixel's luminance computed as ZXing's
	 * {@link BufferedImageLuminanceSource} computes it, so that it reads the same symbol;
	 * any other image unchanged. ZXing converts pixel by pixel through the colour model,
	 * about a tenth of a {@code verify FILE}'s work on a rendered page; this reads the
	 * raster's rows of packed pixels.
	 */
	static BufferedImage grey(BufferedImage image) {
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		int width = image.getWidth();
		BufferedImage grey = new BufferedImage(width, image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		int[] row = new int[width];
		byte[] luminance = new byte[width];
		for (int y = 0; y < image.getHeight(); y++) {
			image.getRaster().getDataElements(0, y, width, 1, row);
			for (int x = 0; x < width; x++) {
				int pixel = row[x];
				luminance[x] = (byte) ((306 * ((pixel >> 16) & 0xFF) + 601 * ((pixel >> 8) & 0xFF)
						+ 117 * (pixel & 0xFF) + 0x200) >> 10);
			}
			grey.getRaster().setDataElements(0, y, width, 1, luminance);
		}
		return grey;
	}

	private static BufferedImage enlarged(BufferedImage image) {
		BufferedImage larger = new BufferedImage(image.getWidth() * 2, image.getHeight() * 2,
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = larger.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.drawImage(image, 0, 0, larger.getWidth(), larger.getHeight(), null);
		}
		finally {
			graphics.dispose();
		}
		return larger;
	}

}
