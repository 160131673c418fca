package org.ceprint.reissue.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.RefusedException;
import org.ceprint.printing.DirectPrints;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRuns;
import org.ceprint.reissue.internal.ReissueRecords.ReissueRecord;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints the new booklet of a reissue once the reissue has committed. Handling an event
 * twice (resubmitted after a restart) prints nothing twice: a booklet already printed is
 * only recorded, a run recorded before a crash is resumed, and a reissue whose printing
 * ended is left alone.
 */
@Component
public class BookletPrinter {

	private static final Log logger = LogFactory.getLog(BookletPrinter.class);

	private final ReissueRecords records;

	private final PrintRuns printRuns;

	private final DirectPrints directPrints;

	private final Booklets booklets;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	public BookletPrinter(ReissueRecords records, PrintRuns printRuns, DirectPrints directPrints, Booklets booklets,
			AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.records = records;
		this.printRuns = printRuns;
		this.directPrints = directPrints;
		this.booklets = booklets;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Outside a transaction: the run commits its booklet and its completion on its own.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	public void print(CertificateReissued event) {
		String number = event.newNumber();
		ReissueRecord reissue = this.records.findByNewNumber(number)
			.orElseThrow(() -> new IllegalStateException("no reissue stored for " + number));
		if (reissue.printEndedAt() != null) {
			return;
		}
		Long runId = reissue.printRunId();
		if (runId != null) {
			// also a booklet printed before a crash: its folder may want finishing
			resume(runId);
		}
		else if (this.booklets.printedFile(number).isEmpty()) {
			runId = printAfresh(event);
		}
		Optional<Path> pdf = this.booklets.printedFile(number);
		Long run = runId;
		this.transaction.executeWithoutResult((status) -> {
			pdf.ifPresent((file) -> this.audit.record(event.clerk(), "PRINT", number, printed(run, file)));
			this.records.printEnded(number, LocalDateTime.now(this.clock));
		});
		this.booklets.printingEnded();
	}

	/**
	 * A run of the one booklet, recorded and committed before it prints (after a crash,
	 * the resubmitted event finds it), then printed at once, without a job.
	 */
	private long printAfresh(CertificateReissued event) {
		long runId = this.printRuns.create(PrintRequest.certificates(List.of(event.newNumber()), false, event.style()));
		this.records.printingIn(event.newNumber(), runId);
		this.directPrints.print(runId);
		return runId;
	}

	/**
	 * The run a crash interrupted: the event is resubmitted when the application starts
	 * again, so the process that ran it is gone. A booklet it recorded is not printed
	 * again; its folder is finished.
	 */
	private void resume(long runId) {
		try {
			this.directPrints.print(runId);
		}
		catch (RefusedException ex) {
			// given up (print abandon) meanwhile: the page says the booklet was not
			// printed
			logger.warn("Print run %d of a reissued booklet not resumed: %s".formatted(runId, ex.getMessage()));
		}
	}

	private String printed(Long runId, Path file) {
		Optional<PrintProgress> run = Optional.ofNullable(runId).flatMap(this.printRuns::progress);
		return run.map((progress) -> "打印批次 %d（%s）：".formatted(progress.runId(), progress.folder())).orElse("")
				+ file.getFileName();
	}

}
