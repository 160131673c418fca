package org.ceprint.rendering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperPrint;

import org.ceprint.rendering.internal.Formats;
import org.ceprint.rendering.internal.QrCodes;
import org.ceprint.rendering.internal.TemplateCache;

import org.springframework.stereotype.Component;

/**
 * Renders return slips (退回单, A4 portrait), one per closed submission with rejected
 * entries.
 */
@Component
public class ReturnSlipRenderer extends JasperRenderer<ReturnSlipView> {

	private static final Map<String, String> LABELS = Map.of("batchNo", "批次号", "submitterName", "报送单位", "officeName",
			"验证机关", "name", "姓名", "certificateNo", "证书编号", "projectName", "项目名称", "reason", "不予验证的理由");

	ReturnSlipRenderer(TemplateCache templates, GlyphCoverage coverage, RenderingProperties properties) {
		super(templates, coverage, properties, "继续教育登记验证退回单");
	}

	@Override
	String documentNo(ReturnSlipView view) {
		return view.batchNo();
	}

	@Override
	Map<String, Object> parameters(ReturnSlipView view, RenderOptions options) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("batchNo", view.batchNo());
		parameters.put("submitterName", Formats.text(view.submitterName()));
		parameters.put("officeName", Formats.text(view.officeName()));
		parameters.put("closedOn", Formats.date(view.closedOn()));
		parameters.put("summary",
				"本批次共 %d 条登记，其中 %d 条不予验证，列明如下（序号为登记汇总表上的序号）。".formatted(view.entryCount(), view.lines().size()));
		parameters.put("qrImage", QrCodes.symbol(view.qrContent()));
		return parameters;
	}

	@Override
	List<Map<String, ?>> rows(ReturnSlipView view, RenderOptions options) {
		List<Map<String, ?>> rows = new ArrayList<>(view.lines().size());
		for (ReturnSlipView.Line line : view.lines()) {
			Map<String, Object> fields = new HashMap<>();
			fields.put("seq", String.valueOf(line.seq()));
			fields.put("name", Formats.text(line.name()));
			fields.put("certificateNo", Formats.text(line.certificateNo()));
			fields.put("projectName", Formats.text(line.projectName()));
			fields.put("period", Formats.period(line.startDate(), line.endDate()));
			fields.put("hours", Formats.hours(line.hours()));
			fields.put("reason", Formats.text(line.reason()));
			rows.add(fields);
		}
		return rows;
	}

	@Override
	List<JasperPrint> fill(Map<String, Object> parameters, List<Map<String, ?>> rows, RenderOptions options) {
		return List.of(fillOnce(template("return-slip"), parameters, rows));
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

}
