package org.ceprint.submission.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.ConflictException;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;
import org.ceprint.submission.Submissions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The papers of a closed batch, printed after the closing's commit on another thread,
 * each by a print run of its own: the summary table in three copies with the opinions
 * given, the return slip when an entry was rejected, and for the verified entries the
 * seal overlays of their booklets (or the booklets again in full) and their holders'
 * register cards.
 */
@Component
public class SubmissionPapers {

	private static final Log logger = LogFactory.getLog(SubmissionPapers.class);

	/**
	 * How far the papers of a batch are: the runs recorded so far, and how many papers
	 * wait for a run. No paper for a batch that is not closed.
	 */
	public record ClosingPapers(List<Paper> papers, int waiting, String failure) {

		/** How many papers are printed. */
		public long completed() {
			return this.papers.stream().filter(Paper::complete).count();
		}

		/** Whether every paper is printed. */
		public boolean done() {
			return this.waiting == 0 && this.papers.stream().allMatch(Paper::complete);
		}

		/**
		 * Whether the last try stopped with a paper unprinted ({@link #failure()} says
		 * why): the papers wait for the server's next start, not for a printer.
		 */
		public boolean failed() {
			return this.failure != null && !done();
		}

	}

	/**
	 * One paper's print run as it stands.
	 *
	 * @param folder the run folder's name (not its path, which no client needs)
	 * @param planned documents the run selected; null until it has counted them
	 */
	public record Paper(PaperKind kind, long runId, String folder, Integer planned, int printed, int rejected,
			boolean complete) {

	}

	private final Submissions submissions;

	private final SubmissionOutputs outputs;

	private final PrintRuns printRuns;

	/** Creates a paper's run and records it for the batch, as one transaction. */
	private final TransactionTemplate recording;

	private final int haltAfterPapers;

	private final Clock clock;

	/**
	 * @param haltAfterPapers fault injection for the kill tests only
	 * ({@code ceprint.submission.fault.halt-after-papers}): the process halts as if
	 * killed once that many papers are printed, 0 right after the closing's commit; off
	 * when negative
	 */
	SubmissionPapers(Submissions submissions, SubmissionOutputs outputs, PrintRuns printRuns,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${ceprint.submission.fault.halt-after-papers:-1}") int haltAfterPapers) {
		this.clock = clock;
		this.submissions = submissions;
		this.outputs = outputs;
		this.printRuns = printRuns;
		this.recording = new TransactionTemplate(transactionManager);
		// as PrintRuns records its runs: claiming reads the selection without locking it
		this.recording.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.haltAfterPapers = haltAfterPapers;
	}

	/**
	 * Prints the papers of a closed batch, each exactly once: a paper whose run was
	 * recorded before is not printed again but its run finished if an interruption left
	 * it unfinished (resumed from its last committed chunk). Runs outside a transaction,
	 * since a print run commits chunk by chunk; when a paper cannot be printed it throws,
	 * so the event stays incomplete and is handed back when the application restarts.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	public void print(SubmissionClosed closed) {
		long id = closed.submissionId();
		try {
			List<EntryReview> reviews = this.submissions.reviews(id);
			List<String> booklets = booklets(reviews);
			int printed = 0;
			haltIfAsked(printed);
			for (PaperKind kind : plan(reviews, closed.fullReprints())) {
				printOnce(id, kind, kind.request(id, booklets));
				haltIfAsked(++printed);
			}
			this.outputs.clearFailure(id);
			logger.info("报送批次 #%d 的办结文书已打印（%d 份）".formatted(id, printed));
		}
		catch (RuntimeException ex) {
			// the page says so instead of "printing"; the event stays incomplete
			String reason = (ex instanceof PaperNotPrinted) ? ex.getMessage() : "报送批次 #%d 的办结文书打印出错".formatted(id);
			this.recording.executeWithoutResult(
					(status) -> this.outputs.recordFailure(id, reason, LocalDateTime.now(this.clock)));
			throw ex;
		}
	}

	/** How far the papers of a batch the account may see are. */
	public ClosingPapers progress(OfficeUser actor, long id) {
		Submission submission = this.submissions.find(actor, id);
		if (submission.status() != SubmissionStatus.CLOSED) {
			return new ClosingPapers(List.of(), 0, null);
		}
		List<Paper> papers = new ArrayList<>();
		this.outputs.runs(id)
			.forEach((kind, runId) -> this.printRuns.progress(runId).ifPresent((run) -> papers.add(paper(kind, run))));
		int expected = plan(this.submissions.reviews(id), false).size();
		return new ClosingPapers(papers, Math.max(0, expected - papers.size()), this.outputs.failure(id).orElse(null));
	}

