package org.ceprint.submission.internal;

import java.io.IOException;
import java.util.List;

import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.UploadedWorkbook;
import org.ceprint.submission.Submissions;
import org.ceprint.web.Problems;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The submission pages: each account's queue by status, a batch with its checks, opinions
 * and history, and the entry-by-entry verification screen worked with the keyboard alone.
 * Refusals come back on the page in Chinese, never as an error page; any other exception
 * is left to the web module (an error page with the generic message, logged).
 */
@Controller
class SubmissionPagesController {

	/** What a page says of a refusal whose own text is not fit to show (web module). */
	private static final String UNEXPECTED = "未能完成，请检查后重试";

	private final Submissions submissions;

	private final SubmissionPapers papers;

	private final SubmissionImports imports;

	SubmissionPagesController(Submissions submissions, SubmissionPapers papers, SubmissionImports imports) {
		this.submissions = submissions;
		this.papers = papers;
		this.imports = imports;
	}

	@GetMapping("/submissions")
	String queue(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) String status, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("statuses", SubmissionStatus.values());
		try {
			SubmissionStatus filter = SubmissionStatus.parseOrNull(status);
			model.addAttribute("filter", filter);
			model.addAttribute("rows", this.submissions.queue(user, filter));
		}
		catch (RefusedException | NotPermittedException | NotFoundException ex) {
			model.addAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
			model.addAttribute("rows", List.of());
		}
		model.addAttribute("registrar",
				user.role() == OfficeRole.UNIT_REGISTRAR || user.role() == OfficeRole.BASE_REGISTRAR);
		return "submissions";
	}

	@PostMapping("/submissions/draft")
	String draft(@AuthenticationPrincipal OfficeUser user, RedirectAttributes redirect) {
		try {
			Submission draft = this.submissions.draft(user, List.of());
			return "redirect:/submissions/" + draft.id();
		}
		catch (RefusedException | NotPermittedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
			return "redirect:/submissions";
		}
	}

	/**
	 * A registrar uploads the summary table: imported, and a draft made of its entries;
	 * the rows not imported are listed with their reasons.
	 */
	@PostMapping("/submissions/import")
	String importTable(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try (UploadedWorkbook upload = UploadedWorkbook.save(file)) {
			SubmissionImports.Outcome outcome = this.imports.importAndDraft(user, upload.file(),
					upload.errorWorkbook());
			redirect.addFlashAttribute("importSummary", outcome.summary());
			redirect.addFlashAttribute("importProblems",
					outcome.report()
						.rejected()
						.stream()
						.map((row) -> String.join("；", row.reasons()))
						.limit(200)
						.toList());
			return (outcome.draft() != null) ? "redirect:/submissions/" + outcome.draft().id()
					: "redirect:/submissions";
		}
		catch (RefusedException | NotPermittedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
			return "redirect:/submissions";
		}
	}

	@GetMapping("/submissions/{id}")
	String one(@AuthenticationPrincipal OfficeUser user, @PathVariable long id, Model model) {
		return show(user, id, model, "submission");
	}

	@GetMapping("/submissions/{id}/verify")
	String verify(@AuthenticationPrincipal OfficeUser user, @PathVariable long id, Model model) {
		model.addAttribute("reasons", RejectionReason.values());
		return show(user, id, model, "submission-verify");
	}

	@PostMapping("/submissions/{id}/submit")
	String submit(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, id, () -> this.submissions.submit(user, id, note));
	}

	@PostMapping("/submissions/{id}/review")
	String review(@AuthenticationPrincipal OfficeUser user, @PathVariable long id, @RequestParam boolean approve,
			@RequestParam(required = false) String opinion, RedirectAttributes redirect) {
		return act(redirect, id, () -> this.submissions.review(user, id, approve, opinion));
	}

	@PostMapping("/submissions/{id}/receive")
	String receive(@AuthenticationPrincipal OfficeUser user, @PathVariable long id, RedirectAttributes redirect) {
		String target = act(redirect, id, () -> this.submissions.receive(user, id));
		return redirect.getFlashAttributes().containsKey("problem") ? target
				: "redirect:/submissions/" + id + "/verify";
	}

	@PostMapping("/submissions/{id}/close")
	String close(@AuthenticationPrincipal OfficeUser user, @PathVariable long id,
			@RequestParam(required = false) String opinion, @RequestParam(defaultValue = "false") boolean fullReprints,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> this.submissions.close(user, id, opinion, fullReprints));
	}

	private String show(OfficeUser user, long id, Model model, String view) {
		model.addAttribute("user", user);
		try {
			Submission submission = this.submissions.find(user, id);
			model.addAttribute("s", submission);
			model.addAttribute("reviews", this.submissions.reviews(user, id));
			model.addAttribute("history", this.submissions.history(user, id));
			model.addAttribute("papers", this.papers.progress(user, id));
			model.addAttribute("hrss", user.role().hrssOffice());
			model.addAttribute("reviewer", user.role() == OfficeRole.DEPT_REVIEWER);
			model.addAttribute("registrar",
					user.role() == OfficeRole.UNIT_REGISTRAR || user.role() == OfficeRole.BASE_REGISTRAR);
			return view;
		}
		catch (RefusedException | NotPermittedException | NotFoundException ex) {
			model.addAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
			model.addAttribute("rows", List.of());
			model.addAttribute("statuses", SubmissionStatus.values());
			return "submissions";
		}
	}

	private static String act(RedirectAttributes redirect, long id, Runnable action) {
		try {
			action.run();
		}
		catch (RefusedException | NotPermittedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/submissions/" + id;
	}

}
