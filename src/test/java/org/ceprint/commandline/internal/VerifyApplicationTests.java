package org.ceprint.commandline.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.registry.CertificateDossier;
import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.CertificateNumberAllocator;
import org.ceprint.registry.CertificateReplacements;
import org.ceprint.registry.CertificateStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify FILE} starts only {@link VerifyApplication}: on the same database it
 * gives the same answers and exit codes as the whole application for a valid, a
 * superseded and a forged certificate, and it starts without Flyway, Batch or Modulith's
 * events.
 */
@SpringBootTest
class VerifyApplicationTests {

	@Autowired
	ConfigurableApplicationContext whole;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	CertificateDossiers certificates;

	@Autowired
	CertificateReplacements replacements;

	@Autowired
	CertificateNumberAllocator numbers;

	@Autowired
	AuthenticityCodes codes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void theVerifyApplicationAnswersAsTheWholeApplication(@TempDir Path scans) throws Exception {
		this.generator.clearRegistry();
		this.generator.generate(19, 4, LocalDate.of(2026, 6, 30));
		List<String> numbers = this.jdbc.sql("SELECT certificate_no FROM certificate ORDER BY certificate_no LIMIT 2")
			.query(String.class)
			.list();
		String validContent = qrContent(numbers.get(0));
		String supersededContent = qrContent(numbers.get(1));
		CertificateDossier replaced = this.certificates.findByNumber(numbers.get(1)).orElseThrow();
		this.replacements.replace(replaced.certificateId(), CertificateStatus.SUPERSEDED,
				() -> this.numbers.next(replaced.channelCode(), 2026), LocalDate.of(2026, 6, 30), false);
		String token = validContent.substring(validContent.lastIndexOf('/') + 1);
		String forgedContent = validContent.substring(0, validContent.lastIndexOf('/') + 1) + token.substring(0, 30)
				+ ((token.charAt(30) == 'A') ? 'B' : 'A') + token.substring(31);
		Map<String, Path> files = Map.of("valid", qrImage(scans, "valid", validContent), "superseded",
				qrImage(scans, "superseded", supersededContent), "forged", qrImage(scans, "forged", forgedContent));

		try (ConfigurableApplicationContext verifyOnly = new SpringApplicationBuilder(VerifyApplication.class)
			.web(WebApplicationType.NONE)
			.lazyInitialization(true)
			// the URL the whole application's pool opened: the test settings draw a new
			// database name each time they are read
			.run("--spring.datasource.url=" + ((HikariDataSource) this.dataSource).getJdbcUrl(),
					"--" + CommandLineRunnerConfiguration.SCHEMA_CHECK_PROPERTY + "=true")) {
			// the schema check counted the Java migration by its class file: the context
			// started instead of being abandoned for the whole application
			assertThat(verifyOnly.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
			assertThat(verifyOnly.containsBean("eventPublicationRegistry")).isFalse();
			assertThat(verifyOnly.getBeanNamesForType(org.springframework.batch.core.launch.JobOperator.class))
				.isEmpty();

			Answer valid = verify(verifyOnly, files.get("valid"));
			assertThat(valid.exitCode()).as(valid.output()).isZero();
			assertThat(valid.output()).contains("结论：真实有效", numbers.get(0));
			Answer superseded = verify(verifyOnly, files.get("superseded"));
			assertThat(superseded.exitCode()).as(superseded.output()).isEqualTo(5);
			assertThat(superseded.output()).contains("证书已换发");
			Answer forged = verify(verifyOnly, files.get("forged"));
			assertThat(forged.exitCode()).as(forged.output()).isEqualTo(4);
			assertThat(forged.output()).contains("结论：不能确认真伪");

			for (String kind : List.of("valid", "superseded", "forged")) {
				assertThat(verify(verifyOnly, files.get(kind))).as(kind).isEqualTo(verify(this.whole, files.get(kind)));
			}
		}
		// every check was logged, as the whole application logs it
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM verification_scan WHERE channel = 'CLI'")
			.query(Integer.class)
			.single()).isEqualTo(9);
	}

	private String qrContent(String certificateNo) {
		CertificateDossier dossier = this.certificates.findByNumber(certificateNo).orElseThrow();
		return this.codes.qrContent(SignedDocument.of(DocumentKind.CERTIFICATE, dossier.certificateNo(),
				dossier.holder().name(), dossier.holder().idNumber(), dossier.issueDate(), BigDecimal.TEN));
	}

	private static Path qrImage(Path folder, String name, String content) throws Exception {
		Path file = folder.resolve(name + ".png");
		MatrixToImageWriter.writeToPath(
				new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 400, 400, Map.of(EncodeHintType.MARGIN, 4)),
				"PNG", file);
		return file;
	}

	/** Runs {@code verify FILE} as the command line runs it, with the context's beans. */
	private static Answer verify(ConfigurableApplicationContext context, Path file) {
		AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
		CommandLine.IFactory factory = new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				return (type == VerifyCommand.class) ? beans.createBean(type)
						: new CeprintCommand.ServicelessFactory().create(type);
			}
		};
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream console = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			int code = CeprintCommand.commandLine(factory).execute("verify", file.toString());
			return new Answer(code, out.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(console);
		}
	}

	private record Answer(int exitCode, String output) {

	}

}
