package org.ceprint.rendering.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * What a PDF/A-2b copy needs of the fonts JasperReports embedded, and what keeps it
 * small.
 */
public final class PdfArchiving {

	/** The name of the seal layer's configuration in an archive copy. */
	public static final String LAYER_CONFIGURATION = "存档";

	private PdfArchiving() {
	}

	/**
	 * Gives the copy fonts of its own, leaving the print file's (which the copy's pages
	 * share until then) as they are:
	 * <ul>
	 * <li>without CIDSet: OpenPDF writes one listing the CIDs the document uses, while
	 * its subset program holds a few more glyphs; PDF/A-2 (6.2.11.4.2) requires a CIDSet
	 * to list every glyph of the program, and requires none;</li>
	 * <li>with only the glyphs the copy shows: the print file's subsets hold the glyphs
	 * of every document of the chunk.</li>
	 * </ul>
	 */
	public static void prepareFonts(PDDocument copy) throws IOException {
		GlyphUse use = new GlyphUse();
		for (PDPage page : copy.getPages()) {
			use.processPage(page);
		}
		Map<COSDictionary, COSDictionary> replaced = new IdentityHashMap<>();
		for (PDPage page : copy.getPages()) {
			PDResources resources = page.getResources();
			COSDictionary fonts = (resources != null) ? resources.getCOSObject().getCOSDictionary(COSName.FONT) : null;
			if (fonts == null) {
				continue;
			}
			COSDictionary own = new COSDictionary();
			for (COSName name : fonts.keySet()) {
				if (fonts.getDictionaryObject(name) instanceof COSDictionary font) {
					COSDictionary archived = replaced.get(font);
					if (archived == null) {
						archived = archivable(copy, font, use.used.getOrDefault(font, Set.of()));
						replaced.put(font, archived);
					}
					own.setItem(name, archived);
				}
				else {
					own.setItem(name, fonts.getItem(name));
				}
			}
			COSDictionary ownResources = new COSDictionary(resources.getCOSObject());
			ownResources.setItem(COSName.FONT, own);
			page.setResources(new PDResources(ownResources));
		}
	}

	/**
	 * A copy of a Type0 font's dictionaries, without CIDSet and with a trimmed program.
	 */
	private static COSDictionary archivable(PDDocument copy, COSDictionary font, Set<Integer> used) throws IOException {
		if (!(font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants)
				|| descendants.size() != 1 || !(descendants.getObject(0) instanceof COSDictionary cidFont)
				|| !(cidFont.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor)) {
			return font;
		}
		COSDictionary ownDescriptor = new COSDictionary(descriptor);
		ownDescriptor.removeItem(COSName.CID_SET);
		if (COSName.IDENTITY_H.equals(font.getDictionaryObject(COSName.ENCODING))
				&& COSName.IDENTITY.equals(cidFont.getDictionaryObject(COSName.CID_TO_GID_MAP))
				&& descriptor.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream program) {
			byte[] trimmed;
			try (InputStream in = program.createInputStream()) {
				trimmed = GlyphTrimming.trim(in.readAllBytes(), used);
			}
			if (trimmed != null) {
				PDStream stream = new PDStream(copy, new ByteArrayInputStream(trimmed), COSName.FLATE_DECODE);
				stream.getCOSObject().setInt(COSName.LENGTH1, trimmed.length);
				ownDescriptor.setItem(COSName.FONT_FILE2, stream);
			}
		}
		COSDictionary ownCidFont = new COSDictionary(cidFont);
		ownCidFont.setItem(COSName.FONT_DESC, ownDescriptor);
		COSArray ownDescendants = new COSArray();
		ownDescendants.add(ownCidFont);
		COSDictionary own = new COSDictionary(font);
		own.setItem(COSName.DESCENDANT_FONTS, ownDescendants);
		return own;
	}

	/**
	 * The character codes each font shows on the pages, read from the content streams
	 * without loading the fonts (which would parse every font program again for each
	 * copy). Codes are two bytes: the fonts JasperReports embeds are Identity-H, and
	 * {@link #archivable} trims no other.
	 */
	private static final class GlyphUse {

		final Map<COSBase, Set<Integer>> used = new IdentityHashMap<>();

		void processPage(PDPage page) throws IOException {
			PDResources resources = page.getResources();
			COSDictionary fonts = (resources != null) ? resources.getCOSObject().getCOSDictionary(COSName.FONT) : null;
			if (fonts == null) {
				return;
			}
			PDFStreamParser parser = new PDFStreamParser(page);
			List<COSBase> operands = new ArrayList<>();
			Set<Integer> codes = null;
			for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
				if (token instanceof COSBase operand) {
					operands.add(operand);
					continue;
				}
				String operator = ((Operator) token).getName();
				if (operator.equals("Tf") && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
					COSBase font = fonts.getDictionaryObject(name);
					codes = (font != null) ? this.used.computeIfAbsent(font, (key) -> new HashSet<>()) : null;
				}
				else if (codes != null && (operator.equals("Tj") || operator.equals("'") || operator.equals("\"")
						|| operator.equals("TJ")) && !operands.isEmpty()) {
					addCodes(operands.get(operands.size() - 1), codes);
				}
				operands.clear();
			}
		}

		private static void addCodes(COSBase shown, Set<Integer> codes) {
			if (shown instanceof COSString string) {
				byte[] bytes = string.getBytes();
				for (int i = 0; i + 1 < bytes.length; i += 2) {
					codes.add(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF));
				}
			}
			else if (shown instanceof COSArray parts) {
				for (COSBase part : parts) {
					addCodes(part, codes);
				}
			}
		}

	}

}
