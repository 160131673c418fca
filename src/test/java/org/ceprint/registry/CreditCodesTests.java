package org.ceprint.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodesTests {

	@Test
	void acceptsRealCodes() {
		// check characters computed by hand: Σ value·3^i mod 31 over the first 17, then
		// (31 − r) mod 31
		assertThat(CreditCodes.check("91350100M000100Y43").valid()).isTrue();
		assertThat(CreditCodes.check("911100001000079554").valid()).isTrue();
		assertThat(CreditCodes.checkCharacter("12360100491012345")).isEqualTo('U');
	}

	@Test
	void aWrongCheckCharacterNamesTheExpectedOne() {
		assertThat(CreditCodes.check("91350100M000100Y44").problem()).isEqualTo("校验位应为 3，实为 4");
	}

	@Test
	void refusesLettersOutsideTheAlphabet() {
		assertThat(CreditCodes.check("91350100MO00100Y43").problem()).contains("第 10 位「O」");
		assertThat(CreditCodes.check("9135010").problem()).isEqualTo("应为 18 位，实为 7 位");
	}

	@Test
	void normalisesLowercaseAndFullWidth() {
		assertThat(CreditCodes.check("９１３５０１００m０００１００y４３").value()).isEqualTo("91350100M000100Y43");
		assertThat(CreditCodes.check("９１３５０１００m０００１００y４３").valid()).isTrue();
	}

}
