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
 * @param sealDiameterMm the verification seal's diameter
 * @param printers calibration offsets by printer name, chosen with {@code --printer}
 */
@ConfigurationProperties("ceprint.rendering")
public record RenderingProperties(@DefaultValue("20") int registrationPages, @DefaultValue("40") double sealDiameterMm,
		Map<String, Calibration> printers) {

	public static final RenderingProperties DEFAULTS = new RenderingProperties(20, 40, Map.of());

	public RenderingProperties {
		if (registrationPages < 1) {
			throw new IllegalArgumentException("ceprint.rendering.registration-pages 至少为 1，实为 " + registrationPages);
		}
		if (sealDiameterMm < 30 || sealDiameterMm > 45) {
			throw new IllegalArgumentException("ceprint.rendering.seal-diameter-mm 应在 30 至 45 之间，实为 " + sealDiameterMm);
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
