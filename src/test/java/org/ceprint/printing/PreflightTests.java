package org.ceprint.printing;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.internal.RunFolderFinisher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preflight in a print run: QR codes put on the wrong documents after rendering
 * ({@code ceprint.printing.fault.swap-qr-codes}: the first two booklets of every file
 * swap codes, each code still genuine) keep the folder incomplete, name the documents,
 * and are found again when the run is resumed. That a correct run passes it, every
 * {@link PrintRunContract} run shows.
 */
@SpringBootTest(properties = { "ceprint.printing.documents-per-file=3", "ceprint.printing.fault.swap-qr-codes=true" })
class PreflightTests {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void qrCodesOnTheWrongDocumentsKeepTheRunIncompleteAndNameTheDocuments() throws Exception {
		this.generator.clearRegistry();
		this.generator.generate(7, 12);

		PrintRunResult result = this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));

		assertThat(result.complete()).isFalse();
		assertThat(result.folder().resolve(RunFolderFinisher.COMPLETE_MARKER)).doesNotExist();
		assertThat(result.folder().resolve(RunFolderFinisher.MANIFEST)).doesNotExist();
		// every file of two or more booklets had its first two swapped: the message names
		// the first of them, its file and page, and the booklet whose code it carries
		List<Map<String, Object>> swapped = this.jdbc
			.sql("""
					SELECT d.document_no, d.file_name, n.document_no AS other FROM print_document d
					JOIN print_document n ON n.run_id = d.run_id AND n.file_name = d.file_name AND n.first_page = d.last_page + 1
					WHERE d.run_id = :run AND d.first_page = 1 ORDER BY d.file_name
					""")
			.param("run", result.runId())
			.query()
			.listOfRows();
		assertThat(swapped).isNotEmpty();
		Map<String, Object> first = swapped.get(0);
		assertThat(result.failure()).startsWith("发布前检查未通过：%d 处问题".formatted(2 * swapped.size()))
			.contains("%s 第 1 页（继续教育证书 %s）：二维码属于另一份文件（继续教育证书 %s），不是本份".formatted(first.get("file_name"),
					first.get("document_no"), first.get("other")))
			.contains("print resume " + result.runId());
		assertThat(result.preflight()).isNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM print_run WHERE id = :run AND completed_at IS NOT NULL")
			.param("run", result.runId())
			.query(Long.class)
			.single()).isZero();

		// a resumption prints nothing again and checks the files again
		PrintRunResult resumed = this.printRuns.resume(result.runId(), true);

		assertThat(resumed.complete()).isFalse();
		assertThat(resumed.printed()).isZero();
		assertThat(resumed.failure()).isEqualTo(result.failure());
		assertThat(Files.exists(result.folder().resolve(RunFolderFinisher.COMPLETE_MARKER))).isFalse();
	}

}
