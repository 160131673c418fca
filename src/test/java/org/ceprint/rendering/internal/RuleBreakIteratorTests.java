package org.ceprint.rendering.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ceprint.rendering.LineBreakRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 避头尾 on crafted strings: the breaks the rule keeps, and the lines AWT's measurer makes
 * with them at widths chosen so that the line is full just before a 「：」 or 「）」 or just
 * after a 「（」.
 */
class RuleBreakIteratorTests {

	private static Font font;

	@BeforeAll
	static void loadFont() throws IOException, FontFormatException {
		try (InputStream in = RuleBreakIteratorTests.class.getResourceAsStream("/fonts/NotoSerifSC_400Regular.ttf")) {
			font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(10f);
		}
	}

	@Test
	void keepsClosingPunctuationWithTheCharacterBeforeIt() {
		assertThat(breaks("公需科目：专业")).containsExactly(0, 1, 2, 3, 5, 6, 7);
		assertThat(breaks("有计划自学）。好")).containsExactly(0, 1, 2, 3, 4, 7, 8);
	}

	@Test
	void keepsOpeningBracketsWithTheCharacterAfterThem() {
		assertThat(breaks("进修（临床）")).containsExactly(0, 1, 2, 4, 6);
		assertThat(breaks("见「附件」【二】")).containsExactly(0, 1, 3, 5, 8);
	}

	@Test
	void dropsBreaksAfterSpacesThatJavaKeeps() {
		String text = "注 ）甲 （ 乙";
		BreakIterator java = BreakIterator.getLineInstance();
		java.setText(text);
		assertThat(java.isBoundary(2)).isTrue();
		assertThat(breaks(text)).containsExactly(0, 3, 5, 8);
	}

	@Test
	void coversAsciiAndHalfWidthForms() {
		assertThat(breaks("甲｡乙､丙")).containsExactly(0, 2, 4, 5);
		assertThat(breaks("(a) b, c. [d]")).containsExactly(0, 4, 7, 10, 13);
	}

	@Test
	void navigatesLikeABreakIterator() {
		RuleBreakIterator breaks = new RuleBreakIterator();
		breaks.setText(new java.text.StringCharacterIterator("公需科目：专业"));
		assertThat(breaks.following(3)).isEqualTo(5);
		assertThat(breaks.preceding(5)).isEqualTo(3);
		assertThat(breaks.following(7)).isEqualTo(BreakIterator.DONE);
		assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
		assertThat(breaks.last()).isEqualTo(7);
		assertThat(breaks.previous()).isEqualTo(6);
		assertThat(breaks.isBoundary(4)).isFalse();
	}

	@Test
	void linesNeverStartWithClosingPunctuationNorEndWithOpeningBrackets() {
		// 10 pt ideographs: 45 and 55 pt hold four and five, so the natural breaks fall
		// before 「：」 and 「）」 and after 「（」; the rule keeps at most four together
		for (String text : List.of("公需科目：专业技术人员职业道德", "信息技术与学科教学融合（有计划自学）", "赴省级进修（临床医学）", "公需科（目）：专业技术")) {
			for (float width : new float[] { 45, 55 }) {
				List<String> lines = lines(text, width);
				assertThat(String.join("", lines)).isEqualTo(text);
				assertThat(lines).as(text + " in " + width + " pt").noneMatch(LineBreakRule::violatedBy);
			}
		}
		assertThat(lines("公需科目：专业技术", 35)).containsExactly("公需科", "目：专", "业技术");
		assertThat(lines("公需科目：专业技术", 45)).containsExactly("公需科", "目：专业", "技术");
		assertThat(lines("学科教学（有计划自学）", 45)).containsExactly("学科教学", "（有计划", "自学）");
	}

	@Test
	void breaksAPieceLongerThanTheLineAndLosesNothing() {
		assertThat(lines("公需科（目）：专业", 35)).containsExactly("公需科", "（目）", "：专业");
		String text = "甲）」』】。，、；：？！乙";
		List<String> lines = lines(text, 45);
		assertThat(String.join("", lines)).isEqualTo(text);
		assertThat(lines).hasSizeGreaterThan(1);
	}

	@Test
	void splitsPdfChunksAtTheSameBreaks() {
		RuleSplitCharacter split = new RuleSplitCharacter();
		char[] text = "公需科目：专业（技术）".toCharArray();
		List<Integer> after = new ArrayList<>();
		for (int i = 0; i < text.length; i++) {
			if (split.isSplitCharacter(0, i, text.length, text, null)) {
				after.add(i + 1);
			}
		}
		assertThat(after).containsExactly(1, 2, 3, 5, 6, 7, 9);
	}

	private static List<Integer> breaks(String text) {
		RuleBreakIterator breaks = new RuleBreakIterator();
		breaks.setText(new java.text.StringCharacterIterator(text));
		List<Integer> offsets = new ArrayList<>();
		for (int offset = breaks.first(); offset != BreakIterator.DONE; offset = breaks.next()) {
			offsets.add(offset);
		}
		return offsets;
	}

	private static List<String> lines(String text, float width) {
		AttributedString attributed = new AttributedString(text, Map.of(TextAttribute.FONT, font));
		LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), new RuleBreakIterator(),
				net.sf.jasperreports.engine.export.AbstractTextRenderer.LINE_BREAK_FONT_RENDER_CONTEXT);
		List<String> lines = new ArrayList<>();
		while (measurer.getPosition() < text.length()) {
			int start = measurer.getPosition();
			int end = measurer.nextOffset(width);
			measurer.setPosition(end);
			lines.add(text.substring(start, end));
		}
		return lines;
	}

}
