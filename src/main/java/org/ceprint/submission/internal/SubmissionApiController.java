package org.ceprint.submission.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.UploadedWorkbook;
import org.ceprint.printing.PrintRuns;
import org.ceprint.registry.SubjectType;
import org.ceprint.submission.Submissions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The submission workflow as JSON for the provinces' platforms, with an office account
 * (HTTP Basic or the page's session). Refusals answer 400 (bad input), 403 (outside the
 * account's role or scope), 404 (no such batch) or 409 (wrong status, or entries already
 * in a batch), with the reason in Chinese under {@code error}.
 */
@RestController
@RequestMapping("/api/v1/submissions")
class SubmissionApiController {

	record DraftRequest(List<Long> entryIds) {
	}

	record NoteRequest(String note) {
	}

	record ReviewRequest(Boolean approve, String opinion) {
	}

	record DecisionRequest(String decision, String reason, String note) {
	}

	record CorrectionRequest(BigDecimal hours, String subjectType) {
	}

	record CloseRequest(String opinion, Boolean fullReprints) {
	}

	private final Submissions submissions;

	private final SubmissionPapers papers;

	private final PrintRuns printRuns;

	private final SubmissionImports imports;

	SubmissionApiController(Submissions submissions, SubmissionPapers papers, PrintRuns printRuns,
			SubmissionImports imports) {
		this.imports = imports;
		this.submissions = submissions;
		this.papers = papers;
		this.printRuns = printRuns;
	}

