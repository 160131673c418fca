package org.ceprint.rendering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Renders register cards (继续教育登记卡, A4): holder data and one line per year.
 */
@Component
public class RegisterCardRenderer extends JasperRenderer<RegisterCardView> {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("holderName", "姓名"),
			Map.entry("sex", "性别"), Map.entry("birthDate", "出生日期"), Map.entry("idNumber", "身份证件号码"),
			Map.entry("unitName", "工作单位"), Map.entry("title", "专业技术职务"), Map.entry("specialty", "专业"),
			Map.entry("certificateNo", "证书编号"), Map.entry("year", "年度"), Map.entry("mainItems", "主要学习项目"),
			Map.entry("verification", "验证情况"), Map.entry("assessment", "年度考核结果"));

	RegisterCardRenderer(TemplateCache templates, GlyphCoverage coverage) {
		super(templates, coverage, "register-card", "江西省专业技术人员继续教育登记卡");
	}

	@Override
	String documentNo(RegisterCardView view) {
		return view.certificateNo();
	}

	@Override
	Map<String, Object> parameters(RegisterCardView view) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("holderName", view.holderName());
		parameters.put("sex", Formats.text(view.sex()));
		parameters.put("birthDate", Formats.date(view.birthDate()));
		parameters.put("idNumber", Formats.text(view.idNumber()));
		parameters.put("unitName", Formats.text(view.unitName()));
		parameters.put("title", CertificateRenderer.title(view.titleName(), view.titleLevel()));
		parameters.put("specialty", Formats.text(view.specialty()));
		parameters.put("certificateNo", view.certificateNo());
		parameters.put("qrImage", QrCodes.png(view.qrContent()));
		return parameters;
	}

	@Override
	List<Map<String, ?>> rows(RegisterCardView view) {
		return view.years().stream().<Map<String, ?>>map((year) -> {
			Map<String, Object> fields = new HashMap<>();
			fields.put("year", String.valueOf(year.year()));
			fields.put("publicHours", hoursOrZero(year.publicHours()));
			fields.put("professionalHours", hoursOrZero(year.professionalHours()));
			fields.put("totalHours", hoursOrZero(year.totalHours()));
			fields.put("mainItems", Formats.text(year.mainItems()));
			fields.put("verification", Formats.text(year.verification()));
			fields.put("assessment", Formats.text(year.assessment()));
			return fields;
		}).toList();
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

	private static String hoursOrZero(java.math.BigDecimal hours) {
		String text = Formats.hours(hours);
		return text.isEmpty() ? "0" : text;
	}

}
