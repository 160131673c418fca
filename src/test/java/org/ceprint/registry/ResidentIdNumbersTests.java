package org.ceprint.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.ceprint.registry.internal.InvalidRecordException;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumbersTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	@Test
	void acceptsTheStandardsSampleThatEndsInX() {
		// GB 11643-1999's own example: weights over 11010519491231002 sum to 167, 167 mod
		// 11 = 2 → X
		Checked checked = ResidentIdNumbers.check("11010519491231002X", TODAY);
		assertThat(checked.valid()).isTrue();
		assertThat(ResidentIdNumbers.birthDateOf(checked.value())).hasValue(LocalDate.of(1949, 12, 31));
		assertThat(ResidentIdNumbers.sexOf(checked.value())).isEqualTo(Sex.F);
	}

	@Test
	void computesCheckCharacters() {
		assertThat(ResidentIdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
		// the standard's second example, 440524188001010014
		assertThat(ResidentIdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
		assertThat(ResidentIdNumbers.checkCharacter("36010219900307123")).isEqualTo('6');
	}

	@Test
	void aWrongCheckCharacterNamesTheExpectedOne() {
		Checked checked = ResidentIdNumbers.check("110105194912310021", TODAY);
		assertThat(checked.valid()).isFalse();
		assertThat(checked.problem()).isEqualTo("校验位应为 X，实为 1");
	}

	@Test
	void normalisesWhatPeopleType() {
		assertThat(ResidentIdNumbers.check("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
		assertThat(ResidentIdNumbers.check(" １１０１０５１９４９１２３１００２ｘ ", TODAY))
			.isEqualTo(new Checked("11010519491231002X", null));
		assertThat(ResidentIdNumbers.check("360102 19900307 1236", TODAY).valid()).isTrue();
	}

	@Test
	void refusesImpossibleDatesUnknownProvincesAndWrongLengths() {
		assertThat(ResidentIdNumbers.check("360102199002300011", TODAY).problem()).contains("19900230", "不是有效日期");
		String unknownProvince = "99010219900307123";
		assertThat(ResidentIdNumbers.check(unknownProvince + ResidentIdNumbers.checkCharacter(unknownProvince), TODAY)
			.problem()).contains("省级行政区划代码");
		assertThat(ResidentIdNumbers.check("440524188001010014", TODAY).problem()).contains("不在合理范围内");
		String future = "36010220270101001";
		assertThat(ResidentIdNumbers.check(future + ResidentIdNumbers.checkCharacter(future), TODAY).problem())
			.contains("不在合理范围内");
		assertThat(ResidentIdNumbers.check("3601021990030712", TODAY).problem()).isEqualTo("应为 18 位，实为 16 位");
		assertThat(ResidentIdNumbers.check("36010219900307123A", TODAY).problem()).contains("末位为数字或 X");
	}

	@Test
	void anInvalidNumberBecomesAMessageNamingRecordAndField() {
		Checked checked = ResidentIdNumbers.check("110105194912310021", TODAY);
		assertThat(org.assertj.core.api.Assertions
			.catchThrowableOfType(InvalidRecordException.class,
					() -> checked.orThrow("人员「张三」", ResidentIdNumbers.FIELD))
			.getMessage()).isEqualTo("人员「张三」的「身份证件号码」(110105194912310021)：校验位应为 X，实为 1");
	}

}
