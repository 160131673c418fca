package org.ceprint.commandline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.ceprint.commandline.internal.CeprintCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an empty registry to a printed, verified certificate with ceprint's own commands
 * and the sample files of {@code docs/samples/}, as {@code docs/empty-registry.sh} runs
 * them: units, a roster, issuance, a print run and the QR code read back from the PDF.
 * Subclasses run it on H2 and on MariaDB, each on a database of its own that starts
 * empty.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class EmptyRegistryContract {

	static final Path SAMPLES = Path.of("docs/samples");

	static final String OFFICE = "360100";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path work;

	@Test
	void anEmptyRegistryReachesAPrintedAndVerifiedCertificate(CapturedOutput output) throws Exception {
		assertThat(count("SELECT COUNT(*) FROM person")).as("the registry starts empty").isZero();
		assertThat(count("SELECT COUNT(*) FROM organisation")).isZero();

		assertThat(run("units", "import", SAMPLES.resolve("units.csv").toString(), "--office", OFFICE, "--by", "合同测试"))
			.isZero();
		assertThat(output.getOut()).contains("units.csv：共 3 行，登记 3 条，已登记过 0 条，未导入 0 行");
		assertThat(count("SELECT COUNT(*) FROM organisation WHERE channel_code = '360100'")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM department WHERE channel_code = '360100'")).isEqualTo(2);

		assertThat(
				run("people", "import", SAMPLES.resolve("roster.csv").toString(), "--office", OFFICE, "--by", "合同测试"))
			.isZero();
		assertThat(output.getOut()).contains("roster.csv：共 5 行，登记 5 条");
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT sex FROM person WHERE name = '黄喆'").query(String.class).single())
			.isEqualTo("M");

		// the same files again: counted, not stored twice
		assertThat(run("units", "import", SAMPLES.resolve("units.csv").toString(), "--office", OFFICE)).isZero();
		assertThat(run("people", "import", SAMPLES.resolve("roster.csv").toString(), "--office", OFFICE)).isZero();
		assertThat(output.getOut()).contains("共 5 行，登记 0 条，已登记过 5 条，未导入 0 行");
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(5);

		assertThat(run("issue", "--office", OFFICE, "--all", "--by", "合同测试")).isZero();
		assertThat(output.getOut()).contains("已发放证书 5 本");
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE status = 'VALID' AND printed_at IS NULL"))
			.isEqualTo(5);
		assertThat(run("issue", "--office", OFFICE, "--all")).isZero();
		assertThat(output.getOut()).contains("已发放证书 0 本（没有尚无证书的人员）");
		assertThat(count("SELECT COUNT(*) FROM registry_audit WHERE action = 'CERTIFICATE_ISSUED'")).isEqualTo(5);

		assertThat(run("print", "certificates", "--city", OFFICE)).isZero();
		Path booklets = onlyCertificatesPdf(output.getOut());
		try (PDDocument document = Loader.loadPDF(booklets.toFile())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("欧阳晓燕", "张堃", "阿依古丽·买买提", "黄喆", "司马昇", "南昌市第九医院");
		}
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE printed_at IS NOT NULL")).isEqualTo(5);

		// the QR code of the first booklet, read back from a 150 dpi raster and checked
		assertThat(run("verify", booklets.toString())).isZero();
		assertThat(output.getOut()).contains("真实有效");
	}

	int run(String... args) {
		return CeprintCommand.commandLine(new CommandLine.IFactory() {

			@Override
			public <K> K create(Class<K> type) throws Exception {
				return type.isAnnotationPresent(CommandLine.Command.class)
						? EmptyRegistryContract.this.context.getAutowireCapableBeanFactory().createBean(type)
						: CommandLine.defaultFactory().create(type);
			}

		}).execute(args);
	}

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/** The one certificates PDF in the folder the print run named on its last line. */
	static Path onlyCertificatesPdf(String out) throws IOException {
		Matcher folder = Pattern.compile("打印批次已完成（批次 \\d+）：(\\S+)").matcher(out);
		assertThat(folder.find()).as("the print run names its folder").isTrue();
		try (Stream<Path> files = Files.list(Path.of(folder.group(1)))) {
			List<Path> pdfs = files.filter((file) -> file.getFileName().toString().startsWith("certificates-"))
				.filter((file) -> file.toString().endsWith(".pdf"))
				.toList();
			assertThat(pdfs).hasSize(1);
			return pdfs.get(0);
		}
	}

}
