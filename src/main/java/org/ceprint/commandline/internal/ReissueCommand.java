package org.ceprint.commandline.internal;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;
import org.ceprint.printing.PrintStyle;
import org.ceprint.registry.CertificateReplacements.HeldCertificate;
import org.ceprint.registry.Hours;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.reissue.Booklet;
import org.ceprint.reissue.Clerk;
import org.ceprint.reissue.ReissueReason;
import org.ceprint.reissue.Reissues.LookupQuery;
import org.ceprint.reissue.Reissues.PersonRecord;
import org.ceprint.reissue.Reissues.ReissueResult;
import org.ceprint.reissue.Reissues;
import org.ceprint.rendering.RenderOptions.Stock;

/**
 * {@code reissue}: the counter of a city office (第十八条), from the command line.
 */
@Command(name = "reissue", mixinStandardHelpOptions = true, description = "换发/补发：发证机关窗口查询人员证书，换发遗失、损毁或填满的证书",
		subcommands = { ReissueCommand.Lookup.class, ReissueCommand.Replace.class })
class ReissueCommand {

	/**
	 * Who is at the counter.
	 */
	abstract static class AtTheCounter implements Callable<Integer> {

		final Reissues reissues;

		@Option(names = "--clerk", required = true, paramLabel = "经办人", description = "经办人姓名（记入审计日志）")
		String clerk;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "经办机关的发证机关代码（如 360100，省直 360000）")
		String office;

		AtTheCounter(Reissues reissues) {
			this.reissues = reissues;
		}

		@Override
		public Integer call() throws Exception {
			try {
				return run(new Clerk(this.clerk, this.office));
			}
			catch (RefusedException | NotFoundException ex) {
				System.err.println(ex.getMessage());
				return 2;
			}
		}

		abstract int run(Clerk clerk) throws Exception;

	}

	@Command(name = "lookup", mixinStandardHelpOptions = true, description = "查询：按身份证件号码、证书编号，或姓名加工作单位")
	static class Lookup extends AtTheCounter {

		@Option(names = "--id-number", paramLabel = "证件号码")
		String idNumber;

		@Option(names = "--number", paramLabel = "证书编号")
		String number;

		@Option(names = "--name", paramLabel = "姓名")
		String name;

		@Option(names = "--unit", paramLabel = "单位", description = "工作单位名称（或其中一段）")
		String unit;

		@Option(names = "--purpose", paramLabel = "事由", description = "查询事由，记入审计日志（默认：窗口办理换发）")
		String purpose;

		Lookup(Reissues reissues) {
			super(reissues);
		}

		@Override
		int run(Clerk clerk) {
			var found = this.reissues.lookup(clerk,
					new LookupQuery(this.idNumber, this.number, this.name, this.unit, this.purpose));
			if (found.isEmpty()) {
				System.out.println("未查到本机关所辖单位的相关人员");
				return 4;
			}
			for (PersonRecord person : found) {
				System.out.println("姓名 %s  身份证件号码 %s  单位 %s".formatted(person.holder().name(),
						person.holder().idNumber(), person.holder().unitName()));
				for (HeldCertificate held : person.certificates()) {
					System.out.println("  证书 %s  %s  发证 %s%s%s".formatted(held.certificateNo(), held.status().label(),
							held.issueDate(), (held.predecessorNo() != null) ? "  换发自 " + held.predecessorNo() : "",
							(held.successorNo() != null) ? "  已换发为 " + held.successorNo() : ""));
				}
				for (RegistrationEntry entry : person.entries()) {
					System.out.println("  登记 %s–%s  %s  %s  %s".formatted(entry.startDate(), entry.endDate(),
							entry.projectName(), Hours.of(entry.hours()).withUnit(),
							entry.verified() ? "已验证（" + entry.verifiedByOffice() + "）" : entry.status().name()));
				}
			}
			return 0;
		}

	}

	@Command(name = "replace", mixinStandardHelpOptions = true, description = "换发：原证书作废或停用，发新证书并立即打印")
	static class Replace extends AtTheCounter implements StartChecks {

		@Parameters(paramLabel = "证书编号", description = "要换发的证书")
		String number;

		@Option(names = "--reason", required = true, paramLabel = "原因", description = "lost（遗失）、damaged（损毁）或 full（填满）")
		String reason;

		@Option(names = "--declaration", paramLabel = "声明编号", description = "遗失声明的编号（遗失补发必填）")
		String declaration;

		@Option(names = "--preprinted", description = "套打到省统一印制的空白证书")
		boolean preprinted;

		@Option(names = "--printer", paramLabel = "打印机", description = "窗口打印机的校准偏移")
		String printer;

		private static final Duration BOOKLET_WAIT = Duration.ofMinutes(10);

		Replace(Reissues reissues) {
			super(reissues);
		}

		/**
		 * The booklet prints after the reissue has committed, on another thread: the
		 * command waits for it (bounded) so that it ends with the booklet printed.
		 */
		@Override
		public OptionalInt refusal() {
			try {
				ReissueReason.parse(this.reason);
				return OptionalInt.empty();
			}
			catch (RefusedException ex) {
				System.err.println(ex.getMessage());
				return OptionalInt.of(2);
			}
		}

		@Override
		int run(Clerk clerk) {
			ReissueResult result = this.reissues.reissue(clerk, this.number, ReissueReason.parse(this.reason),
					this.declaration,
					new PrintStyle(this.preprinted ? Stock.PREPRINTED : Stock.FULL, false, this.printer));
			System.out.println("已换发（%s）：原证书 %s %s，新证书 %s".formatted(result.reason().label(), result.oldNumber(),
					result.oldStatus(), result.newNumber()));
			Booklet booklet = this.reissues.awaitBooklet(result.newNumber(), BOOKLET_WAIT);
			if (booklet.printed()) {
				System.out.println("新证书 PDF：" + booklet.pdf().toAbsolutePath().normalize());
				return 0;
			}
			System.out.println((booklet.problem() != null) ? booklet.problem()
					: "新证书 %s 已生效，%d 分钟内未打印完成（打印批次 %s）；服务再次启动时续打，或由打印室 print resume".formatted(result.newNumber(),
							BOOKLET_WAIT.toMinutes(), booklet.printRunId()));
			return 1;
		}

	}

}
