package org.ceprint.commandline.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;
import org.ceprint.printing.PrintStyle;
import org.ceprint.registry.CertificateNumbers;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CsvFiles;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.rendering.RenderOptions.Stock;
import org.ceprint.submission.Submissions;

/**
 * {@code print <what>}: one print run into print-batches/.
 */
@Command(name = "print", mixinStandardHelpOptions = true, description = "打印：生成打印批次到 print-batches/",
		subcommands = { PrintCommand.Certificates.class, PrintCommand.RegisterCards.class,
				PrintCommand.SummaryTables.class, PrintCommand.SealOverlays.class, PrintCommand.All.class,
				PrintRecoveryCommands.Resume.class, PrintRecoveryCommands.Abandon.class,
				PrintRecoveryCommands.Status.class, PrintRecoveryCommands.Reassign.class })
public class PrintCommand {

	/**
	 * What {@code --remote} and {@code worker} stand for: the broker's beans, made when
	 * the application starts (a one-shot command's beans are otherwise made when first
	 * asked for, and Spring Integration's endpoints start with the context only).
	 */
	static final Map<String, String> REMOTE_SETTINGS = Map.of("ceprint.printing.remote.enabled", "true",
			"spring.main.lazy-initialization", "false");

	/**
	 * Runs a print run and prints its report: exit code 0 when the run completed, 1 when
	 * not; a refusal is left to the command line's handler (exit code 2, the reason on
	 * standard error).
	 */
	static int report(PrintRuns printRuns, RunWithProgress printRun) throws Exception {
		PrintRunResult result;
		try (ProgressBar bar = ProgressBar.onStandardError(printRuns)) {
			result = printRun.call(bar::watch);
		}
		System.out.println(Reports.printRun(result));
		return result.complete() ? 0 : 1;
	}

	@FunctionalInterface
	interface RunWithProgress {

		PrintRunResult call(LongConsumer onRunKnown) throws Exception;

	}

	/**
	 * Options shared by every print subcommand.
	 */
	abstract static class Run implements Callable<Integer>, StartChecks {

		private final PrintRuns printRuns;

		private final Channels channels;

		Run(PrintRuns printRuns, Channels channels) {
			this.printRuns = printRuns;
			this.channels = channels;
		}

		@Option(names = "--city", paramLabel = "代码", description = "只打印该发证机关（设区市代码，如 360100；省直 360000）")
		String city;

		@Option(names = "--unit", paramLabel = "单位ID", description = "只打印该单位的人员")
		Long unit;

		@Option(names = "--preprinted", description = "套打到省统一印制的空白证书：只打印数据（第十七条）")
		boolean preprinted;

		@Option(names = "--mask-id", description = "身份证件号码只显示前四位和后四位（应持证人要求）")
		boolean maskId;

		@Option(names = "--printer", paramLabel = "打印机", description = "使用该打印机的校准偏移（ceprint.rendering.printers.<打印机>）")
		String printer;

		@Option(names = "--remote", description = "分布式打印：按市和单位范围分区，经 RabbitMQ 发给工作进程（ceprint worker）打印；本进程汇总并写清单")
		boolean remote;

		@Option(names = "--archive", description = "另存存档版：每份证书、登记卡一个 PDF/A-2b 文件，写入批次目录的 archive/（存入个人业务档案）")
		boolean archive;

		@Override
		public Map<String, String> settings() {
			return this.remote ? REMOTE_SETTINGS : Map.of();
		}

		PrintStyle style() {
			return new PrintStyle(this.preprinted ? Stock.PREPRINTED : Stock.FULL, this.maskId, this.printer,
					this.archive);
		}

		public abstract PrintRequest request();

		@Override
		public Integer call() throws Exception {
			if (this.city != null) {
				Checked city = this.channels.check(this.city);
				if (!city.valid()) {
					System.err.println("--city " + this.city + "：" + city.problem());
					return 2;
				}
				this.city = city.value();
			}
			// a request refused here reaches the command line's handler: message, exit
			// code 2
			PrintRequest request = request();
			return report(this.printRuns, (onRunKnown) -> this.printRuns.start(request, onRunKnown));
		}

	}

	@Command(name = "certificates", mixinStandardHelpOptions = true, description = "继续教育证书（默认：尚未打印的有效证书）")
	public static class Certificates extends Run {

		public Certificates(PrintRuns printRuns, Channels channels) {
			super(printRuns, channels);
		}

		@Option(names = "--reprint", description = "已打印过的证书也重新打印")
		boolean reprint;

		@Option(names = "--numbers", split = ",", paramLabel = "证书编号", description = "只打印这些证书（逗号分隔）")
		public List<String> numbers = new ArrayList<>();

		@Option(names = "--numbers-file", paramLabel = "文件", description = "只打印文件中列出的证书（每行一个编号，或 CSV/Excel 导出的第一列）")
		public Path numbersFile;

		@Override
		public PrintRequest request() {
			List<String> selected = new ArrayList<>();
			this.numbers.forEach((number) -> addNumber(number, selected));
			if (this.numbersFile != null) {
				selected.addAll(numbersIn(this.numbersFile));
				if (selected.isEmpty()) {
					throw new InvalidRequestException("--numbers-file " + this.numbersFile + " 中没有证书编号");
				}
			}
			return new PrintRequest(PrintJob.CERTIFICATES, this.city, this.unit, null, this.reprint, style(), selected);
		}

