package org.ceprint.rendering;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills one template per view and exports all views of a call into one compressed PDF, so
 * that the font subset is embedded once per file instead of once per document. Views
 * become plain string maps here, so the templates only place text.
 *
 * @param <V> the view of one document
 */
abstract class JasperRenderer<V> {

	private final TemplateCache templates;

	private final GlyphCoverage coverage;

	private final String templateName;

	private final String pdfTitle;

	JasperRenderer(TemplateCache templates, GlyphCoverage coverage, String templateName, String pdfTitle) {
		this.templates = templates;
		this.coverage = coverage;
		this.templateName = templateName;
		this.pdfTitle = pdfTitle;
	}

	/**
	 * Renders the views, in order, into one PDF.
	 * @throws UnprintableRecordException for the first view with a character no font has;
	 * nothing is written then
	 */
	public RenderResult render(List<V> views, OutputStream out) {
		if (views.isEmpty()) {
			throw new IllegalArgumentException("nothing to render");
		}
		JasperReport report = this.templates.get(this.templateName);
		List<JasperPrint> prints = new ArrayList<>();
		List<RenderedDocument> documents = new ArrayList<>(views.size());
		int pages = 0;
		for (V view : views) {
			Map<String, Object> parameters = parameters(view);
			List<Map<String, ?>> rows = rows(view);
			checkGlyphs(documentNo(view), parameters, rows);
			int first = pages + 1;
			for (JasperPrint print : fill(report, parameters, rows)) {
				prints.add(print);
				pages += print.getPages().size();
			}
			documents.add(new RenderedDocument(documentNo(view), first, pages));
		}
		export(prints, out);
		return new RenderResult(documents, pages);
	}

	abstract String documentNo(V view);

	/**
	 * The template's parameters: strings, and the QR code as PNG bytes under
	 * {@code qrImage}.
	 */
	abstract Map<String, Object> parameters(V view);

	/** The template's detail rows, as strings. */
	abstract List<Map<String, ?>> rows(V view);

	/** The Chinese label of each parameter and field, for messages about the values. */
	abstract Map<String, String> labels();

	/** One print per view; the summary table overrides this for its three copies. */
	List<JasperPrint> fill(JasperReport report, Map<String, Object> parameters, List<Map<String, ?>> rows) {
		return List.of(fillOnce(report, parameters, rows));
	}

	static JasperPrint fillOnce(JasperReport report, Map<String, Object> parameters, List<Map<String, ?>> rows) {
		try {
			return JasperFillManager.fillReport(report, new HashMap<>(parameters), new JRMapCollectionDataSource(rows));
		}
		catch (JRException ex) {
			throw new IllegalStateException("模板填充失败：" + report.getName(), ex);
		}
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
		}
	}

	private void export(List<JasperPrint> prints, OutputStream out) {
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
