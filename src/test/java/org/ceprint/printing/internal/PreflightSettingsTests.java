package org.ceprint.printing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The preflight's settings refuse a sample rate that is no share, in Chinese, naming the
 * property and the way to turn the preflight off.
 */
class PreflightSettingsTests {

	@Test
	void theSampleRateIsAShareFromZeroToOne() {
		assertThatNoException().isThrownBy(() -> new PrintingProperties.Preflight(true, 0));
		assertThatNoException().isThrownBy(() -> new PrintingProperties.Preflight(true, 1));
		for (double rate : new double[] { -0.1, 1.5, Double.NaN }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new PrintingProperties.Preflight(true, rate))
				.withMessage("ceprint.printing.preflight.sample-rate 须在 0 到 1 之间（1 为逐份检查，0 只核对页数；"
						+ "关闭检查用 ceprint.printing.preflight.enabled=false）：" + rate);
		}
	}

}
