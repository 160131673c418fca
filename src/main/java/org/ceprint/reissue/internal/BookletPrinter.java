package org.ceprint.reissue.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.RefusedException;
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

	private final Booklets booklets;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	public BookletPrinter(ReissueRecords records, PrintRuns printRuns, Booklets booklets, AuditLog audit, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.records = records;
		this.printRuns = printRuns;
		this.booklets = booklets;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Outside a transaction: a print run commits its own steps, and Spring Batch refuses
	 * to start a job inside a transaction.
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
		if (this.booklets.printedFile(number).isEmpty()) {
			runId = (runId != null) ? resume(runId) : printAfresh(event);
		}
		Optional<Path> pdf = this.booklets.printedFile(number);
		Long run = runId;
		this.transaction.executeWithoutResult((status) -> {
			pdf.ifPresent((file) -> this.audit.record(event.clerk(), "PRINT", number, printed(run, file)));
			this.records.printEnded(number, LocalDateTime.now(this.clock));
		});
	}

	private long printAfresh(CertificateReissued event) {
		long runId = this.printRuns.create(PrintRequest.certificates(List.of(event.newNumber()), false, event.style()));
		this.records.printingIn(event.newNumber(), runId);
		try {
			this.printRuns.execute(runId);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("print run " + runId + " of reissued " + event.newNumber() + " failed", ex);
		}
		return runId;
	}

	/**
	 * The run a crash interrupted. The event is resubmitted when the application starts
	 * again, so the process that ran it is gone: resumed without waiting a minute for it.
	 */
	private long resume(long runId) {
		boolean ended = this.printRuns.progress(runId).map(PrintProgress::complete).orElse(true);
		if (ended) {
			return runId;
		}
		try {
			this.printRuns.resume(runId, true);
		}
		catch (RefusedException ex) {
			// given up (print abandon) meanwhile: the page says the booklet was not
			// printed
			logger.warn("Print run %d of a reissued booklet not resumed: %s".formatted(runId, ex.getMessage()));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("print run " + runId + " could not be resumed", ex);
		}
		return runId;
	}

	private String printed(Long runId, Path file) {
		Optional<PrintProgress> run = Optional.ofNullable(runId).flatMap(this.printRuns::progress);
		return run.map((progress) -> "打印批次 %d（%s）：".formatted(progress.runId(), progress.folder())).orElse("")
				+ file.getFileName();
	}

}
