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

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("holderName", "姓名"),
			Map.entry("sex", "性别"), Map.entry("birthDate", "出生日期"), Map.entry("idNumber", "身份证件号码"),
			Map.entry("unitName", "工作单位"), Map.entry("title", "专业技术职务"), Map.entry("specialty", "专业"),
			Map.entry("certificateNo", "证书编号"), Map.entry("issuingAuthority", "发证机关"), Map.entry("issueDate", "发证日期"),
			Map.entry("period", "起止时间"), Map.entry("projectName", "项目名称"), Map.entry("content", "学习内容"),
			Map.entry("learningForm", "学习形式"), Map.entry("result", "考试考核成绩"), Map.entry("outcome", "继续教育成果"),
			Map.entry("registeredBy", "登记单位"), Map.entry("verifiedBy", "验证单位"));

	CertificateRenderer(TemplateCache templates, GlyphCoverage coverage) {
		super(templates, coverage, "certificate", "江西省专业技术人员继续教育证书");
	}

	@Override
	String documentNo(CertificateView view) {
		return view.certificateNo();
	}

	@Override
	Map<String, Object> parameters(CertificateView view) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("holderName", view.holderName());
		parameters.put("sex", Formats.text(view.sex()));
		parameters.put("birthDate", Formats.date(view.birthDate()));
		parameters.put("idNumber", Formats.text(view.idNumber()));
		parameters.put("unitName", Formats.text(view.unitName()));
		parameters.put("title", title(view.titleName(), view.titleLevel()));
		parameters.put("specialty", Formats.text(view.specialty()));
		parameters.put("certificateNo", view.certificateNo());
		parameters.put("issuingAuthority", Formats.text(view.issuingAuthority()));
		parameters.put("issueDate", Formats.date(view.issueDate()));
		parameters.put("qrImage", QrCodes.png(view.qrContent()));
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

	/** 高级工程师（高级）, or the level alone when there is no title name. */
	static String title(String titleName, String titleLevel) {
		if (titleName == null || titleName.isBlank()) {
			return Formats.text(titleLevel);
		}
		return (titleLevel != null) ? titleName + "（" + titleLevel + "）" : titleName;
	}

}
