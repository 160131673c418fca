package org.ceprint.rendering;

/**
 * A printer's offset in millimetres, measured on a test print: how far right and down
 * everything must move to land in the pre-printed boxes. Negative values move left and
 * up.
 */
public record Calibration(double rightMm, double downMm) {

	public static final Calibration NONE = new Calibration(0, 0);

	public static final double POINTS_PER_MM = 72 / 25.4;

	public Calibration {
		if (Math.abs(rightMm) > 20 || Math.abs(downMm) > 20) {
			throw new IllegalArgumentException("打印机校准偏移不能超过 20 毫米：右移 %s 毫米，下移 %s 毫米".formatted(rightMm, downMm));
		}
	}

	public boolean isNone() {
		return this.rightMm == 0 && this.downMm == 0;
	}

	public double rightPoints() {
		return this.rightMm * POINTS_PER_MM;
	}

	public double downPoints() {
		return this.downMm * POINTS_PER_MM;
	}

}
