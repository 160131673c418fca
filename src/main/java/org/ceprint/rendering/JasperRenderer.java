package org.ceprint.rendering;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import org.ceprint.rendering.internal.PdfFinishing;
import org.ceprint.rendering.internal.SealAnchor;
import org.ceprint.rendering.internal.TemplateCache;

/**
 * Fills JasperReports templates from views and exports all of them into one compressed
 * PDF, which PDFBox then finishes: compact rectangles, and the seals where a template
 * placed seal anchors.
 *
 * @param <V> the view of one document
 */
abstract class JasperRenderer<V> {

	private final TemplateCache templates;

	private final GlyphCoverage coverage;

	private final RenderingProperties properties;

	private final String pdfTitle;

	JasperRenderer(TemplateCache templates, GlyphCoverage coverage, RenderingProperties properties, String pdfTitle) {
		this.templates = templates;
		this.coverage = coverage;
		this.properties = properties;
		this.pdfTitle = pdfTitle;
	}

	public RenderResult render(List<V> views, OutputStream out) {
		return render(views, RenderOptions.FULL_STOCK, out);
	}

	/**
	 * Renders the views, in order, into one PDF.
	 * @throws UnprintableRecordException for the first view that cannot be printed (a
	 * character no font has, more rows than the booklet holds); nothing is written then
	 */
	public RenderResult render(List<V> views, RenderOptions options, OutputStream out) {
		if (views.isEmpty()) {
			throw new IllegalArgumentException("nothing to render");
		}
		List<JasperPrint> prints = new ArrayList<>();
		List<RenderedDocument> documents = new ArrayList<>(views.size());
		List<SealAnchor> seals = new ArrayList<>();
		Map<Integer, String> bookmarks = new HashMap<>();
		int pages = 0;
		for (V view : views) {
			String documentNo = documentNo(view);
			Map<String, Object> parameters = parameters(view, options);
			List<Map<String, ?>> rows = rows(view, options);
			checkGlyphs(documentNo, parameters, rows);
			int first = pages + 1;
			for (JasperPrint print : fill(parameters, rows, options)) {
				int kept = 0;
				List<Integer> dropped = new ArrayList<>();
				for (int index = 0; index < print.getPages().size(); index++) {
					JRPrintPage page = print.getPages().get(index);
					List<SealAnchor> onPage = takeSealAnchors(page, pages + kept, documentNo, index);
					if (onPage.isEmpty() && keepsOnlyPagesWithSeals()) {
						dropped.add(index);
						continue;
					}
					String bookmark = bookmark(view, index);
					if (bookmark != null) {
						bookmarks.put(pages + kept, bookmark);
					}
					seals.addAll(onPage);
					kept++;
				}
				for (int i = dropped.size() - 1; i >= 0; i--) {
					print.removePage(dropped.get(i));
				}
				if (kept > 0) {
					prints.add(print);
					pages += kept;
				}
			}
			if (pages < first) {
				throw new UnprintableRecordException(documentNo, "验证单位", "没有需要加盖验证专用章的已验证登记");
			}
			documents.add(new RenderedDocument(documentNo, first, pages));
		}
		ByteArrayOutputStream jasperPdf = new ByteArrayOutputStream(64 * 1024 * views.size());
		export(prints, jasperPdf);
		PdfFinishing.finish(jasperPdf.toByteArray(), seals, sealDiameter(), options.calibration(), bookmarks, out);
		return new RenderResult(documents, pages);
	}

	abstract String documentNo(V view);

	/**
	 * The template's parameters: strings, and the QR code as PNG bytes under
	 * {@code qrImage}.
	 */
	abstract Map<String, Object> parameters(V view, RenderOptions options);

	/** The template's detail rows, as strings. */
	abstract List<Map<String, ?>> rows(V view, RenderOptions options);

	/** The Chinese label of each parameter and field, for messages about the values. */
	abstract Map<String, String> labels();

	/** The document's prints, in page order. */
	abstract List<JasperPrint> fill(Map<String, Object> parameters, List<Map<String, ?>> rows, RenderOptions options);

	/** Seal overlays print only the pages that carry a seal. */
	boolean keepsOnlyPagesWithSeals() {
		return false;
	}

