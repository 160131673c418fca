package org.ceprint.rendering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Renders certificate booklets (继续教育证书, A5): the holder page, then registration pages of
 * eight rows each, as many as the entries need.
 */
@Component
public class CertificateRenderer extends JasperRenderer<CertificateView> {

	private static final Map<String, String> LABELS = HolderParameters.labelsWith(Map.of("issuingAuthority", "发证机关",
			"issueDate", "发证日期", "period", "起止时间", "projectName", "项目名称", "content", "学习内容", "learningForm", "学习形式",
			"result", "考试考核成绩", "outcome", "继续教育成果", "registeredBy", "登记单位", "verifiedBy", "验证单位"));

	CertificateRenderer(TemplateCache templates, GlyphCoverage coverage) {
		super(templates, coverage, "certificate", "江西省专业技术人员继续教育证书");
	}

	@Override
	String documentNo(CertificateView view) {
		return view.certificateNo();
	}

	@Override
	Map<String, Object> parameters(CertificateView view) {
		Map<String, Object> parameters = HolderParameters.of(view.certificateNo(), view.holderName(), view.sex(),
				view.birthDate(), view.idNumber(), view.unitName(), view.titleLevel(), view.titleName(),
				view.specialty(), view.qrContent());
		parameters.put("issuingAuthority", Formats.text(view.issuingAuthority()));
		parameters.put("issueDate", Formats.date(view.issueDate()));
		return parameters;
	}

	@Override
	List<Map<String, ?>> rows(CertificateView view) {
		return view.rows().stream().<Map<String, ?>>map((row) -> {
			Map<String, Object> fields = new HashMap<>();
			fields.put("period", Formats.period(row.startDate(), row.endDate()));
			fields.put("projectName", Formats.text(row.projectName()));
			fields.put("content", Formats.text(row.content()));
			fields.put("learningForm", Formats.text(row.learningForm()));
			fields.put("publicHours", Formats.hours(row.publicHours()));
			fields.put("professionalHours", Formats.hours(row.professionalHours()));
			fields.put("result", Formats.text(row.result()));
			fields.put("outcome", Formats.text(row.outcome()));
			fields.put("registeredBy", Formats.text(row.registeredBy()));
			fields.put("verifiedBy",
					(row.verifiedBy() != null) ? row.verifiedBy() + "\n" + Formats.shortDate(row.verifiedOn()) : "");
			return fields;
		}).toList();
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

}
