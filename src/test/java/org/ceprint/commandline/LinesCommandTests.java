package org.ceprint.commandline;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.ceprint.commandline.internal.CeprintCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lines <folder>} reads each printed line on its own, two cells on one baseline
 * included, and exits with 1 when one breaks 避头尾.
 */
class LinesCommandTests {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void reportsEachLineThatBreaksTheRule(@TempDir Path folder) throws IOException {
		// two cells on one baseline: read as one line, "Total 12)" would pass
		pdf(folder.resolve("a.pdf"), new Object[][] { { 50f, 700f, "Total 12" }, { 200f, 700f, ")" },
				{ 50f, 680f, "see the note (" }, { 50f, 660f, "fine, and (more)" } });
		pdf(folder.resolve("b.pdf"), new Object[][] { { 50f, 700f, "all good." } });
		assertThat(run("lines", folder.toString())).isEqualTo(1);
		assertThat(this.out.toString()).contains("a.pdf 第 1 页：「)」", "a.pdf 第 1 页：「see the note (」")
			.doesNotContain("fine", "good")
			.contains("2 个 PDF，5 行，违规 2 行");
	}

	@Test
	void passesAFolderThatFollowsTheRuleAndRefusesOneThatIsMissing(@TempDir Path folder) throws IOException {
		pdf(folder.resolve("b.pdf"), new Object[][] { { 50f, 700f, "all good." }, { 50f, 680f, "(and this)" } });
		assertThat(run("lines", folder.toString())).isZero();
		assertThat(this.out.toString()).contains("1 个 PDF，2 行，违规 0 行");
		assertThat(run("lines", folder.resolve("none").toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("找不到打印目录或文件");
	}

	private int run(String... args) {
		CommandLine commandLine = CeprintCommand.commandLine(new CeprintCommand.ServicelessFactory());
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	/**
	 * One page, each line in its own text object, as JasperReports draws text elements.
	 */
	private static void pdf(Path file, Object[][] lines) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				for (Object[] line : lines) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
					content.newLineAtOffset((float) line[0], (float) line[1]);
					content.showText((String) line[2]);
					content.endText();
				}
			}
			document.save(file.toFile());
		}
	}

}
