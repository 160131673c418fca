package org.ceprint.rendering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperPrint;

import org.ceprint.rendering.internal.SealAnchor;
import org.ceprint.rendering.internal.SealGroups;
import org.ceprint.rendering.internal.TemplateCache;

import org.springframework.stereotype.Component;

/**
 * Renders seal overlays: for booklets printed earlier, pages that carry nothing but the
 * 验证专用章 of the rows verified since, each where the row's verification cell lies in the
 * booklet. A page without a new seal is left out; each page's bookmark names the booklet
 * and its registration page, so the operator knows which page to feed. The printer's
 * calibration shifts every seal.
 */
@Component
public class SealOverlayRenderer extends JasperRenderer<CertificateView> {

	private static final Map<String, String> LABELS = Map.of(SealAnchor.OFFICE_FIELD, "验证单位");

	SealOverlayRenderer(TemplateCache templates, GlyphCoverage coverage, RenderingProperties properties) {
		super(templates, coverage, properties, "验证专用章套印页");
	}

	@Override
	String documentNo(CertificateView view) {
		return view.certificateNo();
	}

	@Override
	Map<String, Object> parameters(CertificateView view, RenderOptions options) {
		if (view.rows().size() > properties().rowCapacity()) {
			throw new UnprintableRecordException(view.certificateNo(), "登记记录",
					"共 %d 条，超出证书容量 %d 条，无法对应到证书页面".formatted(view.rows().size(), properties().rowCapacity()));
		}
		return new HashMap<>();
	}

	/**
	 * Every row of the booklet, so pages fall as in the booklet; seals only on new ones.
	 */
	@Override
	List<Map<String, ?>> rows(CertificateView view, RenderOptions options) {
		boolean[] sealed = SealGroups.sealedRows(view.rows(),
				(row) -> row.verifiedBy() != null && row.sealedOn() == null);
		List<Map<String, ?>> rows = new ArrayList<>(view.rows().size());
		for (int i = 0; i < sealed.length; i++) {
			Map<String, Object> fields = new HashMap<>();
			fields.put(SealAnchor.OFFICE_FIELD, sealed[i] ? view.rows().get(i).verifiedBy() : null);
			rows.add(fields);
		}
		return rows;
	}

	@Override
	List<JasperPrint> fill(Map<String, Object> parameters, List<Map<String, ?>> rows, RenderOptions options) {
		return List.of(fillOnce(template("seal-overlay"), parameters, rows));
	}

	@Override
	boolean keepsOnlyPagesWithSeals() {
		return true;
	}

	@Override
	String bookmark(CertificateView view, int pageOfPrint) {
		return "证书 %s 登记第 %d 页".formatted(view.certificateNo(), pageOfPrint + 1);
	}

	@Override
	Map<String, String> labels() {
		return LABELS;
	}

}
