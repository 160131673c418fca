package org.ceprint.rendering;

/**
 * How a run's documents are rendered.
 *
 * @param stock full stock (frames, titles and data) or the province's pre-printed
 * booklets (data alone, 第十七条)
 * @param maskIdNumbers print ID numbers masked (3601**********0521), at the holder's
 * request
 * @param calibration the printer's offset, applied to pre-printed stock and seal overlays
 */
public record RenderOptions(Stock stock, boolean maskIdNumbers, Calibration calibration) {

	public static final RenderOptions FULL_STOCK = new RenderOptions(Stock.FULL, false, Calibration.NONE);

	public RenderOptions {
		if (stock == null) {
			stock = Stock.FULL;
		}
		if (calibration == null) {
			calibration = Calibration.NONE;
		}
	}

	boolean fullStock() {
		return this.stock == Stock.FULL;
	}

	/** What the documents are printed on. */
	public enum Stock {

		/** Blank paper: ceprint prints frames, titles, labels and data. */
		FULL,

		/** The province's pre-printed booklets: data only, at calibrated positions. */
		PREPRINTED

	}

}
