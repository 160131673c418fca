package org.ceprint.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name rule, one case a rule: what is normalised, what is refused and how the refusal
 * names the character.
 */
class PersonNamesTests {

	@Test
	void aChineseNameIsAcceptedAsTyped() {
		assertAccepted("张三", "张三");
		assertAccepted("欧阳堃", "欧阳堃");
		assertAccepted("阿依古丽·买买提", "阿依古丽·买买提");
		assertAccepted("爱新觉罗·溥仪", "爱新觉罗·溥仪");
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "2022", "30FB", "FF65", "FF0E", "002E", "2027", "2219", "22C5", "0387", "16EB", "318D",
			"2E31", "A78F", "00B7" })
	void everyVariantOfTheMiddleDotBecomesU00B7(String hex) {
		String dot = Character.toString(Integer.parseInt(hex, 16));
		assertAccepted("阿依古丽" + dot + "买买提", "阿依古丽·买买提");
	}

	@Test
	void spacesAroundTheNameAreTrimmedAndTheNameIsPutInNfc() {
		assertAccepted(" \u3000张三\u00A0\t", "张三");
		// a compatibility ideograph (U+F9DC) is the unified one (U+9686) in NFC
		assertAccepted("张\uF9DC", "张隆");
	}

	@Test
	void latinLettersAreRefusedNamingTheLetterAndItsCodePoint() {
		assertRefused("张A", "含有拉丁字母「A」(U+0041)，姓名只能使用汉字和间隔号「·」；外籍人员请使用外文姓名栏");
		assertRefused("Zhang San", "含有拉丁字母「Z」(U+005A)");
		assertRefused("张Ａ", "含有拉丁字母「Ａ」(U+FF21)");
		assertRefused("张é", "含有拉丁字母「é」(U+00E9)");
	}

	@Test
	void digitsPunctuationAndSymbolsAreRefused() {
		assertRefused("张三2", "含有数字「2」(U+0032)");
		assertRefused("张三（曾用名）", "含有「（」(U+FF08)，不是汉字");
		assertRefused("张-三", "含有「-」(U+002D)，不是汉字");
		assertRefused("张。三", "含有「。」(U+3002)，不是汉字");
		assertRefused("张三😀", "含有「😀」(U+1F600)，不是汉字");
		assertRefused("さくら", "含有「さ」(U+3055)，不是汉字");
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "0020", "3000", "00A0", "2002" })
	void anInnerSpaceIsRefused(String hex) {
		String space = Character.toString(Integer.parseInt(hex, 16));
		assertRefused("张" + space + "三", "中间含有空格 U+" + hex + "，姓名中间不能有空格");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "200B, 零宽字符", "200D, 零宽字符", "FEFF, 零宽字符", "202E, 文字方向控制符", "2067, 文字方向控制符", "0000, 控制字符", "0009, 控制字符",
			"00AD, 格式控制字符", "E000, 私用区字符", "F0000, 私用区字符", "FE0F, 异体字选择符", "E0100, 异体字选择符", "D800, 不完整的字符",
			"0378, 未分配的字符", "2028, 换行符" })
	void invisibleAndUnassignedCharactersAreRefused(String hex, String kind) {
		String c = Character.toString(Integer.parseInt(hex, 16));
		assertRefused("张" + c + "三", "含有" + kind);
		assertRefused("张" + c + "三", "U+" + hex + "，");
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "200B", "FEFF", "202E", "0000", "E000" })
	void onlySpacesAreTrimmedAnInvisibleCharacterAtEitherEndIsRefused(String hex) {
		String c = Character.toString(Integer.parseInt(hex, 16));
		assertRefused("张三" + c, "U+" + hex);
		assertRefused(c + "张三", "U+" + hex);
	}

	@Test
	void aRadicalThatLooksLikeACharacterIsRefusedWithTheCharacterMeant() {
		// ⼈ KANGXI RADICAL MAN, as text copied from a PDF holds it
		assertRefused("⼈杰", "含有部首「⼈」(U+2F08)，它不是汉字，请改为「人」(U+4EBA)");
	}

	@Test
	void aMiddleDotAtEitherEndOrTwoInARowIsRefusedNamingTheDotTyped() {
		assertRefused("张三•", "间隔号「•」(U+2022)不能在姓名的开头或结尾");
		assertRefused("·张三", "间隔号「·」(U+00B7)不能在姓名的开头或结尾");
		assertRefused("阿依古丽··买买提", "间隔号「·」(U+00B7)不能连续出现");
		assertRefused("阿依古丽·・买买提", "间隔号「・」(U+30FB)不能连续出现");
		assertRefused("·", "间隔号");
	}

	@Test
	void charactersOfTheCjkExtensionsAreAcceptedTheFontsDecideWhetherTheyPrint() {
		// Extension A, B (U+20000), E and G: Han ideographs all
		assertAccepted("李㐀", "李㐀");
		assertAccepted("王\uD840\uDC00", "王\uD840\uDC00");
		assertAccepted("王𫠠", "王𫠠");
		assertAccepted("王\uD880\uDC00", "王\uD880\uDC00");
	}

	@Test
	void anEmptyNameIsRefused() {
		assertRefused(null, "须填写");
		assertRefused("", "须填写");
		assertRefused(" \u3000 ", "须填写");
	}

	@Test
	void aNameLongerThanTheColumnIsRefusedCountedAsTheColumnCounts() {
		assertAccepted("长".repeat(FieldLengths.PERSON_NAME), "长".repeat(FieldLengths.PERSON_NAME));
		assertRefused("长".repeat(FieldLengths.PERSON_NAME + 1), "不能超过 40 字（现有 41 字）");
		// twenty-one characters of Extension B are 42 UTF-16 units, too long for H2
		String extensionB = "\uD840\uDC00".repeat(21);
		assertRefused(extensionB, "不能超过 40 字（现有 21 字，其中扩展区汉字 21 个，每个按 2 字计）");
		assertAccepted("\uD840\uDC00".repeat(20), "\uD840\uDC00".repeat(20));
	}

	@Test
	void aRefusedNameKeepsItsNormalisedValueForTheMessage() {
		Checked checked = PersonNames.check(" 张三• ");
		assertThat(checked.valid()).isFalse();
		assertThat(checked.value()).isEqualTo("张三·");
	}

	@Test
	void aForeignNameIsLatinLettersWithSingleSeparators() {
		assertForeign("John Smith", "John Smith");
		assertForeign("Jean-Pierre O’Neil", "Jean-Pierre O'Neil");
		assertForeign("ＪＯＨＮ\u3000ＳＭＩＴＨ", "JOHN SMITH");
		assertForeign("José Núñez", "José Núñez");
		assertForeign("Anna•Maria", "Anna·Maria");
		assertForeign("  d'Artagnan ", "d'Artagnan");
	}

	@Test
	void aForeignNameRefusesWhatANameOfThatFieldMayNotHold() {
		assertForeignRefused("", "须填写");
		assertForeignRefused("John  Smith", "「 」(U+0020)与「 」(U+0020)连在一起");
		assertForeignRefused("John-", "「-」(U+002D)不能在外文姓名的开头或结尾");
		assertForeignRefused("John F. Kennedy", "含有「.」(U+002E)，外文姓名只能使用拉丁字母");
		assertForeignRefused("John2", "含有数字「2」(U+0032)");
		assertForeignRefused("张三", "含有「张」(U+5F20)");
		assertForeignRefused("Иван", "含有「И」(U+0418)");
		assertForeignRefused("John\u200BSmith", "含有零宽字符 U+200B");
		assertForeignRefused("John\u202ESmith", "含有文字方向控制符 U+202E");
		assertForeignRefused("John\u0000", "含有控制字符 U+0000");
	}

	private static void assertAccepted(String typed, String expected) {
		Checked checked = PersonNames.check(typed);
		assertThat(checked.problem()).as(typed).isNull();
		assertThat(checked.value()).isEqualTo(expected);
	}

	private static void assertRefused(String typed, String reason) {
		Checked checked = PersonNames.check(typed);
		assertThat(checked.valid()).as(typed).isFalse();
		assertThat(checked.problem()).contains(reason);
	}

	private static void assertForeign(String typed, String expected) {
		Checked checked = PersonNames.checkForeign(typed);
		assertThat(checked.problem()).as(typed).isNull();
		assertThat(checked.value()).isEqualTo(expected);
	}

	private static void assertForeignRefused(String typed, String reason) {
		Checked checked = PersonNames.checkForeign(typed);
		assertThat(checked.valid()).as(typed).isFalse();
		assertThat(checked.problem()).contains(reason);
	}

}
