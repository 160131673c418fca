package org.ceprint.printing.internal;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.AuthenticityCodes.OfflineCheck;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.printing.internal.PrintedDocuments.ManifestLine;

/**
 * Checks one PDF file of a run against its rows of print_document, with tools other than
 * the renderer that drew it: the page ranges (from page 1, one after another, ending on
 * the file's last page), every page's glyphs ({@link PageChecker}), and every QR symbol
 * rasterised at 150 dpi and decoded with ZXing, which must carry a genuine token of the
 * document's own kind and number. Only the QR's region is rasterised (the renderer draws
 * the page clipped to it); the whole page only when no symbol is found where a document
 * needs one.
 */
class FileChecker {

	static final int SCAN_DPI = 150;

	/** White added around a symbol's box before rasterising it, in points. */
	private static final float MARGIN = 6;

	private final AuthenticityCodes codes;

	private final double sampleRate;

	FileChecker(AuthenticityCodes codes, double sampleRate) {
		this.codes = codes;
		this.sampleRate = sampleRate;
	}

	/**
	 * Whether a document is among the sampled ones: decided by its kind and number alone,
	 * so a run checked again (on {@code print resume}) checks the same documents.
	 */
	static boolean sampled(String kind, String documentNo, double rate) {
		if (rate >= 1) {
			return true;
		}
		CRC32 crc = new CRC32();
		crc.update((kind + "/" + documentNo).getBytes(StandardCharsets.UTF_8));
		return (crc.getValue() & 0xFFFF) < rate * 0x10000;
	}

	Result check(Path file, List<ManifestLine> lines) {
		List<ManifestLine> ranges = new ArrayList<>(lines);
		ranges.sort(Comparator.comparingInt(ManifestLine::firstPage));
		Result result = new Result();
		String name = file.getFileName().toString();
		ManifestLine firstLine = ranges.get(0);
		if (!Files.isRegularFile(file)) {
			result.fail(firstLine, 0, "文件不存在（打印记录中有，目录中没有）");
			return result;
		}
		int next = 1;
		for (ManifestLine line : ranges) {
			if (line.firstPage() != next || line.lastPage() < line.firstPage()) {
				result.fail(line, 0,
						"页码范围第 %d–%d 页与前一份文件不衔接（应从第 %d 页开始）".formatted(line.firstPage(), line.lastPage(), next));
			}
			next = Math.max(next, line.lastPage() + 1);
		}
		try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
			if (pdf.getNumberOfPages() != next - 1) {
				result.fail(ranges.get(ranges.size() - 1), 0,
						"文件有 %d 页，打印记录中的页码范围共 %d 页".formatted(pdf.getNumberOfPages(), next - 1));
			}
			PDFRenderer renderer = new QrRegionRenderer(pdf);
			Map<COSDictionary, Set<Integer>> goodCodes = PageChecker.newCache();
			for (ManifestLine line : ranges) {
				if (sampled(line.kind(), line.documentNo(), this.sampleRate)) {
					checkDocument(pdf, renderer, goodCodes, line, result);
				}
			}
		}
		catch (IOException ex) {
			result.fail(firstLine, 0, "无法打开或读取 %s（文件损坏或被截断）".formatted(name));
		}
		return result;
	}

	private void checkDocument(PDDocument pdf, PDFRenderer renderer, Map<COSDictionary, Set<Integer>> goodCodes,
			ManifestLine line, Result result) throws IOException {
		DocumentKind kind = qrKind(line.kind());
		result.documents++;
		for (int page = line.firstPage(); page <= Math.min(line.lastPage(), pdf.getNumberOfPages()); page++) {
			PageChecker checker = new PageChecker(pdf.getPage(page - 1), goodCodes);
			checker.check();
			result.pages++;
			for (String problem : checker.problems()) {
				result.fail(line, page, problem);
			}
			List<Rectangle2D> boxes = checker.qrBoxes();
			for (Rectangle2D box : boxes) {
				checkQr(decode(renderer, pdf.getPage(page - 1), page - 1, box), kind, line, page, result);
			}
			if (boxes.isEmpty() && kind != null && page == line.firstPage()) {
				// no symbol where one must be: a scanner sees the whole page
				checkQr(QrCodeReader.decode(renderer.renderImageWithDPI(page - 1, SCAN_DPI, ImageType.GRAY)), kind,
						line, page, result);
			}
		}
	}

	private static Optional<String> decode(PDFRenderer renderer, PDPage page, int index, Rectangle2D box)
			throws IOException {
		PDRectangle crop = page.getCropBox();
		try {
			page.setCropBox(new PDRectangle((float) box.getX() - MARGIN, (float) box.getY() - MARGIN,
					(float) box.getWidth() + 2 * MARGIN, (float) box.getHeight() + 2 * MARGIN));
			BufferedImage scan = renderer.renderImageWithDPI(index, SCAN_DPI, ImageType.GRAY);
			return QrCodeReader.decode(scan);
		}
		finally {
			page.setCropBox(crop);
		}
	}

	private void checkQr(Optional<String> content, DocumentKind kind, ManifestLine line, int page, Result result) {
		if (content.isEmpty()) {
			result.fail(line, page, (kind == null) ? "页面上有一个无法识别的二维码" : "150 dpi 扫描图上读不出二维码（缺失、过小、被遮挡或印迹不清）");
			return;
		}
		result.qrCodes++;
		OfflineCheck check = this.codes.checkPrinted(content.get());
		if (!check.genuine()) {
			result.fail(line, page, "二维码内容不是有效的查验码：" + check.outcome());
			return;
		}
		SignedDocument signed = check.document().orElseThrow();
		if (signed.kind() != kind || !signed.documentNo().equals(line.documentNo())) {
			result.fail(line, page, "二维码属于另一份文件（%s %s），不是本份".formatted(signed.kind().label(), signed.documentNo()));
		}
	}

	/** The kind a document's QR code signs, or null for a kind printed without one. */
	static DocumentKind qrKind(String kind) {
		for (DocumentKind known : DocumentKind.values()) {
			if (known.name().equals(kind)) {
				return known;
			}
		}
		return null;
	}

	/** What one file's check found. */
	static final class Result {

		int documents;

		int pages;

		int qrCodes;

		final List<PreflightFailure> failures = new ArrayList<>();

		void fail(ManifestLine line, int page, String reason) {
			this.failures.add(new PreflightFailure(line.documentNo(), line.kind(), line.fileName(), page, reason));
		}

	}

}
