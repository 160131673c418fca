package org.ceprint.registry;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateNumbersTests {

	private static final Set<String> CHANNELS = Set.of("360000", "360100", "361100");

	@Test
	void encodesChannelYearSerialAndACheckCharacter() {
		String number = CertificateNumbers.format("360100", 2024, 123);
		assertThat(number).isEqualTo("36010020240001232");
		assertThat(CertificateNumbers.channelOf(number)).isEqualTo("360100");
		assertThat(CertificateNumbers.yearOf(number)).isEqualTo(2024);
		assertThat(CertificateNumbers.check(number, CHANNELS::contains).valid()).isTrue();
	}

	@Test
	void everySingleMistypedDigitIsCaught() {
		String number = CertificateNumbers.format("361100", 2019, 40_517);
		for (int position = 0; position < number.length(); position++) {
			for (char typed : "0123456789X".toCharArray()) {
				if (typed == number.charAt(position)) {
					continue;
				}
				String mistyped = number.substring(0, position) + typed + number.substring(position + 1);
				assertThat(CertificateNumbers.check(mistyped, (code) -> true).valid()).as(mistyped).isFalse();
			}
		}
	}

	@Test
	void everySwapOfTwoAdjacentDifferentCharactersIsCaught() {
		String number = CertificateNumbers.format("360000", 2023, 908_172);
		for (int i = 0; i + 1 < number.length(); i++) {
			if (number.charAt(i) == number.charAt(i + 1)) {
				continue;
			}
			char[] swapped = number.toCharArray();
			swapped[i] = number.charAt(i + 1);
			swapped[i + 1] = number.charAt(i);
			assertThat(CertificateNumbers.check(new String(swapped), (code) -> true).valid()).as(new String(swapped))
				.isFalse();
		}
	}

	@Test
	void acceptsWhatPeopleTypeAndExplainsWhatIsWrong() {
		assertThat(CertificateNumbers.check("360100-2024-000123-2", CHANNELS::contains).value())
			.isEqualTo("36010020240001232");
		assertThat(CertificateNumbers.check("３６０１００ ２０２４ ０００１２３ ２", CHANNELS::contains).valid()).isTrue();
		assertThat(CertificateNumbers.check("3601002024000123", CHANNELS::contains).problem()).contains("17 位");
		assertThat(CertificateNumbers.check("36010020240001233", CHANNELS::contains).problem()).contains("校验位错误");
		String unknown = CertificateNumbers.format("369900", 2024, 1);
		assertThat(CertificateNumbers.check(unknown, CHANNELS::contains).problem()).contains("发证机关代码 369900 未知");
		String early = CertificateNumbers.format("360100", 2005, 1);
		assertThat(CertificateNumbers.check(early, CHANNELS::contains).problem()).contains("2012");
	}

}
