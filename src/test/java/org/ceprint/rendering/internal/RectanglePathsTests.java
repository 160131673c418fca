package org.ceprint.rendering.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import org.ceprint.authenticity.QrCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR code's rectangles written as {@code re}: the same path, so the same pixels, in
 * fewer bytes.
 */
class RectanglePathsTests {

	@Test
	void onlyExactRectanglesAreRewrittenKeepingTheirStartAndDirection() {
		String content = "0 0 0 rg\n4 53 m\n11 53 l\n11 52 l\n4 52 l\n4 53 l\nh\n"
				// counter-clockwise from the bottom left: negative height stays negative
				+ "0 57 m\n57 57 l\n57 0 l\n0 0 l\n0 57 l\nh\nf\n"
				// first edge vertical: kept as it is
				+ "1 1 m\n1 2 l\n2 2 l\n2 1 l\n1 1 l\nh\n"
				// not closed where it started: kept
				+ "1 1 m\n3 1 l\n3 2 l\n1 2 l\n1 1.5 l\nh\n"
				// decimals
				+ "0.5 1.25 m\n2.75 1.25 l\n2.75 3 l\n0.5 3 l\n0.5 1.25 l\nh\nf\n";
		assertThat(RectanglePaths.rewrite(content))
			.isEqualTo("0 0 0 rg\n4 53 7 -1 re\n0 57 57 -57 re\nf\n" + "1 1 m\n1 2 l\n2 2 l\n2 1 l\n1 1 l\nh\n"
					+ "1 1 m\n3 1 l\n3 2 l\n1 2 l\n1 1.5 l\nh\n" + "0.5 1.25 2.25 1.75 re\nf\n");
		assertThat(RectanglePaths.rewrite("BT\n(m\\nl)Tj\nET\n")).isEqualTo("BT\n(m\\nl)Tj\nET\n");
	}

	@Test
	void aQrCodeDrawnAsFiveLinePathsRastersToTheSamePixelsAndStillReadsAfterwards() throws IOException {
		String url = "HTTP://LOCALHOST:8080/V/" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".repeat(6);
		QrCodes.Symbol symbol = QrCodes.symbol(url);
		byte[] pdf = formDrawnAsJasperDoes(symbol);

		BufferedImage before;
		BufferedImage after;
		int bytesBefore;
		int bytesAfter;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			before = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
			bytesBefore = formContent(document).length;
			RectanglePaths.compact(document);
			bytesAfter = formContent(document).length;
			ByteArrayOutputStream saved = new ByteArrayOutputStream();
			document.save(saved);
			pdf = saved.toByteArray();
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			after = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
		}
		assertThat(bytesAfter).isLessThan(bytesBefore / 2);
		assertThat(after.getWidth()).isEqualTo(before.getWidth());
		assertThat(after.getHeight()).isEqualTo(before.getHeight());
		int differing = 0;
		for (int y = 0; y < before.getHeight(); y++) {
			for (int x = 0; x < before.getWidth(); x++) {
				if (before.getRGB(x, y) != after.getRGB(x, y)) {
					differing++;
				}
			}
		}
		assertThat(differing).isZero();
		assertThat(QrCodeReader.decode(after)).hasValue(url);
	}

	/**
	 * A page with the symbol in a form, each run of dark modules a closed path of five
	 * lines, as the PDF library under JasperReports writes Java 2D's rectangles.
	 */
	private static byte[] formDrawnAsJasperDoes(QrCodes.Symbol symbol) throws IOException {
		int size = symbol.size();
		StringBuilder paths = new StringBuilder("1 1 1 rg\n0 %d m\n%d %d l\n%d 0 l\n0 0 l\n0 %d l\nh\nf\n0 0 0 rg\n"
			.formatted(size, size, size, size, size));
		for (int y = 0; y < size; y++) {
			int x = 0;
			while (x < size) {
				if (!symbol.isDark(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < size && symbol.isDark(x, y)) {
					x++;
				}
				int top = size - y;
				paths.append("%d %d m\n%d %d l\n%d %d l\n%d %d l\n%d %d l\nh\n".formatted(start, top, x, top, x,
						top - 1, start, top - 1, start, top));
			}
		}
		paths.append("f\n");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A5);
			document.addPage(page);
			PDFormXObject form = new PDFormXObject(document);
			form.setBBox(new PDRectangle(size, size));
			try (OutputStream out = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
				out.write(paths.toString().getBytes(StandardCharsets.ISO_8859_1));
			}
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				float scale = 71f / size;
				content.saveGraphicsState();
				content.transform(new Matrix(scale, 0, 0, scale, 300, 400));
				content.drawForm(form);
				content.restoreGraphicsState();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] formContent(PDDocument document) throws IOException {
		PDPage page = document.getPage(0);
		COSName name = page.getResources().getXObjectNames().iterator().next();
		PDFormXObject form = (PDFormXObject) page.getResources().getXObject(name);
		return form.getContentStream().toByteArray();
	}

}
