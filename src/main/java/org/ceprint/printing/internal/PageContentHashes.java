package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.ceprint.rendering.RenderedDocument;

/**
 * Hashes each document's pages in a rendered PDF, so the manifest can prove which pages
 * belong to which document and that they were not altered.
 */
final class PageContentHashes {

	private PageContentHashes() {
	}

	static List<PrintedDocument> of(Path pdf, List<RenderedDocument> documents) throws IOException {
		List<PrintedDocument> hashed = new ArrayList<>(documents.size());
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (RenderedDocument rendered : documents) {
				MessageDigest digest = sha256();
				for (int page = rendered.firstPage(); page <= rendered.lastPage(); page++) {
					try (InputStream content = document.getPage(page - 1).getContents()) {
						digest.update(content.readAllBytes());
					}
				}
				hashed.add(new PrintedDocument(rendered.documentNo(), rendered.firstPage(), rendered.lastPage(),
						HexFormat.of().formatHex(digest.digest())));
			}
		}
		return hashed;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
