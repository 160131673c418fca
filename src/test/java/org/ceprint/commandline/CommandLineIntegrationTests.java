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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ceprint.testsupport.ChildJvm;
import org.ceprint.testsupport.ChildJvm.Result;
import org.ceprint.testsupport.PinnedClock;
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
		for (Result result : List.of(help, serveHelp, printHelp)) {
			assertThat(result.output()).contains("用法：", "显示本帮助并退出")
				.doesNotContain("Usage", "Commands:", "Show this help message", "Print version information");
		}
		assertThat(this.workDir.resolve("data")).doesNotExist();
	}

	@Test
	void aBadCommandLineIsRefusedInChineseBeforeTheApplicationStarts() throws Exception {
		Result bogus = run(List.of("print", "--bogus"));
		assertThat(bogus.exitCode()).isEqualTo(2);
		assertThat(bogus.output()).contains("错误：未知选项 --bogus", "用法见：", "print --help")
			.doesNotContain("Unknown option", "Usage");
		Result missing = run(List.of("reissue", "replace", "36010020240000019", "--reason", "lost"));
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.output()).contains("缺少必需的选项：").doesNotContain("Missing required");
		Result reason = run(List.of("reissue", "replace", "36010020240000019", "--reason", "stolen", "--clerk", "甲",
				"--office", "360100"));
		assertThat(reason.exitCode()).isEqualTo(2);
		assertThat(reason.output()).contains("换发原因须为");
		Result noFile = run(List.of("verify", "no-such-scan.png"));
		assertThat(noFile.exitCode()).isEqualTo(2);
		assertThat(noFile.output()).contains("找不到文件：no-such-scan.png");
		Result noSubcommand = run(List.of("print"));
		assertThat(noSubcommand.exitCode()).isEqualTo(2);
		assertThat(noSubcommand.output()).contains("缺少子命令", "certificates");
		// the application never started: it would have made its database, keys and log
		assertThat(this.workDir.resolve("data")).doesNotExist();
	}

	@Test
	void demoPrintsEveryDocumentThenVerifyReadsTheQrCodeOfAPrintedCertificate() throws Exception {
		Result demo = run(List.of("demo", "--people", "30", "--no-serve"));
		assertThat(demo.exitCode()).as(demo.output()).isZero();
		assertThat(demo.output()).contains("打印批次已完成", "继续教育证书：30 份", "继续教育登记卡：30 份", "登记汇总表（一式三份）");
		Path folder = onlyRunFolder();
		assertThat(folder.resolve("manifest.csv")).exists();
		assertThat(folder.resolve("_COMPLETE")).exists();

		String[] first = Files.readAllLines(folder.resolve("manifest.csv"))
			.stream()
			.map((line) -> line.split(","))
			.filter((line) -> line[1].equals("CERTIFICATE"))
			.findFirst()
			.orElseThrow();
		Path certificates = folder.resolve(first[2]);
		assertThat(first[3]).isEqualTo("1");
		Result verify = run(List.of("verify", certificates.toString()));
		assertThat(verify.exitCode()).as(verify.output()).isZero();
		assertThat(verify.output()).contains("二维码内容：HTTP://LOCALHOST:8080/V/", "结论：真实有效", first[0]);

		// offline: the public keys alone, in a folder of their own, and no database
		Path publicKeys = Files.createDirectories(this.workDir.resolve("public-keys"));
		Files.copy(this.workDir.resolve("data/keys/ed25519-1.pub.pem"), publicKeys.resolve("ed25519-1.pub.pem"));
		Result offline = run(List.of("verify", certificates.toString(), "--offline", "--keys", publicKeys.toString(),
				"--spring.datasource.url=jdbc:h2:tcp://nowhere.invalid/none"));
		assertThat(offline.exitCode()).as(offline.output()).isZero();
		assertThat(offline.output()).contains("签名有效（密钥 1）", "编号：" + first[0]);

		// offline too, the last page of a summary table (its third copy's totals): a page
		// other than the first; these tables take a page a copy, and
		// SummaryTableRendererTests reads every page of longer ones
		String[] table = Files.readAllLines(folder.resolve("manifest.csv"))
			.stream()
			.map((line) -> line.split(","))
			.filter((line) -> line[1].equals("SUMMARY_TABLE"))
			.max(Comparator.comparingInt((line) -> Integer.parseInt(line[4]) - Integer.parseInt(line[3])))
			.orElseThrow();
		assertThat(Integer.parseInt(table[4])).as("last page of %s", table[0])
			.isGreaterThan(Integer.parseInt(table[3]));
		Result tablePage = run(List.of("verify", folder.resolve(table[2]).toString(), "--page", table[4], "--offline",
				"--keys", publicKeys.toString()));
		assertThat(tablePage.exitCode()).as(tablePage.output()).isZero();
		assertThat(tablePage.output()).contains("签名有效（密钥 1）", "文件类型：继续教育情况登记汇总表", "编号：" + table[0]);

		// the counter: replace the printed certificate, and its QR code now says so
		Result reissue = run(List.of("reissue", "replace", first[0], "--reason", "damaged", "--clerk", "测试经办人",
				"--office", first[0].substring(0, 6)));
		assertThat(reissue.exitCode()).as(reissue.output()).isZero();
		assertThat(reissue.output()).contains("已换发（损毁）：原证书 " + first[0], "新证书 PDF：");
		Result superseded = run(List.of("verify", certificates.toString()));
		assertThat(superseded.exitCode()).as(superseded.output()).isEqualTo(5);
		assertThat(superseded.output()).contains("证书已换发，新证书编号 ");

		Result keys = run(List.of("keys", "generate", "--dir", this.workDir.resolve("data/keys").toString()));
		assertThat(keys.exitCode()).as(keys.output()).isZero();
		assertThat(keys.output()).contains("已生成密钥 2");
		assertThat(this.workDir.resolve("data/keys/ed25519-2.pem")).exists();

		// a city's assessment results, for the last ended year, as a workbook
		int lastYear = PinnedClock.START.getYear() - 1;
		Result export = run(List.of("export", "assessments", "--city", first[0].substring(0, 6), "--year",
				String.valueOf(lastYear), "-o", "结果.xlsx"));
		assertThat(export.exitCode()).as(export.output()).isZero();
		assertThat(export.output()).containsPattern("年度考核结果：\\d+ 人，合格 \\d+，不合格 \\d+");
		assertThat(this.workDir.resolve("结果.xlsx")).isNotEmptyFile();
		assertThat(this.workDir.resolve("结果.xlsx.part")).doesNotExist();

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
			Pattern sample = Pattern.compile("(HTTP://LOCALHOST:" + port + "/V/\\S+)");
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
	void importWritesTheTemplateAndRefusesAMissingFileByName() throws Exception {
		Result template = run(List.of("import", "--template", "模板.xlsx"));
		assertThat(template.exitCode()).as(template.output()).isZero();
		assertThat(this.workDir.resolve("模板.xlsx")).isNotEmptyFile();
		Result missing = run(List.of("import", "summary.xlsx"));
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.output()).contains("找不到文件：summary.xlsx");
		Result both = run(List.of("export", "assessments", "--city", "360100", "--unit", "x", "--year", "2025"));
		assertThat(both.exitCode()).isEqualTo(2);
		assertThat(both.output()).contains("--unit、--city 不能同时使用").doesNotContain("Exception");
		// the template and the refusals need no database
		assertThat(this.workDir.resolve("data")).doesNotExist();
	}

	@Test
	void aRunThatFailsSaysWhyInOneLineWithoutAStackTraceAndResumesWhenTheCauseIsGone() throws Exception {
		Result demo = run(List.of("demo", "--people", "60", "--no-print"));
		assertThat(demo.exitCode()).as(demo.output()).isZero();
		Path data = this.workDir.resolve("data");

		// an output folder that is a file: refused before a run exists, and no page is
		// served
		Path blocked = Files.writeString(this.workDir.resolve("not-a-folder"), "x");
		Result refused = ChildJvm.finish(ChildJvm.start(this.workDir, data, blocked, List.of("print", "certificates")),
				List.of());
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
		assertThat(refused.output()).contains("无法创建打印批次目录").doesNotContain("Exception", "\tat ");
		Result served = ChildJvm.finish(ChildJvm.start(this.workDir, data, blocked, List.of("demo", "--server.port=0")),
				List.of());
		assertThat(served.exitCode()).as(served.output()).isEqualTo(1);
		assertThat(served.output()).doesNotContain("查验页面", "Exception");

		// the run's folder taken away while it prints: the run fails, and says why
		Process printing = start(List.of("print", "certificates", "--ceprint.printing.documents-per-file=2"));
		Path folder = awaitFirstCertificateFile();
		Path away = folder.resolveSibling(folder.getFileName() + ".away");
		Files.move(folder, away);
		Files.writeString(folder, "not a folder");
		Result failed = ChildJvm.finish(printing, List.of());
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		Matcher line = Pattern.compile("打印批次未完成（批次 (\\d+)）：打印「继续教育证书」（36\\d{4}）第 \\d+ 个文件时出错：读写文件出错")
			.matcher(failed.output());
		assertThat(line.find()).as(failed.output()).isTrue();
		assertThat(failed.output()).contains("print resume " + line.group(1), "ceprint.log")
			.doesNotContain("Exception", "\tat ", "org.springframework", "java.");
		// the details, stack trace included, are in the log file
		assertThat(Files.readString(data.resolve("logs/ceprint.log"))).contains("\tat ");

		Files.delete(folder);
		Files.move(away, folder);
		Result resumed = run(List.of("print", "resume", line.group(1)));
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("打印批次已完成（批次 " + line.group(1) + "，续打）", "本次续打：继续教育证书 ",
				"整个批次：继续教育证书 60 份");
	}

	private Path awaitFirstCertificateFile() throws Exception {
		long deadline = System.nanoTime() + 180_000_000_000L;
		Path batches = this.workDir.resolve("print-batches");
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(batches)) {
				try (Stream<Path> folders = Files.list(batches)) {
					for (Path folder : folders.filter(Files::isDirectory).toList()) {
						try (Stream<Path> files = Files.list(folder)) {
							if (files
								.anyMatch((file) -> file.getFileName().toString().matches("certificates-.*\\.pdf"))) {
								return folder;
							}
						}
					}
				}
			}
			Thread.sleep(5);
		}
		throw new AssertionError("no certificate file in three minutes");
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
