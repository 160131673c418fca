package org.ceprint.rendering;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.ceprint.rendering.internal.VerificationSeals;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Knows which characters the shipped fonts can draw. Every printed field is checked
 * before filling, so that a character no font has (a rare name in CJK Extension B, say)
 * refuses the record with a reason instead of printing an empty box.
 */
@Component
public class GlyphCoverage {

	static final String REGULAR_FONT = "fonts/NotoSerifSC_400Regular.ttf";

	/** Extensions B to F, which Noto Serif SC lacks; the font set's fallback. */
	static final String FALLBACK_FONT = "fonts/HanaMinB.ttf";

	/**
	 * Loaded on the first check, so that commands that print nothing do not pay for it.
	 */
	private static final class Fonts {

		static final List<Font> ALL = List.of(load(REGULAR_FONT), load(FALLBACK_FONT));

	}

	/**
	 * The fonts' answers for the Basic Multilingual Plane so far: 0 not asked yet, 1
	 * covered, 2 not. Asking the fonts costs more than the rest of a field's checks, and
	 * imports and print runs ask for the same few thousand characters again and again.
	 * Threads may race to fill an entry; they write the same answer.
	 */
	private final byte[] basicPlane = new byte[Character.MAX_VALUE + 1];

	public boolean covers(int codePoint) {
		if (codePoint < 0 || codePoint > Character.MAX_VALUE) {
			return asksFonts(codePoint);
		}
		byte known = this.basicPlane[codePoint];
		if (known == 0) {
			known = asksFonts(codePoint) ? (byte) 1 : (byte) 2;
			this.basicPlane[codePoint] = known;
		}
		return known == 1;
	}

	private static boolean asksFonts(int codePoint) {
		if (Character.isWhitespace(codePoint)) {
			return true;
		}
		for (Font font : Fonts.ALL) {
			if (font.canDisplay(codePoint)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Checks one field of a document.
	 * @throws UnprintableRecordException naming the document, the field and the character
	 */
	public void check(String documentNo, String field, String value) {
		if (value == null) {
			return;
		}
		value.codePoints().filter((c) -> !covers(c)).findFirst().ifPresent((c) -> {
			throw new UnprintableRecordException(documentNo, field,
					"含有字库中没有的字「%s」(U+%04X)，无法打印，请人工核对后处理".formatted(new String(Character.toChars(c)), c));
		});
	}

	/**
	 * Checks the office's name on a 验证专用章, drawn in the seal's bold font alone: the text
	 * fonts' fallback does not reach the seal.
	 * @throws UnprintableRecordException naming the document, the field and the character
	 */
	public void checkSeal(String documentNo, String field, String office) {
		if (office == null) {
			return;
		}
		office.codePoints().filter((c) -> !VerificationSeals.covers(c)).findFirst().ifPresent((c) -> {
			throw new UnprintableRecordException(documentNo, field,
					"含有验证专用章字体中没有的字「%s」(U+%04X)，无法盖章，请人工核对后处理".formatted(new String(Character.toChars(c)), c));
		});
	}

	private static Font load(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("字体文件缺失：" + path, ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("字体文件无法读取：" + path, ex);
		}
	}

}
