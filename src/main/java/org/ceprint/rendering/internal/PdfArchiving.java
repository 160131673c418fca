package org.ceprint.rendering.internal;

import java.io.IOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * What a PDF/A-2b copy needs of the fonts JasperReports embedded.
 */
public final class PdfArchiving {

	/** The name of the seal layer's configuration in an archive copy. */
	public static final String LAYER_CONFIGURATION = "存档";

	private PdfArchiving() {
	}

	/**
	 * Drops the CIDSet of every embedded CID font. OpenPDF writes one listing the CIDs
	 * the document uses, while its subset program holds a few more glyphs (the notdef and
	 * composite parts): PDF/A-2 (6.2.11.4.2) requires a CIDSet to list every glyph of the
	 * program, and requires none. The font dictionaries may be shared with the print file
	 * the copy was cut from, which is read and never saved.
	 */
	public static void prepareFonts(PDDocument copy) throws IOException {
		for (PDPage page : copy.getPages()) {
			prepareFonts(page.getResources(), 0);
		}
	}

	private static void prepareFonts(PDResources resources, int depth) throws IOException {
		if (resources == null || depth > 8) {
			return;
		}
		COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
		if (fonts != null) {
			for (COSName name : fonts.keySet()) {
				if (fonts.getDictionaryObject(name) instanceof COSDictionary font) {
					dropCidSets(font);
				}
			}
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			if (object instanceof PDFormXObject form) {
				prepareFonts(form.getResources(), depth + 1);
			}
		}
	}

	private static void dropCidSets(COSDictionary font) {
		if (!(font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants)) {
			return;
		}
		for (COSBase descendant : descendants) {
			COSBase resolved = (descendant instanceof COSObject reference) ? reference.getObject() : descendant;
			if (resolved instanceof COSDictionary cidFont
					&& cidFont.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor) {
				descriptor.removeItem(COSName.CID_SET);
			}
		}
	}

}