	/** A bookmark for a page of the document's print, or null. */
	String bookmark(V view, int pageOfPrint) {
		return null;
	}

	RenderingProperties properties() {
		return this.properties;
	}

	JasperReport template(String name) {
		return this.templates.get(name);
	}

	float sealDiameter() {
		return (float) (this.properties.sealDiameterMm() * Calibration.POINTS_PER_MM);
	}

	static JasperPrint fillOnce(JasperReport report, Map<String, Object> parameters, List<Map<String, ?>> rows) {
		try {
			return JasperFillManager.fillReport(report, new HashMap<>(parameters), new JRMapCollectionDataSource(rows));
		}
		catch (JRException ex) {
			throw new IllegalStateException("模板填充失败：" + report.getName(), ex);
		}
	}

	/**
	 * Takes the seal anchors off a filled page: they only mark positions and must not
	 * reach the PDF.
	 */
	private static List<SealAnchor> takeSealAnchors(JRPrintPage page, int pdfPage, String documentNo, int pageOfPrint) {
		List<SealAnchor> anchors = new ArrayList<>();
		Iterator<JRPrintElement> elements = page.getElements().iterator();
		while (elements.hasNext()) {
			JRPrintElement element = elements.next();
			if (SealAnchor.KEY.equals(element.getKey())) {
				String office = element.getPropertiesMap().getProperty(SealAnchor.OFFICE_PROPERTY);
				anchors.add(new SealAnchor(pdfPage, element.getX(), element.getY(), element.getWidth(),
						element.getHeight(), office, Objects.hash(documentNo, pageOfPrint, element.getY())));
				elements.remove();
			}
		}
		return anchors;
	}

	private void checkGlyphs(String documentNo, Map<String, Object> parameters, List<Map<String, ?>> rows) {
		parameters.forEach((key, value) -> {
			if (value instanceof String text) {
				this.coverage.check(documentNo, labels().getOrDefault(key, key), text);
			}
		});
		for (int i = 0; i < rows.size(); i++) {
			int row = i + 1;
			rows.get(i).forEach((key, value) -> {
				if (value instanceof String text) {
					this.coverage.check(documentNo, "第 " + row + " 行" + labels().getOrDefault(key, key), text);
				}
			});
			if (rows.get(i).get(SealAnchor.OFFICE_FIELD) instanceof String office) {
				this.coverage.checkSeal(documentNo, "第 " + row + " 行" + labels().get(SealAnchor.OFFICE_FIELD), office);
			}
		}
	}

	/**
	 * The first PDF export of the process runs alone. Java's colour management and image
	 * decoding initialise themselves on first use and are not safe to initialise from two
	 * threads at once (JDK-8058973 is one such race); a print run renders one partition
	 * per thread, and a run resumed after a crash once failed every chunk of a partition
	 * with a ClassCastException from the image code. Later exports run in parallel.
	 */
	private static final Object FIRST_EXPORT = new Object();

	private static volatile boolean firstExportDone;

	private void export(List<JasperPrint> prints, OutputStream out) {
		if (firstExportDone) {
			exportNow(prints, out);
			return;
		}
		synchronized (FIRST_EXPORT) {
			if (!firstExportDone) {
				activateColourProfiles();
			}
			exportNow(prints, out);
			firstExportDone = true;
		}
	}

	private static void activateColourProfiles() {
		for (int space : new int[] { ColorSpace.CS_sRGB, ColorSpace.CS_GRAY, ColorSpace.CS_LINEAR_RGB }) {
			ICC_Profile.getInstance(space).getData();
		}
	}

	private void exportNow(List<JasperPrint> prints, OutputStream out) {
		SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
		configuration.setCompressed(true);
		configuration.setMetadataTitle(this.pdfTitle);
		configuration.setMetadataCreator("ceprint");
		JRPdfExporter exporter = new JRPdfExporter();
		exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		exporter.setConfiguration(configuration);
		try {
			exporter.exportReport();
		}
		catch (JRException ex) {
			throw new IllegalStateException("PDF 导出失败：" + this.pdfTitle, ex);
		}
	}

}