	/** The print runs made at closing, by what they print. */
	public Map<PaperKind, Long> outputs(OfficeUser actor, long id) {
		this.submissions.find(actor, id);
		return this.outputs.runs(id);
	}

	/**
	 * The run of one paper, once printed.
	 * @throws ConflictException while it is still being printed
	 */
	Optional<Long> printedRun(OfficeUser actor, long id, PaperKind kind) {
		Long runId = outputs(actor, id).get(kind);
		if (runId == null) {
			return Optional.empty();
		}
		if (!this.printRuns.progress(runId).map(PrintProgress::complete).orElse(false)) {
			throw new ConflictException("%s正在打印（打印批次 %d），请稍后再下载".formatted(kind.label(), runId));
		}
		return Optional.of(runId);
	}

	/** The papers of a batch with these decisions, in the order they are printed. */
	static List<PaperKind> plan(List<EntryReview> reviews, boolean fullReprints) {
		List<PaperKind> plan = new ArrayList<>(List.of(PaperKind.SUMMARY_TABLE));
		if (reviews.stream().anyMatch((review) -> review.decision() == Decision.REJECTED)) {
			plan.add(PaperKind.RETURN_SLIP);
		}
		if (!booklets(reviews).isEmpty()) {
			plan.add(fullReprints ? PaperKind.CERTIFICATES : PaperKind.SEAL_OVERLAYS);
			plan.add(PaperKind.REGISTER_CARDS);
		}
		return plan;
	}

	private void printOnce(long id, PaperKind kind, PrintRequest request) {
		Optional<Long> recorded = this.outputs.run(id, kind);
		long runId = recorded.orElseGet(() -> this.recording.execute((status) -> {
			long created = this.printRuns.create(request);
			this.outputs.record(id, kind, created);
			return created;
		}));
		if (recorded.isPresent() && complete(runId)) {
			return;
		}
		PrintRunResult result;
		try {
			// a run recorded before was interrupted with the process that printed it (or
			// failed): it is finished from its last committed chunk, at once, since the
			// process that left it is gone
			result = recorded.isPresent() ? this.printRuns.resume(runId, true) : this.printRuns.execute(runId);
		}
		catch (Exception ex) {
			if (recorded.isPresent() && complete(runId)) {
				// finished in the moment between its last commit and its completion
				return;
			}
			throw new PaperNotPrinted("报送批次 #%d 的%s未能打印（打印批次 %d）".formatted(id, kind.label(), runId), ex);
		}
		if (!result.complete()) {
			throw new PaperNotPrinted(
					"报送批次 #%d 的%s未能打印完成（打印批次 %d）：%s".formatted(id, kind.label(), runId, result.failure()), null);
		}
	}

	private boolean complete(long runId) {
		return this.printRuns.progress(runId).map(PrintProgress::complete).orElse(false);
	}

	private void haltIfAsked(int printed) {
		if (printed == this.haltAfterPapers) {
			logger.warn("ceprint.submission.fault.halt-after-papers=%d：进程在此停止（仅供测试）".formatted(printed));
			Runtime.getRuntime().halt(137);
		}
	}

	private static Paper paper(PaperKind kind, PrintProgress run) {
		return new Paper(kind, run.runId(), run.folder(), run.planned(), run.printed(), run.rejected(), run.complete());
	}

	/** The current booklets of the holders of verified entries, each once. */
	private static List<String> booklets(List<EntryReview> reviews) {
		return reviews.stream()
			.filter((review) -> review.decision() == Decision.VERIFIED && review.certificateNo() != null)
			.map(EntryReview::certificateNo)
			.distinct()
			.toList();
	}

	/** A paper that could not be printed, in words an office can read. */
	static final class PaperNotPrinted extends RuntimeException {

		PaperNotPrinted(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
