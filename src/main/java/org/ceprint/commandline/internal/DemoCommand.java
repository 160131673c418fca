package org.ceprint.commandline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ceprint.accounts.DemoWorkflowAccounts;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;

/**
 * {@code demo}: fills the registry with a seeded demonstration province, prints every
 * document into one print-batch folder and keeps the verification page running.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "演示：生成演示登记数据，打印证书、登记卡和登记汇总表，并启动查验页面")
class DemoCommand implements Callable<Integer>, ServingCommand, StartChecks {

	private final DemoRegistryGenerator generator;

	private final PrintRuns printRuns;

	@Option(names = "--people", paramLabel = "人数", defaultValue = "2000",
			description = "演示人数，1 到 100000（默认 ${DEFAULT-VALUE}）")
	int people;

	@Option(names = "--seed", paramLabel = "种子", defaultValue = "2012",
			description = "随机种子：相同种子生成相同数据（默认 ${DEFAULT-VALUE}）")
	long seed;

	@Option(names = "--reset", description = "清空已有的登记数据后重新生成")
	boolean reset;

	@Option(names = "--no-serve", description = "打印完成后退出，不启动查验页面")
	boolean noServe;

	@Option(names = "--no-print", description = "只生成演示数据，不打印（之后可用 print 命令打印）")
	boolean noPrint;

	private final DemoWorkflowAccounts workflowAccounts;

	DemoCommand(DemoRegistryGenerator generator, PrintRuns printRuns, DemoWorkflowAccounts workflowAccounts) {
		this.generator = generator;
		this.printRuns = printRuns;
		this.workflowAccounts = workflowAccounts;
	}

	@Override
	public OptionalInt refusal() {
		if (this.people < 1 || this.people > 100_000) {
			System.err.println("--people 须在 1 到 100000 之间：" + this.people);
			return OptionalInt.of(2);
		}
		return OptionalInt.empty();
	}

	@Override
	public Integer call() throws Exception {
		OptionalInt refused = refusal();
		if (refused.isPresent()) {
			return refused.getAsInt();
		}
		if (this.reset) {
			this.generator.clearRegistry();
		}
		if (this.generator.registryHasPeople()) {
			System.out.println("登记库中已有数据，直接打印（--reset 可重新生成）");
		}
		else {
			System.out.println("生成演示数据：" + this.people + " 人，种子 " + this.seed + " ……");
			System.out.println(this.generator.generate(this.seed, this.people));
		}
		List<String> accounts = this.workflowAccounts.create();
		if (!accounts.isEmpty()) {
			System.out.println("演示账号（人社窗口用 nanchang / demo-nanchang，账号管理用 admin / demo-admin）：");
			accounts.forEach((line) -> System.out.println("  " + line));
		}
		if (this.noPrint) {
			return 0;
		}
		PrintRunResult result;
		try (ProgressBar bar = ProgressBar.onStandardError(this.printRuns)) {
			result = this.printRuns.start(PrintRequest.all(PrintJob.ALL), bar::watch);
		}
		System.out.println(Reports.printRun(result));
		if (!result.complete()) {
			// the command exits: no page is served, so none is announced
			return 1;
		}
		String sampleUrl = firstCertificateQr(result.folder());
		if (sampleUrl != null) {
			System.out.println("示例查验页面（第一本证书二维码的内容）：" + sampleUrl);
		}
		if (keepsServing()) {
			System.out.println("查验页面运行中，按 Ctrl+C 停止。");
		}
		return 0;
	}

	/**
	 * Reads the QR code of the first certificate of the run, as a verifier's phone would.
	 */
	private static String firstCertificateQr(Path folder) throws IOException {
		Path manifest = folder.resolve("manifest.csv");
		if (!Files.exists(manifest)) {
			return null;
		}
		for (String line : Files.readAllLines(manifest)) {
			String[] fields = line.split(",");
			if (fields.length > 3 && fields[1].equals("CERTIFICATE")) {
				return QrCodeReader.decode(folder.resolve(fields[2]), Integer.parseInt(fields[3])).orElse(null);
			}
		}
		return null;
	}

	@Override
	public boolean keepsServing() {
		return !this.noServe && !this.noPrint;
	}

}
