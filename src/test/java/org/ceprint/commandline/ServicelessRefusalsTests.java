package org.ceprint.commandline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.ceprint.commandline.internal.CeprintCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' refusals reach the command line's handler, which prints their Chinese
 * message and exits with 2, for the commands that run without the application.
 */
class ServicelessRefusalsTests {

	private final StringWriter err = new StringWriter();

	@Test
	void keysGenerateRefusesAnIdOutOfRangeAndAnExistingKey(@TempDir Path folder) {
		String dir = folder.resolve("keys").toString();
		assertThat(run("keys", "generate", "--dir", dir, "--id", "0")).isEqualTo(2);
		assertThat(this.err.toString()).contains("密钥编号须在 1 到 255 之间：0").doesNotContain("错误：");
		assertThat(run("keys", "generate", "--dir", dir, "--id", "3")).isZero();
		assertThat(run("keys", "generate", "--dir", dir, "--id", "3")).isEqualTo(2);
		assertThat(this.err.toString()).contains("密钥 3 已存在");
	}

	@Test
	void verifyRefusesAFileThatIsNoImageAndAFolderWithoutPublicKeys(@TempDir Path folder) throws Exception {
		Path text = Files.writeString(folder.resolve("scan.png"), "not an image");
		assertThat(run("verify", text.toString(), "--offline", "--keys", folder.toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("不是可识别的图片或 PDF 文件").doesNotContain("错误：");
		Path code = folder.resolve("code.png");
		MatrixToImageWriter.writeToPath(
				new QRCodeWriter().encode("HTTP://LOCALHOST/V/X", BarcodeFormat.QR_CODE, 200, 200), "PNG", code);
		Path noKeys = Files.createDirectories(folder.resolve("no-keys"));
		assertThat(run("verify", code.toString(), "--offline", "--keys", noKeys.toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("中没有公钥（ed25519-<编号>.pub.pem）");
	}

	private int run(String... args) {
		CommandLine commandLine = CeprintCommand.commandLine(new CeprintCommand.ServicelessFactory());
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

}
