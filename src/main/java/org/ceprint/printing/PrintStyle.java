package org.ceprint.printing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.ceprint.rendering.RenderOptions.Stock;

/**
 * How a run's documents are printed.
 *
 * @param stock full stock or the province's pre-printed booklets
 * @param maskIdNumbers print ID numbers masked, at the holders' request
 * @param printer the printer whose calibration ({@code ceprint.rendering.printers})
 * applies; null for none
 * @param archiveCopies also write a PDF/A-2b archive copy of each certificate and
 * register card (the run folder's {@code archive/})
 */
public record PrintStyle(Stock stock, boolean maskIdNumbers, String printer, boolean archiveCopies) {

	public static final PrintStyle DEFAULT = new PrintStyle(Stock.FULL, false, null);

	public PrintStyle(Stock stock, boolean maskIdNumbers, String printer) {
		this(stock, maskIdNumbers, printer, false);
	}

	/**
	 * Reads a style stored in a module event: one stored before archive copies existed
	 * has no {@code archiveCopies}, which Jackson 3 refuses for a primitive.
	 */
	@JsonCreator
	static PrintStyle fromJson(@JsonProperty("stock") Stock stock, @JsonProperty("maskIdNumbers") boolean maskIdNumbers,
			@JsonProperty("printer") String printer, @JsonProperty("archiveCopies") Boolean archiveCopies) {
		return new PrintStyle(stock, maskIdNumbers, printer, Boolean.TRUE.equals(archiveCopies));
	}

	public PrintStyle {
		if (stock == null) {
			stock = Stock.FULL;
		}
		if (printer != null && printer.isBlank()) {
			printer = null;
		}
	}

}
