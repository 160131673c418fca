package org.ceprint.rendering;

import java.util.Map;

import org.ceprint.InvalidRequestException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rendering settings ({@code ceprint.rendering.*}).
 *
 * @param registrationPages registration pages in a booklet (8 rows each); a certificate
 * whose rows fill them is printed as full (第十八条)
 * @param sealDiameterMm the verification seal's diameter; the seal is drawn whole inside
 * its 验证单位 cell (64 × 52 points, 22.6 × 18.3 mm), hence at most 17 mm
 * @param printers calibration offsets by printer name, chosen with {@code --printer}
 */
@ConfigurationProperties("ceprint.rendering")
public record RenderingProperties(@DefaultValue("20") int registrationPages, @DefaultValue("15") double sealDiameterMm,
		Map<String, Calibration> printers) {

	static final int MIN_SEAL_DIAMETER_MM = 12;

	/** The cell is 52 points (18.3 mm) high; the ring keeps 1 point from each line. */
	static final int MAX_SEAL_DIAMETER_MM = 17;

	public static final RenderingProperties DEFAULTS = new RenderingProperties(20, 15, Map.of());

	public RenderingProperties {
		if (registrationPages < 1) {
			throw new IllegalArgumentException("ceprint.rendering.registration-pages 至少为 1，实为 " + registrationPages);
		}
		if (sealDiameterMm < MIN_SEAL_DIAMETER_MM || sealDiameterMm > MAX_SEAL_DIAMETER_MM) {
			throw new IllegalArgumentException(
					"ceprint.rendering.seal-diameter-mm 应在 %d 至 %d 之间（验证专用章须整枚盖在验证单位栏的一格内，格高约 18 毫米），实为 %s"
						.formatted(MIN_SEAL_DIAMETER_MM, MAX_SEAL_DIAMETER_MM, sealDiameterMm));
		}
		printers = (printers != null) ? Map.copyOf(printers) : Map.of();
	}

	/**
	 * A printer's calibration; no name means none.
	 * @throws InvalidRequestException for a printer not configured, naming those that are
	 */
	public Calibration calibration(String printer) {
		if (printer == null || printer.isBlank()) {
			return Calibration.NONE;
		}
		Calibration calibration = this.printers.get(printer);
		if (calibration == null) {
			throw new InvalidRequestException("未配置打印机「%s」的校准偏移（ceprint.rendering.printers.%s.right-mm / down-mm），已配置：%s"
				.formatted(printer, printer, this.printers.keySet()));
		}
		return calibration;
	}

	public int rowCapacity() {
		return this.registrationPages * CertificateRenderer.ROWS_PER_PAGE;
	}

}
