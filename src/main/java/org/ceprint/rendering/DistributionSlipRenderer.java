package org.ceprint.rendering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperPrint;

import org.ceprint.rendering.internal.Formats;
import org.ceprint.rendering.internal.TemplateCache;

import org.springframework.stereotype.Component;

/**
 * Renders distribution slips (发放清单, A4), one or more pages per unit.
 */
@Component
public class DistributionSlipRenderer extends JasperRenderer<DistributionSlipView> {

	private static final Map<String, String> LABELS = Map.of("title", "标题", "numberLabel", "编号栏目", "unitName", "领取单位",
			"batch", "打印批次", "holderName", "姓名", "documentNo", "编号", "file", "所在文件");

	DistributionSlipRenderer(TemplateCache templates, GlyphCoverage coverage, RenderingProperties properties) {
		super(templates, coverage, properties, "发放清单");
	}

	@Override
	String documentNo(DistributionSlipView view) {
		return view.unitName();
	}

	@Override
	Map<String, Object> parameters(DistributionSlipView view, RenderOptions options) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("title", view.documentLabel() + "发放清单");
		parameters.put("unitName", Formats.text(view.unitName()));
		parameters.put("batch", view.batch());
		parameters.put("printedOn", Formats.date(view.printedOn()));
		parameters.put("count", String.valueOf(view.lines().size()));
		parameters.put("numberLabel", view.numberLabel());
		return parameters;
	}

	@Override
	List<Map<String, ?>> rows(DistributionSlipView view, RenderOptions options) {
		List<Map<String, ?>> rows = new ArrayList<>(view.lines().size());
		int seq = 0;
		for (DistributionSlipView.Line line : view.lines()) {
			Map<String, Object> fields = new HashMap<>();
			fields.put("seq", String.valueOf(++seq));
			fields.put("documentNo", line.documentNo());
			fields.put("holderName", Formats.text(line.holderName()));
			fields.put("file", line.file());
			fields.put("pages", (line.firstPage() == line.lastPage()) ? String.valueOf(line.firstPage())
					: line.firstPage() + "–" + line.lastPage());
			rows.add(fields);
		}
		return rows;
	}

	@Override
	List<JasperPrint> fill(Map<String, Object> parameters, List<Map<String, ?>> rows, RenderOptions options) {
		return List.of(fillOnce(template("distribution-slip"), parameters, rows));
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

}
