package org.ceprint.commandline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.ceprint.intake.RegisterImports;
import org.ceprint.registry.Issuance;
import org.ceprint.testsupport.SampleCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an empty registry to a printed, verified certificate with ceprint's own commands
 * and the sample files of {@code docs/samples/}, as {@code docs/empty-registry.sh} runs
 * them: the administrator and a counter account, units, a roster, issuance, a print run
 * and the QR code read back from the PDF. Subclasses run it on H2 and on MariaDB, each on
 * a database of its own that starts empty.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class EmptyRegistryContract {

	static final Path SAMPLES = Path.of("docs/samples");

	static final String OFFICE = "360100";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegisterImports imports;

	@Autowired
	Issuance issuance;

	@TempDir
	Path work;

	@Test
	void anEmptyRegistryReachesAPrintedAndVerifiedCertificate(CapturedOutput output) throws Exception {
		// the database starts empty; the other test of this class works in another city
		assertThat(count("SELECT COUNT(*) FROM organisation WHERE channel_code = '360100'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM certificate")).isZero();

		// the administrator at installation (no default password), then a counter account
		assertThat(runWithInput("省厅管理员的口令 2026 甲", "account", "create-admin", "admin-empty", "--name", "省厅管理员",
				"--password-stdin"))
			.isZero();
		assertThat(runWithInput("南昌窗口的初始口令 2026 乙", "account", "add", "nanchang-empty", "--role", "CLERK", "--office",
				OFFICE, "--name", "南昌窗口", "--password-stdin", "--by", "admin-empty"))
			.isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM office_user
				WHERE (username = 'admin-empty' AND role = 'ADMIN' AND must_change_password = FALSE)
				   OR (username = 'nanchang-empty' AND role = 'CLERK' AND must_change_password = TRUE)
				""")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM account_audit WHERE username IN ('admin-empty', 'nanchang-empty')"))
			.isEqualTo(2);

		assertThat(run("units", "import", SAMPLES.resolve("units.csv").toString(), "--office", OFFICE, "--by",
				"nanchang-empty"))
			.isZero();
		assertThat(output.getOut()).contains("units.csv：共 3 行，登记 3 条，已登记过 0 条，未导入 0 行");
		assertThat(count("SELECT COUNT(*) FROM organisation WHERE channel_code = '360100'")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM department WHERE channel_code = '360100'")).isEqualTo(2);

		assertThat(
				run("people", "import", SAMPLES.resolve("roster.csv").toString(), "--office", OFFICE, "--by", "合同测试"))
			.isZero();
		assertThat(output.getOut()).contains("roster.csv：共 5 行，登记 5 条");
		assertThat(count(PEOPLE_OF_NANCHANG)).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT sex FROM person WHERE name = '黄喆'").query(String.class).single())
			.isEqualTo("M");

		// the same files again: counted, not stored twice
		assertThat(run("units", "import", SAMPLES.resolve("units.csv").toString(), "--office", OFFICE)).isZero();
		assertThat(run("people", "import", SAMPLES.resolve("roster.csv").toString(), "--office", OFFICE)).isZero();
		assertThat(output.getOut()).contains("共 5 行，登记 0 条，已登记过 5 条，未导入 0 行");
		assertThat(count(PEOPLE_OF_NANCHANG)).isEqualTo(5);

		assertThat(run("issue", "--office", OFFICE, "--all", "--by", "合同测试")).isZero();
		assertThat(output.getOut()).contains("已发放证书 5 本");
		assertThat(
				count("""
						SELECT COUNT(*) FROM certificate WHERE channel_code = '360100' AND status = 'VALID' AND printed_at IS NULL
						"""))
			.isEqualTo(5);
		assertThat(run("issue", "--office", OFFICE, "--all")).isZero();
		assertThat(output.getOut()).contains("已发放证书 0 本（没有尚无证书的人员）");
		assertThat(count("""
				SELECT COUNT(*) FROM registry_audit WHERE action = 'CERTIFICATE_ISSUED' AND office_channel = '360100'
				""")).isEqualTo(5);

		assertThat(run("print", "certificates", "--city", OFFICE)).isZero();
		Path booklets = onlyCertificatesPdf(output.getOut());
		try (PDDocument document = Loader.loadPDF(booklets.toFile())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("欧阳晓燕", "张堃", "阿依古丽·买买提", "黄喆", "司马昇", "南昌市第九医院");
		}
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE channel_code = '360100' AND printed_at IS NOT NULL"))
			.isEqualTo(5);

		// the QR code of the first booklet, read back from a 150 dpi raster and checked
		assertThat(run("verify", booklets.toString())).isZero();
		assertThat(output.getOut()).contains("真实有效");
	}

	/**
	 * One person, one certificate (第七条) under two clerks issuing a unit's roster at the
	 * same moment: every person ends with exactly one valid certificate, and the two
	 * issues together stored one for each.
	 */
	@Test
	void twoIssuersAtOnceGiveEveryPersonOneCertificate() throws Exception {
		String office = "360900";
		String unit = SampleCodes.creditCode(office, 9001);
		Path units = this.work.resolve("units.csv");
		Files.writeString(units, "\uFEFF名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话\n宜春并发发证测试单位,%s,单位,,,,\n".formatted(unit),
				StandardCharsets.UTF_8);
		assertThat(this.imports.importUnits(units, this.work.resolve("u.xlsx"), office, "测试").imported()).isOne();
		StringBuilder roster = new StringBuilder("\uFEFF姓名,身份证件号码,性别,出生日期,所在单位统一社会信用代码,职称,职称级别,专业\n");
		int people = 40;
		for (int i = 0; i < people; i++) {
			roster.append("并发%s,%s,,,%s,,,\n".formatted(Character.toString(0x4E00 + i),
					SampleCodes.idNumber("360902", "19900101", i, i % 2 == 0), unit));
		}
		Path rosterFile = this.work.resolve("roster.csv");
		Files.writeString(rosterFile, roster, StandardCharsets.UTF_8);
		assertThat(this.imports.importRoster(rosterFile, this.work.resolve("r.xlsx"), office, "测试").imported())
			.isEqualTo(people);

		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService clerks = Executors.newFixedThreadPool(2);
		try {
			List<Future<Issuance.Issued>> issues = new ArrayList<>();
			for (String clerk : List.of("甲", "乙")) {
				issues.add(clerks.submit(() -> {
					start.await();
					return this.issuance.issueForUnit(office, unit, LocalDate.of(2026, 6, 30), clerk);
				}));
			}
			int stored = 0;
			int alreadyHeld = 0;
			for (Future<Issuance.Issued> issue : issues) {
				stored += issue.get().certificateNumbers().size();
				alreadyHeld += issue.get().alreadyHeld();
			}
			assertThat(stored).isEqualTo(people);
			assertThat(stored + alreadyHeld).isLessThanOrEqualTo(2 * people);
		}
		finally {
			clerks.shutdownNow();
		}
		assertThat(count("""
				SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.unit_id
				WHERE o.channel_code = '360900'
				  AND (SELECT COUNT(*) FROM certificate c WHERE c.person_id = p.id AND c.status = 'VALID') = 1
				""")).as("people with exactly one valid certificate").isEqualTo(people);
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE channel_code = '360900'")).isEqualTo(people);
	}

	/** Runs a command whose standard input is {@code line} (a password). */
	int runWithInput(String line, String... args) {
		InputStream stdin = System.in;
		System.setIn(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));
		try {
			return run(args);
		}
		finally {
			System.setIn(stdin);
		}
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

	static final String PEOPLE_OF_NANCHANG = """
			SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.unit_id WHERE o.channel_code = '360100'
			""";

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
