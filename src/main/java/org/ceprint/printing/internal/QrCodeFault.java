package org.ceprint.printing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

import org.ceprint.rendering.RenderedDocument;

/**
 * Fault injection for the preflight's tests
 * ({@code ceprint.printing.fault.swap-qr-codes}): the QR symbols on the first pages of a
 * file's first two documents change places, as if the documents had been shifted against
 * their codes. Each code stays genuine; it is on the wrong document.
 */
final class QrCodeFault {

	private QrCodeFault() {
	}

	static void swapFirstTwo(Path pdf, List<RenderedDocument> documents) throws IOException {
		if (documents.size() < 2) {
			return;
		}
		Path altered = pdf.resolveSibling(pdf.getFileName() + ".fault");
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDResources first = document.getPage(documents.get(0).firstPage() - 1).getResources();
			PDResources second = document.getPage(documents.get(1).firstPage() - 1).getResources();
			COSName firstName = qrName(first);
			COSName secondName = qrName(second);
			if (firstName == null || secondName == null) {
				return;
			}
			PDXObject firstSymbol = first.getXObject(firstName);
			PDXObject secondSymbol = second.getXObject(secondName);
			first.put(firstName, secondSymbol);
			second.put(secondName, firstSymbol);
			document.save(altered.toFile());
		}
		Files.move(altered, pdf, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The QR symbol's form: the one without resources of its own ({@link PageChecker}).
	 */
	private static COSName qrName(PDResources resources) throws IOException {
		for (COSName name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDFormXObject form
					&& (form.getResources() == null || form.getResources().getCOSObject().size() == 0)) {
				return name;
			}
		}
		return null;
	}

}
