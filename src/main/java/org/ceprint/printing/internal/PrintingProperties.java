package org.ceprint.printing.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of print runs.
 *
 * @param outputDir where run folders are created
 * @param documentsPerFile how many documents one PDF file holds; also the chunk size, so
 * each file is written and committed with its chunk
 * @param threads how many partitions (cities) print at once; 0 for one per processor
 */
@ConfigurationProperties("ceprint.printing")
public record PrintingProperties(@DefaultValue("print-batches") Path outputDir,
		@DefaultValue("200") int documentsPerFile, @DefaultValue("0") int threads) {

	public PrintingProperties {
		if (documentsPerFile < 1 || documentsPerFile > 5000) {
			throw new IllegalArgumentException(
					"ceprint.printing.documents-per-file 须在 1 到 5000 之间：" + documentsPerFile);
		}
		if (threads < 0 || threads > 64) {
			throw new IllegalArgumentException("ceprint.printing.threads 须在 0 到 64 之间：" + threads);
		}
	}

	/** The threads a partitioned step uses. */
	public int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
