package org.ceprint.reissue.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.ceprint.NotFoundException;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRuns;
import org.ceprint.reissue.Booklet;
import org.ceprint.reissue.internal.ReissueRecords.ReissueRecord;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads where a reissue's new booklet is, from the reissue's row and its print run; the
 * counter's page and the command line ask while {@link BookletPrinter} prints.
 */
@Component
public class Booklets {

	private static final Duration POLL = Duration.ofMillis(250);

	private final ReissueRecords records;

	private final PrintRuns printRuns;

	/** The monitor {@link #await} waits on. */
	private final Object ended = new Object();

	/** How many printings have ended in this process, guarded by {@link #ended}. */
	private long endings;

	/**
	 * One read-only transaction a look: PrintRuns.latestCertificateFile reads through a
	 * stream it does not close, whose connection only a transaction's end returns to the
	 * pool (outside one, each look kept a connection: the pool ran dry after a few
	 * reissues' pages).
	 */
	private final TransactionTemplate reading;

	Booklets(ReissueRecords records, PrintRuns printRuns, PlatformTransactionManager transactionManager) {
		this.records = records;
		this.printRuns = printRuns;
		this.reading = new TransactionTemplate(transactionManager);
		this.reading.setReadOnly(true);
	}

	public ReissueRecord reissue(String newNumber) {
		return this.records.findByNewNumber(newNumber)
			.orElseThrow(() -> new NotFoundException("没有换发为 " + newNumber + " 的证书"));
	}

	public Booklet of(String newNumber) {
		return this.reading.execute((status) -> read(newNumber));
	}

	/** The PDF of the newest print of a certificate, if it was printed. */
	Optional<Path> printedFile(String certificateNo) {
		return this.reading.execute((status) -> this.printRuns.latestCertificateFile(certificateNo));
	}

	private Booklet read(String newNumber) {
		ReissueRecord reissue = reissue(newNumber);
		Optional<Path> pdf = this.printRuns.latestCertificateFile(newNumber).filter(Files::exists);
		if (pdf.isPresent()) {
			return new Booklet(newNumber, pdf.get(), reissue.printRunId(), null);
		}
		if (reissue.printEndedAt() == null) {
			return new Booklet(newNumber, null, reissue.printRunId(), null);
		}
		return new Booklet(newNumber, null, reissue.printRunId(), problem(reissue));
	}

	/**
	 * Polls until the booklet is printed or its printing ended without it, for at most
	 * {@code limit}; a booklet still printing then is returned as such.
	 */
	public Booklet await(String newNumber, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		long seen = endings();
		Booklet booklet = of(newNumber);
		while (booklet.printing() && System.nanoTime() < deadline) {
			long left = Math.min(POLL.toNanos(), deadline - System.nanoTime());
			try {
				synchronized (this.ended) {
					// woken at once by a booklet of this process (also one that ended
					// since the last look); polls for another's
					if (left > 0 && this.endings == seen) {
						this.ended.wait(Math.max(1, left / 1_000_000));
					}
					seen = this.endings;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return booklet;
			}
			booklet = of(newNumber);
		}
		return booklet;
	}

	/** Wakes the waiters of {@link #await}: a booklet's printing has ended. */
	void printingEnded() {
		synchronized (this.ended) {
			this.endings++;
			this.ended.notifyAll();
		}
	}

	private long endings() {
		synchronized (this.ended) {
			return this.endings;
		}
	}

	/**
	 * The clerk and the audit see the run by its id and folder name, never a server path.
	 */
	private String problem(ReissueRecord reissue) {
		Optional<PrintProgress> run = Optional.ofNullable(reissue.printRunId()).flatMap(this.printRuns::progress);
		if (run.isEmpty()) {
			return "新证书 %s 已生效，但未能打印，请打印室重印".formatted(reissue.newNumber());
		}
		String name = "打印批次 %d（%s）".formatted(run.get().runId(), run.get().folder());
		return run.get().complete() ? "新证书 %s 已生效，但未能打印：原因记在%s的未打印清单中，请打印室查看后重印".formatted(reissue.newNumber(), name)
				: "新证书 %s 已生效，但%s未能完成，请打印室续打（print resume %d）".formatted(reissue.newNumber(), name, run.get().runId());
	}

}
