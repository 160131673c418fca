package org.ceprint.commandline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.ceprint.commandline.internal.CeprintCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seals} refuses what is no print folder and counts a file it cannot read as a
 * failure; its figures on rendered pages are tested with the checker (SealLayoutTests).
 */
class SealsCommandTests {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void refusesAMissingFolderOrFormAndAFolderWithoutPrintFiles(@TempDir Path folder) {
		assertThat(run("seals", folder.resolve("none").toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("找不到文件夹");
		assertThat(run("seals", folder.toString(), "--form", folder.resolve("none.pdf").toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("找不到文件");
		assertThat(run("seals", folder.toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("中没有证书（certificates-*.pdf）或套印页（seal-overlays-*.pdf）文件");
	}

	@Test
	void aCertificateFileThatIsNoPdfFailsTheCheck(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("certificates-360100-0001.pdf"), "not a pdf");
		assertThat(run("seals", folder.toString())).isEqualTo(3);
		assertThat(this.out.toString()).contains("证书文件 0 个，登记页 0 页", "certificates-360100-0001.pdf：文件无法读取（不是完整的 PDF）");
	}

	private int run(String... args) {
		CommandLine commandLine = CeprintCommand.commandLine(new CeprintCommand.ServicelessFactory());
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

}
