package org.ceprint.authenticity;

import org.junit.jupiter.api.Test;

import org.ceprint.authenticity.internal.Masking;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void namesKeepTheirFirstAndLastCharacter() {
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("张三丰")).isEqualTo("张*丰");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(Masking.name("王𠀾")).isEqualTo("王*");
		assertThat(Masking.name("李𠀾明")).isEqualTo("李*明");
	}

	@Test
	void idNumbersKeepTheirFirstFourAndLastTwoCharacters() {
		assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101************2X");
	}

}
