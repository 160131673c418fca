package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.ceprint.rendering.LineBreakRule;
import org.ceprint.rendering.PrintedLines;

/**
 * {@code lines <folder>}: reads every printed line of every PDF of a print folder and
 * reports those that break 避头尾 ({@link LineBreakRule}); exit code 1 if any does, or if a
 * file is no readable PDF. Needs no application.
 */
@Command(name = "lines", mixinStandardHelpOptions = true,
		description = "避头尾检查：逐行读出打印目录中每个 PDF 印出的文字，列出以。，、；：？！）」』】等标点开头或以（「『【等括号结尾的行（有则退出码 1）")
class LinesCommand implements Callable<Integer>, StartChecks {

	@Parameters(paramLabel = "目录", description = "打印目录（print-batches/ 下的批次目录）或单个 PDF 文件")
	Path folder;

	@Spec
	CommandSpec spec;

	@Option(names = "--show", paramLabel = "行数", defaultValue = "50", description = "最多列出多少行违规（默认 ${DEFAULT-VALUE}）")
	int show;

	@Override
	public OptionalInt refusal() {
		if (!Files.exists(this.folder)) {
			err().println("找不到打印目录或文件：" + this.folder);
			return OptionalInt.of(2);
		}
		return OptionalInt.empty();
	}

	@Override
	public boolean needsApplication() {
		return false;
	}

	@Override
	public Integer call() throws IOException {
		OptionalInt refused = refusal();
		if (refused.isPresent()) {
			return refused.getAsInt();
		}
		long started = System.nanoTime();
		List<Path> files = pdfs();
		List<FileResult> results = files.parallelStream().map(LinesCommand::check).toList();
		long lines = results.stream().mapToLong(FileResult::lines).sum();
		List<String> violations = results.stream().flatMap((result) -> result.violations().stream()).toList();
		PrintWriter out = this.spec.commandLine().getOut();
		violations.stream().limit(this.show).forEach(out::println);
		if (violations.size() > this.show) {
			out.println("……另有 " + (violations.size() - this.show) + " 行未列出");
		}
		out.printf("避头尾检查：%d 个 PDF，%d 行，违规 %d 行，用时 %.1f 秒%n", files.size(), lines, violations.size(),
				(System.nanoTime() - started) / 1e9);
		out.flush();
		return violations.isEmpty() ? 0 : 1;
	}

	private PrintWriter err() {
		return (this.spec != null) ? this.spec.commandLine().getErr() : new PrintWriter(System.err, true);
	}

	private List<Path> pdfs() throws IOException {
		if (Files.isRegularFile(this.folder)) {
			return List.of(this.folder);
		}
		try (Stream<Path> paths = Files.walk(this.folder)) {
			return paths.filter((path) -> path.getFileName().toString().endsWith(".pdf")).sorted().toList();
		}
	}

	private static FileResult check(Path file) {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			List<PrintedLines.Line> lines = PrintedLines.of(document);
			List<String> violations = lines.stream()
				.filter((line) -> LineBreakRule.violatedBy(line.text()))
				.map((line) -> file.getFileName() + " 第 " + line.page() + " 页：「" + line.text().strip() + "」")
				.toList();
			return new FileResult(lines.size(), violations);
		}
		catch (IOException ex) {
			return new FileResult(0, List.of(file.getFileName() + "：不能读取，不是完整的 PDF 文件"));
		}
	}

	private record FileResult(long lines, List<String> violations) {

	}

}