		/**
		 * The first field of each record of a list typed by hand or exported from Excel
		 * (UTF-8 or GB18030, comma- or tab-separated). Lines without a digit before the
		 * first number are its title and headings; every other line reaches the run,
		 * which sets aside and reports what is not a printable certificate.
		 */
		private static List<String> numbersIn(Path file) {
			List<String> listed = new ArrayList<>();
			try {
				CsvFiles.read(file, Long.MAX_VALUE, (record, fields) -> {
					String first = fields.get(0).split("\t", 2)[0];
					if (!listed.isEmpty() || first.chars().anyMatch(Character::isDigit)) {
						addNumber(first, listed);
					}
				});
			}
			catch (IOException ex) {
				// the JDK's text names its own classes: say it in Chinese, the cause in
				// the log
				throw new InvalidRequestException("无法读取 --numbers-file " + file + "：文件不存在、无权读取或已损坏", ex);
			}
			return listed;
		}

		private static void addNumber(String raw, List<String> selected) {
			String number = raw.replace("\uFEFF", "").replace("\"", "").strip().toUpperCase(Locale.ROOT);
			// a header row or comment of an exported list is not a number
			if (!number.isEmpty() && !number.startsWith("#") && !number.equals(CertificateNumbers.FIELD)
					&& !number.equals("DOCUMENT_NO")) {
				selected.add(number);
			}
		}

	}

	@Command(name = "register-cards", mixinStandardHelpOptions = true, description = "继续教育登记卡（每人一张）")
	static class RegisterCards extends Run {

		RegisterCards(PrintRuns printRuns, Channels channels) {
			super(printRuns, channels);
		}

		@Option(names = "--year", paramLabel = "年度", description = "只打印该年度有登记的人员")
		Integer year;

		@Override
		public PrintRequest request() {
			return new PrintRequest(PrintJob.REGISTER_CARDS, this.city, this.unit, this.year, false, style());
		}

	}

	@Command(name = "seal-overlays", mixinStandardHelpOptions = true,
			description = "验证专用章套印页：已打印的证书中，此后通过验证、尚未盖章的登记，按证书页位置只印印章")
	static class SealOverlays extends Run {

		SealOverlays(PrintRuns printRuns, Channels channels) {
			super(printRuns, channels);
		}

		@Override
		public PrintRequest request() {
			return new PrintRequest(PrintJob.SEAL_OVERLAYS, this.city, this.unit, null, false, style());
		}

	}

	@Command(name = "summary-tables", mixinStandardHelpOptions = true, description = "登记汇总表（一式三份，每个登记单位一份）")
	public static class SummaryTables extends Run {

		private final Organisations organisations;

		private final Submissions submissions;

		public SummaryTables(PrintRuns printRuns, Channels channels, Organisations organisations,
				Submissions submissions) {
			super(printRuns, channels);
			this.organisations = organisations;
			this.submissions = submissions;
		}

		@Option(names = "--year", paramLabel = "年度", description = "登记年度（默认：最近有登记的年度）")
		Integer year;

		@Option(names = "--batch", paramLabel = "批次号",
				description = "只打印这一批次的汇总表：报送批次号「统一社会信用代码-年度-序号」（含审核、验证意见），或年度表「统一社会信用代码-年度」")
		public String batch;

		@Override
		public PrintRequest request() {
			if (this.batch != null) {
				String typed = this.batch.strip().toUpperCase(Locale.ROOT);
				if (typed.matches("[0-9A-Z]{18}-\\d{4}-\\d{2,}")) {
					Optional<Long> submission = this.submissions.idOfBatch(typed);
					return PrintRequest.submissionTable(
							submission.orElseThrow(() -> new NotFoundException("--batch " + this.batch + "：没有这个报送批次")));
				}
				String[] parts = this.batch.strip().toUpperCase(Locale.ROOT).split("-");
				if (parts.length != 2 || !parts[1].matches("\\d{4}")) {
					throw new InvalidRequestException(
							"--batch " + this.batch + "：没有这个报送批次；年度表的批次号应为「统一社会信用代码-年度」，如 91360100MA35XXXXXX-2024");
				}
				Organisation body = this.organisations.findByCreditCode(parts[0])
					.orElseThrow(() -> new NotFoundException(
							"--batch " + this.batch + "：没有统一社会信用代码为 " + parts[0] + " 的登记单位"));
				return new PrintRequest(PrintJob.SUMMARY_TABLES, this.city, body.id(), Integer.valueOf(parts[1]), false,
						style());
			}
			return new PrintRequest(PrintJob.SUMMARY_TABLES, this.city, this.unit, this.year, false, style());
		}

	}

	@Command(name = "all", mixinStandardHelpOptions = true, description = "证书、登记卡和登记汇总表，同一批次目录")
	static class All extends Run {

		All(PrintRuns printRuns, Channels channels) {
			super(printRuns, channels);
		}

		@Option(names = "--year", paramLabel = "年度", description = "登记汇总表的年度（默认：最近有登记的年度）")
		Integer year;

		@Override
		public PrintRequest request() {
			return new PrintRequest(PrintJob.ALL, this.city, this.unit, this.year, false, style());
		}

	}

}