	@GetMapping
	List<Submission> queue(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) String status) {
		return this.submissions.queue(user, SubmissionStatus.parseOrNull(status));
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> draft(@AuthenticationPrincipal OfficeUser user,
			@RequestBody(required = false) DraftRequest request) {
		Submission draft = this.submissions.draft(user, (request != null) ? request.entryIds() : null);
		return ResponseEntity.created(URI.create("/api/v1/submissions/" + draft.id())).body(detail(user, draft.id()));
	}

	/**
	 * A registrar's summary table (multipart {@code file}): imported, and a draft made of
	 * its entries; 201 with the draft, or 200 without one when no entry could still be
	 * submitted, with the import's counts and rejected rows either way.
	 */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> importTable(@AuthenticationPrincipal OfficeUser user,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		try (UploadedWorkbook upload = UploadedWorkbook.save(file)) {
			SubmissionImports.Outcome outcome = this.imports.importAndDraft(user, upload.file(),
					upload.errorWorkbook());
			Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("summary", outcome.summary());
			body.put("rows", outcome.report().rows());
			body.put("imported", outcome.report().imported());
			body.put("alreadyImported", outcome.report().alreadyImported());
			body.put("leftOut", outcome.leftOut());
			body.put("warnings", outcome.report().warnings());
			body.put("rejected",
					outcome.report()
						.rejected()
						.stream()
						.map((row) -> Map.of("row", row.rowNumber(), "reasons", row.reasons()))
						.toList());
			if (outcome.draft() == null) {
				return ResponseEntity.ok(body);
			}
			body.put("submission", detail(user, outcome.draft().id()).get("submission"));
			return ResponseEntity.created(URI.create("/api/v1/submissions/" + outcome.draft().id())).body(body);
		}
	}

	@GetMapping("/{id}")
	Map<String, Object> one(@AuthenticationPrincipal OfficeUser user, @PathVariable long id) {
		return detail(user, id);
	}

	@GetMapping("/{id}/history")
	List<SubmissionEvent> history(@AuthenticationPrincipal OfficeUser user, @PathVariable long id) {
		return this.submissions.history(user, id);
	}

	@PostMapping("/{id}/submit")
	Map<String, Object> submit(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@RequestBody(required = false) NoteRequest request) {
		this.submissions.submit(user, id, (request != null) ? request.note() : null);
		return detail(user, id);
	}

	@PostMapping("/{id}/review")
	Map<String, Object> review(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@RequestBody ReviewRequest request) {
		if (request.approve() == null) {
			throw new InvalidRequestException("审核须给出 approve：true（同意）或 false（退回）");
		}
		this.submissions.review(user, id, request.approve(), request.opinion());
		return detail(user, id);
	}

	@PostMapping("/{id}/receive")
	Map<String, Object> receive(@AuthenticationPrincipal OfficeUser user, @PathVariable long id) {
		this.submissions.receive(user, id);
		return detail(user, id);
	}

	@PutMapping("/{id}/entries/{entryId}/decision")
	Map<String, Object> decide(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@PathVariable long entryId, @RequestBody DecisionRequest request) {
		Decision decision = Decision.parse(request.decision());
		RejectionReason reason = (request.reason() != null && !request.reason().isBlank())
				? RejectionReason.parse(request.reason()) : null;
		return entry(this.submissions.decide(user, id, entryId, decision, reason, request.note()));
	}

	@PatchMapping("/{id}/entries/{entryId}")
	Map<String, Object> correct(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@PathVariable long entryId, @RequestBody CorrectionRequest request) {
		SubjectType subject;
		try {
			subject = SubjectType.valueOf(String.valueOf(request.subjectType()).toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"登记 #%d subjectType 须为 PUBLIC 或 PROFESSIONAL，实为「%s」".formatted(entryId, request.subjectType()));
		}
		this.submissions.correctEntry(user, id, entryId, request.hours(), subject);
		return detail(user, id);
	}

	@DeleteMapping("/{id}/entries/{entryId}")
	Map<String, Object> remove(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@PathVariable long entryId) {
		this.submissions.removeEntry(user, id, entryId);
		return detail(user, id);
	}

	/**
	 * Closes the batch and answers once the decisions are stored; the papers are printed
	 * afterwards, and {@code papers} (here and on every read of the batch) tells how far
	 * they are.
	 */
	@PostMapping("/{id}/close")
	Map<String, Object> close(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@RequestBody(required = false) CloseRequest request) {
		this.submissions.close(user, id, (request != null) ? request.opinion() : null,
				request != null && Boolean.TRUE.equals(request.fullReprints()));
		return detail(user, id);
	}

	/**
	 * One of the papers printed at closing (SUMMARY_TABLE, RETURN_SLIP, SEAL_OVERLAYS,
	 * CERTIFICATES, REGISTER_CARDS); 409 while it is being printed.
	 */
	@GetMapping("/{id}/papers/{kind}")
	ResponseEntity<byte[]> paper(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@PathVariable String kind) throws IOException {
		PaperKind paper = PaperKind.parseOrNull(kind);
		Long runId = (paper != null) ? this.papers.printedRun(user, id, paper).orElse(null) : null;
		if (runId == null) {
			return ResponseEntity.notFound().build();
		}
		List<Path> files = this.printRuns.documentFiles(runId);
		if (files.isEmpty() || !Files.exists(files.get(0))) {
			return ResponseEntity.notFound().build();
		}
		// a submission's booklets come from one city, so its run writes a single file
		Path file = files.get(0);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"")
			.body(Files.readAllBytes(file));
	}

	private Map<String, Object> detail(OfficeUser user, long id) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("submission", this.submissions.find(user, id));
		body.put("entries", this.submissions.reviews(user, id).stream().map(SubmissionApiController::entry).toList());
		SubmissionPapers.ClosingPapers closing = this.papers.progress(user, id);
		Map<String, Object> runs = new LinkedHashMap<>();
		closing.papers().forEach((paper) -> runs.put(paper.kind().name(), run(id, paper)));
		body.put("papers", runs);
		body.put("papersWaiting", closing.waiting());
		body.put("papersDone", closing.done());
		// why the last try stopped with a paper unprinted, or null
		body.put("papersFailure", closing.failed() ? closing.failure() : null);
		return body;
	}

	static Map<String, Object> entry(EntryReview review) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("seq", review.seq());
		entry.put("entryId", review.entry().id());
		entry.put("holder", review.holderName());
		entry.put("certificateNo", review.certificateNo());
		entry.put("projectName", review.entry().projectName());
		entry.put("form", review.entry().form().name());
		entry.put("subjectType", review.entry().subjectType().name());
		entry.put("startDate", review.entry().startDate());
		entry.put("endDate", review.entry().endDate());
		entry.put("hours", review.entry().hours());
		entry.put("allowedHours", review.hours().allowed());
		entry.put("hoursRule", review.hours().rule());
		entry.put("yearVerifiedHours", review.yearVerifiedHours().value());
		entry.put("yearRequiredHours", review.yearRequiredHours().value());
		entry.put("flags", review.flags());
		entry.put("decision", (review.decision() != null) ? review.decision().name() : null);
		entry.put("reason", (review.reason() != null) ? review.reason().name() : null);
		entry.put("reasonNote", review.reasonNote());
		entry.put("decidedBy", review.decidedBy());
		entry.put("decidedAt", review.decidedAt());
		return entry;
	}

	/**
	 * A paper's print run: its folder by name only (under the print office's output
	 * folder, which a client has no business knowing), how far it is, and where to
	 * download it once complete.
	 */
	private static Map<String, Object> run(long id, SubmissionPapers.Paper paper) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("runId", paper.runId());
		body.put("folder", paper.folder());
		body.put("download", "/api/v1/submissions/%d/papers/%s".formatted(id, paper.kind().name()));
		body.put("complete", paper.complete());
		body.put("planned", paper.planned());
		body.put("printed", paper.printed());
		body.put("rejected", paper.rejected());
		return body;
	}

}
