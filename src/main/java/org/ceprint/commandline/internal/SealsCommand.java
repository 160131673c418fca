package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.ceprint.rendering.RegistrationTable;
import org.ceprint.rendering.SealLayout;

/**
 * {@code seals <folder>}: checks the 验证专用章 of every registration page of a print folder
 * (certificate files and seal overlays) from the PDFs alone, with no database: seals per
 * page, the worst overlap, and each seal that reaches the 登记单位 column, the heading or
 * beyond the table. Exits with 3 when any seal is out of place.
 */
@Command(name = "seals", mixinStandardHelpOptions = true,
		description = "检查验证专用章：逐页读取打印文件夹中的证书（certificates-*.pdf）和套印页（seal-overlays-*.pdf），"
				+ "报告每页印章数、最大重叠，以及盖到登记单位栏、表头、表格之外或超出所在格的印章；有违规时退出码为 3")
class SealsCommand implements Callable<Integer>, StartChecks {

	static final int VIOLATIONS = 3;

	/** Two seals may share no ink at all. */
	static final double ALLOWED_OVERLAP = 0;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "文件夹", description = "打印批次文件夹（print-batches/ 下的一个文件夹）")
	Path folder;

	@Option(names = "--form", paramLabel = "PDF",
			description = "套印页和套打证书页没有印表格：按这份整页打印的证书（如 samples 生成的 certificate.pdf）的登记表格核对；默认取文件夹中的证书")
	Path formFile;

	@Option(names = "--list", paramLabel = "条数", defaultValue = "20", description = "最多列出的违规条数（默认 ${DEFAULT-VALUE}）")
	int listed;

	@Override
	public OptionalInt refusal() {
		if (!Files.isDirectory(this.folder)) {
			this.spec.commandLine().getErr().println("找不到文件夹：" + this.folder);
			return OptionalInt.of(2);
		}
		if (this.formFile != null && !Files.isRegularFile(this.formFile)) {
			this.spec.commandLine().getErr().println("找不到文件：" + this.formFile);
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
		List<Path> certificates = files("certificates-");
		List<Path> overlays = files("seal-overlays-");
		if (certificates.isEmpty() && overlays.isEmpty()) {
			this.spec.commandLine()
				.getErr()
				.println("文件夹 " + this.folder + " 中没有证书（certificates-*.pdf）或套印页（seal-overlays-*.pdf）文件");
			return 2;
		}
		// pages without a table of their own (overlays, preprinted stock) are held
		// against the table of --form or of the folder's certificates; without one
		// their seals count as unchecked, never as passed
		RegistrationTable form = form((this.formFile != null) ? List.of(this.formFile) : certificates).orElse(null);
		if (this.formFile != null && form == null) {
			this.spec.commandLine().getErr().println(this.formFile + " 中没有印有表格（登记单位、验证单位栏）的登记页");
			return 2;
		}
		List<Path> all = new ArrayList<>(certificates);
		all.addAll(overlays);
		List<Optional<List<SealLayout.Page>>> read = all.parallelStream().map((file) -> read(file, form)).toList();
		SealReport report = new SealReport();
		for (int i = 0; i < all.size(); i++) {
			String name = all.get(i).getFileName().toString();
			if (read.get(i).isPresent()) {
				report.add(name, i >= certificates.size(), read.get(i).get());
			}
			else {
				report.unreadable(name);
			}
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.println("验证专用章检查：" + this.folder);
		report.print(out, this.listed, (System.nanoTime() - started) / 1e9);
		out.flush();
		return report.clean() ? 0 : VIOLATIONS;
	}

	private List<Path> files(String prefix) throws IOException {
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter((file) -> {
				String name = file.getFileName().toString();
				return name.startsWith(prefix) && name.endsWith(".pdf") && Files.isRegularFile(file);
			}).sorted().toList();
		}
	}

	private static Optional<RegistrationTable> form(List<Path> certificates) {
		for (Path file : certificates) {
			try (PDDocument document = Loader.loadPDF(file.toFile())) {
				Optional<RegistrationTable> table = SealLayout.firstTable(document);
				if (table.isPresent()) {
					return table;
				}
			}
			catch (IOException ex) {
				// reported with the file's own pages
			}
		}
		return Optional.empty();
	}

	private static Optional<List<SealLayout.Page>> read(Path file, RegistrationTable form) {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			return Optional.of(SealLayout.read(document, form, ALLOWED_OVERLAP));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
