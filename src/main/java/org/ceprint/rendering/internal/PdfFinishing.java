package org.ceprint.rendering.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;

import org.ceprint.rendering.Calibration;

/**
 * PDFBox's part of rendering, on JasperReports' output: writes its drawings' rectangles
 * compactly, stamps the verification seals at their anchors, shifts pages by the
 * printer's calibration, and adds bookmarks.
 */
public final class PdfFinishing {

	/** The name viewers show for the layer the seals are on. */
	public static final String SEAL_LAYER = "验证专用章";

	/**
	 * A seal's ring stays this far inside the lines of its cell, so that it touches
	 * neither the 登记单位 column, nor the heading, nor the next row's seal.
	 */
	static final float CELL_INSET = 1;

	/** A hand stamp falls up to this far from the cell's centre, and this far rotated. */
	static final float MAX_DRIFT = 1.5f * (float) Calibration.POINTS_PER_MM;

	static final double MAX_TILT_DEGREES = 8;

	private PdfFinishing() {
	}

	/**
	 * @param pdf JasperReports' PDF
	 * @param bookmarks titles by 0-based page, for pages a person must find in the file
	 */
	public static void finish(byte[] pdf, List<SealAnchor> seals, float sealDiameter, Calibration calibration,
			Map<Integer, String> bookmarks, OutputStream out) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			RectanglePaths.compact(document);
			if (!calibration.isNone()) {
				for (PDPage page : document.getPages()) {
					shift(document, page, calibration);
				}
			}
			if (!seals.isEmpty()) {
				stamp(document, seals, sealDiameter, calibration);
			}
			if (!bookmarks.isEmpty()) {
				bookmark(document, bookmarks);
			}
			document.save(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PDF 加盖验证章失败", ex);
		}
	}

	private static void shift(PDDocument document, PDPage page, Calibration calibration) throws IOException {
		try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.PREPEND, true)) {
			content.transform(
					Matrix.getTranslateInstance((float) calibration.rightPoints(), (float) -calibration.downPoints()));
		}
	}

	private static void stamp(PDDocument document, List<SealAnchor> seals, float diameter, Calibration calibration)
			throws IOException {
		PDOptionalContentGroup layer = sealLayer(document);
		Map<String, PDFormXObject> forms = new HashMap<>();
		Map<Integer, List<SealAnchor>> byPage = new HashMap<>();
		for (SealAnchor seal : seals) {
			byPage.computeIfAbsent(seal.page(), (page) -> new ArrayList<>()).add(seal);
		}
		for (Map.Entry<Integer, List<SealAnchor>> onPage : byPage.entrySet()) {
			PDPage page = document.getPage(onPage.getKey());
			float pageHeight = page.getMediaBox().getHeight();
			try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
				content.beginMarkedContent(COSName.OC, layer);
				for (SealAnchor seal : onPage.getValue()) {
					PDFormXObject form = forms.get(seal.office());
					if (form == null) {
						form = VerificationSeals.form(document, seal.office(), diameter);
						forms.put(seal.office(), form);
					}
					Fall fall = Fall.of(seal, diameter);
					float x = fall.x() + (float) calibration.rightPoints();
					float y = pageHeight - fall.y() - (float) calibration.downPoints();
					content.saveGraphicsState();
					Matrix place = Matrix.getTranslateInstance(x, y);
					place.rotate(Math.toRadians(fall.tiltDegrees()));
					content.transform(place);
					content.drawForm(form);
					content.restoreGraphicsState();
				}
				content.endMarkedContent();
			}
		}
	}

	private static PDOptionalContentGroup sealLayer(PDDocument document) {
		PDOptionalContentProperties properties = document.getDocumentCatalog().getOCProperties();
		if (properties == null) {
			properties = new PDOptionalContentProperties();
			document.getDocumentCatalog().setOCProperties(properties);
		}
		PDOptionalContentGroup layer = properties.getGroup(SEAL_LAYER);
		if (layer == null) {
			layer = new PDOptionalContentGroup(SEAL_LAYER);
			properties.addGroup(layer);
		}
		return layer;
	}

	private static void bookmark(PDDocument document, Map<Integer, String> bookmarks) {
		PDDocumentOutline outline = new PDDocumentOutline();
		document.getDocumentCatalog().setDocumentOutline(outline);
		bookmarks.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			PDOutlineItem item = new PDOutlineItem();
			item.setTitle(entry.getValue());
			item.setDestination(document.getPage(entry.getKey()));
			outline.addLast(item);
		});
	}

	/**
	 * Where and how a seal falls: near the cell's centre, a little off and a little
	 * rotated, the same every time the same row is printed (so reprints hash alike), and
	 * always whole inside its cell: the drift is clamped so that the ring keeps
	 * {@link #CELL_INSET} from the cell's lines. A seal larger than its cell (which the
	 * settings refuse) is centred on it.
	 *
	 * @param x the centre, in page points from the left
	 * @param y the centre, in page points from the top
	 */
	record Fall(float x, float y, double tiltDegrees) {

		static Fall of(SealAnchor seal, float diameter) {
			SplittableRandom random = new SplittableRandom(seal.fall());
			float x = inside(seal.x(), seal.width(), diameter, (float) random.nextDouble(-MAX_DRIFT, MAX_DRIFT));
			float y = inside(seal.y(), seal.height(), diameter, (float) random.nextDouble(-MAX_DRIFT, MAX_DRIFT));
			double tilt = random.nextDouble(-MAX_TILT_DEGREES, MAX_TILT_DEGREES);
			return new Fall(x, y, tilt);
		}

		private static float inside(float start, float length, float diameter, float drift) {
			float low = start + CELL_INSET + diameter / 2;
			float high = start + length - CELL_INSET - diameter / 2;
			if (low > high) {
				return start + length / 2;
			}
			return Math.max(low, Math.min(high, start + length / 2 + drift));
		}

	}

}
