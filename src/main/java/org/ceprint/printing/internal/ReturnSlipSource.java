package org.ceprint.printing.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.ceprint.authenticity.DocumentKind;
import org.ceprint.printing.SubmissionTables;
import org.ceprint.rendering.RenderOptions;
import org.ceprint.rendering.RenderResult;
import org.ceprint.rendering.ReturnSlipRenderer;
import org.ceprint.rendering.ReturnSlipView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Return slips (退回单): the key is a closed submission; its slip comes from
 * {@link SubmissionTables}.
 */
@Component
class ReturnSlipSource implements DocumentSource<ReturnSlipView> {

	private final ObjectProvider<SubmissionTables> submissions;

	private final ReturnSlipRenderer renderer;

	ReturnSlipSource(ObjectProvider<SubmissionTables> submissions, ReturnSlipRenderer renderer) {
		this.submissions = submissions;
		this.renderer = renderer;
	}

	@Override
	public DocumentStep step() {
		return DocumentStep.RETURN_SLIPS;
	}

	@Override
	public String kind() {
		return DocumentKind.RETURN_SLIP.name();
	}

	@Override
	public String fileStem() {
		return "return-slips";
	}

	@Override
	public List<Printable<ReturnSlipView>> load(List<Long> keys, PrintRunRecord run) {
		SubmissionTables tables = this.submissions.getIfAvailable();
		List<Printable<ReturnSlipView>> loaded = new ArrayList<>();
		for (Long key : keys) {
			loaded.add((tables == null) ? Printable.rejected(key, "报送#" + key, "未配置报送批次模块")
					: tables.returnSlip(key)
						.map((view) -> Printable.of(key, view.batchNo(), view))
						.orElseGet(() -> Printable.rejected(key, "报送#" + key, "报送批次不存在，或没有不予验证的登记")));
		}
		return loaded;
	}

	@Override
	public RenderResult render(List<ReturnSlipView> views, RenderOptions options, OutputStream out) {
		return this.renderer.render(views, options, out);
	}

}
