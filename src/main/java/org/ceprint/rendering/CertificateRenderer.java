package org.ceprint.rendering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperPrint;

import org.ceprint.rendering.internal.Formats;
import org.ceprint.rendering.internal.HolderParameters;
import org.ceprint.rendering.internal.SealAnchor;
import org.ceprint.rendering.internal.SealGroups;
import org.ceprint.rendering.internal.TemplateCache;

import org.springframework.stereotype.Component;

/**
 * Renders certificates (继续教育证书, A5 booklets): the holder page, on full stock the notes
 * page, then the registration pages, 8 rows each, with a 验证专用章 on every verified row. A
 * booklet whose registration pages are all used is printed as full (第十八条).
 */
@Component
public class CertificateRenderer extends JasperRenderer<CertificateView> {

	/** Rows on a registration page: (539 − 78 header − 16 footer) / 52 per row. */
	public static final int ROWS_PER_PAGE = 8;

	private static final Map<String, String> LABELS = HolderParameters
		.labelsWith(Map.ofEntries(Map.entry("issuingAuthority", "发证机关"), Map.entry("issueDate", "发证日期"),
				Map.entry("carriedForward", "承前学时"), Map.entry("period", "起止时间"), Map.entry("projectName", "项目名称"),
				Map.entry("content", "学习内容"), Map.entry("learningForm", "学习形式"), Map.entry("result", "考试考核成绩"),
				Map.entry("outcome", "继续教育成果"), Map.entry("registeredBy", "登记单位"), Map.entry("verifiedBy", "验证单位"),
				Map.entry(SealAnchor.OFFICE_FIELD, "验证单位")));

	private volatile JasperPrint notesPage;

	CertificateRenderer(TemplateCache templates, GlyphCoverage coverage, RenderingProperties properties) {
		super(templates, coverage, properties, "江西省专业技术人员继续教育证书");
	}

	@Override
	String documentNo(CertificateView view) {
		return view.certificateNo();
	}

	@Override
	Map<String, Object> parameters(CertificateView view, RenderOptions options) {
		int capacity = properties().rowCapacity();
		if (view.rows().size() > capacity) {
			throw new UnprintableRecordException(view.certificateNo(), "登记记录",
					"共 %d 条，超出证书容量 %d 条（%d 页，每页 %d 行），证书已登记填满，请先按发证渠道换发新证（第十八条）".formatted(view.rows().size(), capacity,
							properties().registrationPages(), ROWS_PER_PAGE));
		}
		Map<String, Object> parameters = HolderParameters.of(view.certificateNo(), view.holderName(), view.sex(),
				view.birthDate(), Formats.idNumber(view.idNumber(), options), view.unitName(), view.titleLevel(),
				view.titleName(), view.specialty(), view.qrContent());
		parameters.put("issuingAuthority", Formats.text(view.issuingAuthority()));
		parameters.put("issueDate", Formats.date(view.issueDate()));
		parameters.put("carriedForward", view.carriedForward());
		parameters.put("fullStock", options.fullStock());
		parameters.put("full", view.rows().size() == capacity);
		return parameters;
	}

	@Override
	List<Map<String, ?>> rows(CertificateView view, RenderOptions options) {
		boolean[] sealed = SealGroups.sealedRows(view.rows(), (row) -> row.verifiedBy() != null);
		List<Map<String, ?>> rows = new ArrayList<>(view.rows().size());
		for (int i = 0; i < sealed.length; i++) {
			RegistrationRow row = view.rows().get(i);
			Map<String, Object> fields = new HashMap<>();
			fields.put("period", Formats.periodInLines(row.startDate(), row.endDate()));
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
			fields.put(SealAnchor.OFFICE_FIELD, sealed[i] ? row.verifiedBy() : null);
			rows.add(fields);
		}
		return rows;
	}

	@Override
	List<JasperPrint> fill(Map<String, Object> parameters, List<Map<String, ?>> rows, RenderOptions options) {
		List<JasperPrint> prints = new ArrayList<>(3);
		prints.add(fillOnce(template("certificate-holder"), parameters, List.of()));
		if (options.fullStock()) {
			prints.add(notesPage());
		}
		prints.add(fillOnce(template("certificate-registrations"), parameters, rows));
		return prints;
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

	/** The notes page is the same in every booklet: filled once per process. */
	private JasperPrint notesPage() {
		JasperPrint notes = this.notesPage;
		if (notes == null) {
			notes = fillOnce(template("certificate-notes"), Map.of(), List.of());
			this.notesPage = notes;
		}
		return notes;
	}

}
