package org.ceprint.commandline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ceprint.testsupport.ChildJvm;
import org.ceprint.testsupport.ChildJvm.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a user would, in a child JVM: the README's main command on a
 * fresh embedded database, the verification page it serves, and the other subcommands.
 */
class CommandLineIntegrationTests {

	@TempDir
	Path workDir;

	@Test
	void helpListsEveryCommandWithoutStartingTheApplication() throws Exception {
		Result help = run(List.of("--help"));
		assertThat(help.exitCode()).isZero();
		assertThat(help.output()).contains("demo", "serve", "print", "verify", "import");

		Result serveHelp = run(List.of("serve", "--help"));
		assertThat(serveHelp.exitCode()).isZero();
		assertThat(serveHelp.output()).contains("启动服务").doesNotContain("Tomcat");

		Result printHelp = run(List.of("print", "certificates", "--help"));
		assertThat(printHelp.exitCode()).isZero();
		assertThat(printHelp.output()).contains("--city", "--reprint");
	}

	@Test
	void demoPrintsEveryDocumentThenVerifyReadsTheQrCodeOfAPrintedCertificate() throws Exception {
		Result demo = run(List.of("demo", "--people", "30", "--no-serve"));
		assertThat(demo.exitCode()).as(demo.output()).isZero();
		assertThat(demo.output()).contains("打印批次已完成", "继续教育证书：30 份", "继续教育登记卡：30 份", "登记汇总表（一式三份）");
		Path folder = onlyRunFolder();
		assertThat(folder.resolve("manifest.csv")).exists();
		assertThat(folder.resolve("_COMPLETE")).exists();

		Path certificates = folder.resolve("certificates-0001.pdf");
		Result verify = run(List.of("verify", certificates.toString()));
		assertThat(verify.exitCode()).as(verify.output()).isZero();
		assertThat(verify.output()).contains("二维码内容：http://localhost:8080/v/c/", "结论：真实，状态 有效");

		Result again = run(List.of("demo", "--no-serve"));
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("登记库中已有数据");
	}

	@Test
	void demoServesTheVerificationPageOfItsCertificates() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = start(List.of("demo", "--people", "12", "--server.port=" + port));
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String sampleUrl = null;
			Pattern sample = Pattern.compile("(http://localhost:" + port + "/v/c/\\S+)");
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				Matcher matcher = sample.matcher(line);
				if (matcher.find()) {
					sampleUrl = matcher.group(1);
				}
				if (line.contains("查验页面运行中")) {
					break;
				}
			}
			assertThat(sampleUrl).as("sample verification URL on the console").isNotNull();
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(sampleUrl)).timeout(Duration.ofSeconds(20)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("真实有效");
		}
		finally {
			process.destroy();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void importSaysItIsNotAvailableAndWritesNothing() throws Exception {
		Result result = run(List.of("import", "summary.xlsx"));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("导入功能尚未提供");
	}

	private Path onlyRunFolder() throws IOException {
		try (Stream<Path> folders = Files.list(this.workDir.resolve("print-batches"))) {
			List<Path> all = folders.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

	private Result run(List<String> args) throws Exception {
		return ChildJvm.run(this.workDir, args);
	}

	private Process start(List<String> args) throws IOException {
		return ChildJvm.start(this.workDir, args);
	}

}
