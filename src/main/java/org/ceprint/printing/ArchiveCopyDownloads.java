package org.ceprint.printing;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import org.ceprint.printing.internal.PrintedDocuments;
import org.ceprint.printing.internal.PrintedDocuments.PrintedPages;
import org.ceprint.rendering.ArchiveCopies;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PDF/A-2b archive copies of printed certificates, made when asked for (the counter's
 * download): the newest print's pages, cut from its print file.
 */
@Service
public class ArchiveCopyDownloads {

	private final PrintedDocuments documents;

	ArchiveCopyDownloads(PrintedDocuments documents) {
		this.documents = documents;
	}

	/**
	 * The archive copy of a certificate's newest print; empty when it was not printed or
	 * its print file is no longer there.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> certificate(String certificateNo) throws IOException {
		Optional<PrintedPages> pages = this.documents.latestPages(PrintJob.CERTIFICATES_KIND, certificateNo)
			.filter((printed) -> Files.exists(printed.file()));
		if (pages.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(ArchiveCopies.of(pages.get().file(), pages.get().firstPage(), pages.get().lastPage()));
	}

}
