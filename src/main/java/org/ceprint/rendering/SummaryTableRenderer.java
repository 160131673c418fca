package org.ceprint.rendering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

import org.ceprint.rendering.internal.Formats;
import org.ceprint.rendering.internal.QrCodes;
import org.ceprint.rendering.internal.TemplateCache;

import org.springframework.stereotype.Component;

/**
 * Renders summary tables (登记汇总表, A4 landscape), each 一式三份 (第十二条): three consecutive
 * copies, identical but for the label saying who keeps each copy.
 */
@Component
public class SummaryTableRenderer extends JasperRenderer<SummaryTableView> {

	/** Who keeps each copy, in print order. */
	public static final List<String> COPY_LABELS = List.of("第一联　验证机关存档", "第二联　主管部门（或继续教育基地）存档", "第三联　报送单位存档");

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("submitterName", "报送单位"),
			Map.entry("submitterCreditCode", "统一社会信用代码"), Map.entry("departmentName", "主管部门"),
			Map.entry("verifyingOffice", "验证机关"), Map.entry("batchNo", "批次号"), Map.entry("filledOn", "填报日期"),
			Map.entry("name", "姓名"), Map.entry("idNumber", "身份证件号码"), Map.entry("certificateNo", "证书编号"),
			Map.entry("unitName", "工作单位"), Map.entry("title", "职称"), Map.entry("projectName", "项目名称"),
			Map.entry("learningForm", "学习形式"), Map.entry("period", "起止时间"), Map.entry("result", "成绩"),
			Map.entry("reviewOpinion", "主管部门审核意见"), Map.entry("verificationOpinion", "人社部门验证意见"));

	SummaryTableRenderer(TemplateCache templates, GlyphCoverage coverage, RenderingProperties properties) {
		super(templates, coverage, properties, "专业技术人员继续教育情况登记汇总表");
	}

	@Override
	String documentNo(SummaryTableView view) {
		return view.batchNo();
	}

	@Override
	Map<String, Object> parameters(SummaryTableView view, RenderOptions options) {
		BigDecimal publicTotal = BigDecimal.ZERO;
		BigDecimal professionalTotal = BigDecimal.ZERO;
		for (SummaryTableRow row : view.rows()) {
			publicTotal = publicTotal.add((row.publicHours() != null) ? row.publicHours() : BigDecimal.ZERO);
			professionalTotal = professionalTotal
				.add((row.professionalHours() != null) ? row.professionalHours() : BigDecimal.ZERO);
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("submitterName", view.submitterName());
		parameters.put("submitterCreditCode", Formats.text(view.submitterCreditCode()));
		parameters.put("departmentName", (view.departmentName() != null) ? view.departmentName() : "（继续教育基地直接报送）");
		parameters.put("verifyingOffice", Formats.text(view.verifyingOffice()));
		parameters.put("batchNo", view.batchNo());
		parameters.put("filledOn", Formats.date(view.filledOn()));
		parameters.put("entryCount", String.valueOf(view.rows().size()));
		parameters.put("publicTotal", Formats.hoursOrZero(publicTotal));
		parameters.put("professionalTotal", Formats.hoursOrZero(professionalTotal));
		parameters.put("qrImage", QrCodes.symbol(view.qrContent()));
		parameters.put("reviewOpinion", Formats.text(view.reviewOpinion()));
		parameters.put("reviewDate", (view.reviewedOn() != null) ? Formats.date(view.reviewedOn()) : "年　　月　　日");
		parameters.put("verificationOpinion", Formats.text(view.verificationOpinion()));
		parameters.put("verificationDate", (view.verifiedOn() != null) ? Formats.date(view.verifiedOn()) : "年　　月　　日");
		return parameters;
	}

	@Override
	List<Map<String, ?>> rows(SummaryTableView view, RenderOptions options) {
		return view.rows().stream().<Map<String, ?>>map((row) -> {
			Map<String, Object> fields = new HashMap<>();
			fields.put("seq", String.valueOf(row.seq()));
			fields.put("name", Formats.text(row.name()));
			fields.put("idNumber", Formats.text(row.idNumber()));
			fields.put("certificateNo", Formats.text(row.certificateNo()));
			fields.put("unitName", Formats.text(row.unitName()));
			fields.put("title", Formats.text(row.title()));
			fields.put("projectName", Formats.text(row.projectName()));
			fields.put("learningForm", Formats.text(row.learningForm()));
			fields.put("period", Formats.period(row.startDate(), row.endDate()));
			fields.put("publicHours", Formats.hours(row.publicHours()));
			fields.put("professionalHours", Formats.hours(row.professionalHours()));
			fields.put("result", Formats.text(row.result()));
			return fields;
		}).toList();
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

	@Override
	List<JasperPrint> fill(Map<String, Object> parameters, List<Map<String, ?>> rows, RenderOptions options) {
		JasperReport report = template("summary-table");
		List<JasperPrint> copies = new ArrayList<>(COPY_LABELS.size());
		for (String label : COPY_LABELS) {
			Map<String, Object> copy = new HashMap<>(parameters);
			copy.put("copyLabel", label);
			copies.add(fillOnce(report, copy, rows));
		}
		return copies;
	}

}
