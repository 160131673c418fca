package org.ceprint.rendering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperPrint;

import org.ceprint.rendering.internal.Formats;
import org.ceprint.rendering.internal.HolderParameters;
import org.ceprint.rendering.internal.TemplateCache;

import org.springframework.stereotype.Component;

/**
 * Renders register cards (继续教育登记卡, A4): holder data and one line per year.
 */
@Component
public class RegisterCardRenderer extends JasperRenderer<RegisterCardView> {

	private static final Map<String, String> LABELS = HolderParameters
		.labelsWith(Map.of("year", "年度", "mainItems", "主要学习项目", "verification", "验证情况", "assessment", "年度考核结果"));

	RegisterCardRenderer(TemplateCache templates, GlyphCoverage coverage, RenderingProperties properties) {
		super(templates, coverage, properties, "江西省专业技术人员继续教育登记卡");
	}

	@Override
	String documentNo(RegisterCardView view) {
		return view.certificateNo();
	}

	@Override
	Map<String, Object> parameters(RegisterCardView view, RenderOptions options) {
		return HolderParameters.of(view.certificateNo(), view.holderName(), view.sex(), view.birthDate(),
				Formats.idNumber(view.idNumber(), options), view.unitName(), view.titleLevel(), view.titleName(),
				view.specialty(), view.qrContent());
	}

	@Override
	List<Map<String, ?>> rows(RegisterCardView view, RenderOptions options) {
		return view.years().stream().<Map<String, ?>>map((year) -> {
			Map<String, Object> fields = new HashMap<>();
			fields.put("year", String.valueOf(year.year()));
			fields.put("publicHours", Formats.hoursOrZero(year.publicHours()));
			fields.put("professionalHours", Formats.hoursOrZero(year.professionalHours()));
			fields.put("totalHours", Formats.hoursOrZero(year.totalHours()));
			fields.put("mainItems", Formats.text(year.mainItems()));
			fields.put("verification", Formats.text(year.verification()));
			fields.put("assessment", Formats.text(year.assessment()));
			return fields;
		}).toList();
	}

	@Override
	List<JasperPrint> fill(Map<String, Object> parameters, List<Map<String, ?>> rows, RenderOptions options) {
		return List.of(fillOnce(template("register-card"), parameters, rows));
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

}
