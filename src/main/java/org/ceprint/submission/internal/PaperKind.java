package org.ceprint.submission.internal;

import java.util.List;

import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintStyle;

/**
 * The papers printed when a batch closes, each by a print run of its own; the name is
 * stored with the run and names the paper in the API's download path.
 */
public enum PaperKind {

	/** the summary table with both opinions, in three copies; always */
	SUMMARY_TABLE("登记汇总表（一式三份）"),
	/** the entries not verified, with their reasons; when any was rejected */
	RETURN_SLIP("验证退回单"),
	/** the new seals on the pages of booklets already printed; the default */
	SEAL_OVERLAYS("验证章套印页"),
	/**
	 * the booklets with verified entries printed again in full, instead of the overlays
	 */
	CERTIFICATES("证书（整本重印）"),
	/** the register cards of the holders of verified entries */
	REGISTER_CARDS("登记卡");

	private final String label;

	PaperKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The print run of this paper for the batch and the booklets of its verified entries.
	 */
	PrintRequest request(long submissionId, List<String> booklets) {
		return switch (this) {
			case SUMMARY_TABLE -> PrintRequest.submissionTable(submissionId);
			case RETURN_SLIP -> PrintRequest.returnSlip(submissionId);
			case SEAL_OVERLAYS -> PrintRequest.sealOverlays(booklets, PrintStyle.DEFAULT);
			case CERTIFICATES -> PrintRequest.certificates(booklets, true, PrintStyle.DEFAULT);
			case REGISTER_CARDS -> PrintRequest.registerCards(booklets);
		};
	}

	/**
	 * A paper by the name in a download path, in any case.
	 * @return null for an unknown name
	 */
	static PaperKind parseOrNull(String name) {
		for (PaperKind kind : values()) {
			if (kind.name().equalsIgnoreCase(name)) {
				return kind;
			}
		}
		return null;
	}

}
