package org.ceprint.printing.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.ceprint.InvalidRequestException;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.internal.PrintClaims.Claimed;
import org.ceprint.printing.internal.PrintClaims.HeldElsewhere;
import org.ceprint.printing.internal.PrintSelections.Selection;
import org.ceprint.registry.CertificateStatus;
import org.ceprint.registry.PrintCandidates.CertificateState;
import org.ceprint.registry.PrintCandidates;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records print runs: checks the request, records the run with its listed numbers and
 * claims every document it will print, in one transaction.
 */
@Component
public class PrintRunRecorder {

	private final PrintRunStore store;

	private final PrintedDocuments documents;

	private final PrintClaims claims;

	private final PrintSelections selections;

	private final PrintCandidates candidates;

	private final RegistrationEntries entries;

	private final RenderingProperties rendering;

	private final Clock clock;

	/**
	 * Read committed, so claiming reads the selection without locking it.
	 */
	private final TransactionTemplate recording;

	PrintRunRecorder(PrintRunStore store, PrintedDocuments documents, PrintClaims claims, PrintSelections selections,
			PrintCandidates candidates, RegistrationEntries entries, RenderingProperties rendering, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.documents = documents;
		this.claims = claims;
		this.selections = selections;
		this.candidates = candidates;
		this.entries = entries;
		this.rendering = rendering;
		this.clock = clock;
		this.recording = new TransactionTemplate(transactionManager);
		this.recording.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/**
	 * See {@link PrintRuns#create(PrintRequest)}.
	 */
	public long create(PrintRequest request) {
		// an unknown printer is refused before a run exists
		this.rendering.calibration(request.style().printer());
		if (!request.certificateNumbers().isEmpty() && request.what() != PrintJob.CERTIFICATES
				&& request.what() != PrintJob.SEAL_OVERLAYS && request.what() != PrintJob.REGISTER_CARDS) {
			throw new InvalidRequestException("只有打印证书、验证章套印页和登记卡时可以按证书编号选择");
		}
		if (request.submissionId() != null && request.what() != PrintJob.SUMMARY_TABLES
				&& request.what() != PrintJob.RETURN_SLIPS) {
			throw new InvalidRequestException("按报送批次只能打印登记汇总表和退回单");
		}
		if (request.style().archiveCopies() && request.what() != PrintJob.CERTIFICATES
				&& request.what() != PrintJob.REGISTER_CARDS && request.what() != PrintJob.ALL) {
			throw new InvalidRequestException("--archive（存档版）只用于打印证书、登记卡或全部（print certificates、register-cards、all）");
		}
		if (request.submissionId() == null && request.what() == PrintJob.RETURN_SLIPS) {
			throw new InvalidRequestException("退回单须指定报送批次");
		}
		PrintRequest completed = (request.entryYear() == null && request.submissionId() == null
				&& (request.what() == PrintJob.SUMMARY_TABLES || request.what() == PrintJob.ALL))
						? request.withEntryYear(
								this.entries.latestYear().orElse(LocalDateTime.now(this.clock).getYear()))
						: request;
		return this.recording.execute((status) -> {
			LocalDateTime now = LocalDateTime.now(this.clock);
			this.claims.lockClaiming(now);
			PrintRunRecord run = this.store.create(completed, now);
			int setAside = selectNumbers(run, completed, now);
			int claimed = 0;
			for (Selection selection : this.selections.of(run)) {
				Claimed claim = this.claims.claim(run.id(), selection, now);
				claimed += claim.claimed();
				for (HeldElsewhere held : claim.heldElsewhere()) {
					this.documents.addReject(run.id(), selection.documentKind(), held.documentNo(),
							"正由打印批次 %d 打印（该批次尚未完成），本批次不重复打印；该批次完成后不必再打，或 print abandon %d 放弃它后再打印"
								.formatted(held.runId(), held.runId()),
							held.runId(), now);
					setAside++;
				}
			}
			this.store.plan(run.id(), claimed + setAside);
			return run.id();
		});
	}

	/**
	 * Keeps the listed certificates that can be printed with the run; each other number
	 * is set aside in print_reject with its reason, so that none is dropped unseen.
	 * @return how many numbers were set aside
	 */
	private int selectNumbers(PrintRunRecord run, PrintRequest request, LocalDateTime now) {
		if (request.certificateNumbers().isEmpty()) {
			return 0;
		}
		Map<String, CertificateState> states = this.candidates.certificateStates(request.certificateNumbers());
		Set<String> selected = new LinkedHashSet<>();
		int setAside = 0;
		for (String number : new LinkedHashSet<>(request.certificateNumbers())) {
			String reason = refusal(states.get(number), request);
			if (reason != null) {
				this.documents.addReject(run.id(), PrintJob.CERTIFICATES_KIND, number, reason, now);
				setAside++;
			}
			else {
				selected.add(number);
			}
		}
		this.store.addNumbers(run.id(), selected);
		return setAside;
	}

	/** Why a listed certificate cannot be printed with the request, or null. */
	private static String refusal(CertificateState state, PrintRequest request) {
		if (state == null) {
			return "证书编号不存在";
		}
		if (state.status() != CertificateStatus.VALID) {
			return "证书已不是有效证书（状态：%s），不能打印".formatted(state.status().label());
		}
		if (request.what() == PrintJob.CERTIFICATES && state.printed() && !request.reprint()) {
			return "证书已打印过；如需重印请加 --reprint";
		}
		if (request.what() == PrintJob.SEAL_OVERLAYS && !state.printed()) {
			return "证书尚未打印：验证章将随证书一并打印，无需套印";
		}
		if (request.channelCode() != null && !request.channelCode().equals(state.channelCode())) {
			return "证书不属于所选设区市 " + request.channelCode();
		}
		return null;
	}

}
