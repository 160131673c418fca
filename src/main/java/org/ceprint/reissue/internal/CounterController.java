package org.ceprint.reissue.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.printing.ArchiveCopyDownloads;
import org.ceprint.printing.PrintStyle;
import org.ceprint.reissue.Clerk;
import org.ceprint.reissue.ReissueReason;
import org.ceprint.reissue.Reissues.LookupQuery;
import org.ceprint.reissue.Reissues.ReissueResult;
import org.ceprint.reissue.Reissues;
import org.ceprint.web.Problems;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The counter pages of a city office: look up, reissue, download the new booklet, and
 * (supervisors) the audit with its Excel export. Everything is scoped to the signed-in
 * account's office.
 */
@Controller
class CounterController {

	/**
	 * How long the reissue's page waits for the booklet: as long as the page's refresh
	 * while it prints, so the clerk never waits longer than before.
	 */
	private static final Duration BOOKLET_WAIT = Duration.ofSeconds(2);

	private final Reissues reissues;

	private final Booklets booklets;

	private final ArchiveCopyDownloads archiveCopies;

	private final AuditLog audit;

	private final Clock clock;

	CounterController(Reissues reissues, Booklets booklets, ArchiveCopyDownloads archiveCopies, AuditLog audit,
			Clock clock) {
		this.reissues = reissues;
		this.booklets = booklets;
		this.archiveCopies = archiveCopies;
		this.audit = audit;
		this.clock = clock;
	}

	/** The year the look-up page's export form offers first: the last ended one. */
	@ModelAttribute("lastYear")
	int lastYear() {
		return Year.now(this.clock).getValue() - 1;
	}

	@GetMapping("/office")
	String home(@AuthenticationPrincipal OfficeUser user, Model model) {
		model.addAttribute("user", user);
		return "office-lookup";
	}

	@GetMapping("/office/lookup")
	String lookup(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String number, @RequestParam(required = false) String name,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String purpose, Model model) {
		model.addAttribute("user", user);
		try {
			model.addAttribute("people", this.reissues.lookup(clerk(user), new LookupQuery(blankToNull(idNumber),
					blankToNull(number), blankToNull(name), blankToNull(unit), purpose)));
		}
		catch (RefusedException ex) {
			model.addAttribute("problem", Problems.userMessage(ex, "未能完成，请检查后重试"));
		}
		return "office-lookup";
	}

	/**
	 * Returns once the reissue is stored and its booklet printed, or after
	 * {@link #BOOKLET_WAIT} (a booklet took about 300 ms in a warm server,
	 * bench/counter.sh); the page then follows a booklet still printing on
	 * {@code /office/reissued/{number}}.
	 */
	@PostMapping("/office/reissue")
	String reissue(@AuthenticationPrincipal OfficeUser user, @RequestParam String number, @RequestParam String reason,
			@RequestParam(required = false) String declaration, Model model) {
		model.addAttribute("user", user);
		try {
			ReissueResult result = this.reissues.reissue(clerk(user), number, ReissueReason.parse(reason),
					blankToNull(declaration), PrintStyle.DEFAULT);
			model.addAttribute("result", result);
			model.addAttribute("booklet", this.reissues.awaitBooklet(result.newNumber(), BOOKLET_WAIT));
			return "office-reissued";
		}
		catch (RefusedException | NotFoundException ex) {
			model.addAttribute("problem", Problems.userMessage(ex, "未能完成，请检查后重试"));
			return "office-lookup";
		}
	}

	/**
	 * A reissue of the account's office and how far its new booklet has got: printing
	 * (the page refreshes itself), printed (its link) or not printed (why).
	 */
	@GetMapping("/office/reissued/{number}")
	String reissued(@AuthenticationPrincipal OfficeUser user, @PathVariable String number, Model model) {
		if (!number.startsWith(user.officeChannel())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("user", user);
		model.addAttribute("result", this.reissues.reissued(number));
		model.addAttribute("booklet", this.reissues.booklet(number));
		return "office-reissued";
	}

	/**
	 * The newest print of a certificate of the account's office, as a PDF; with
	 * {@code archive=true} its PDF/A-2b archive copy, for the personal file.
	 */
	@GetMapping("/office/pdf/{number}")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal OfficeUser user, @PathVariable String number,
			@RequestParam(defaultValue = "false") boolean archive) throws IOException {
		if (!number.startsWith(user.officeChannel())) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		if (archive) {
			return this.archiveCopies.certificate(number)
				.map((copy) -> pdfDownload("certificate-" + number + "-pdfa.pdf", copy))
				.orElseGet(() -> ResponseEntity.notFound().build());
		}
		Path file = this.booklets.printedFile(number).orElse(null);
		if (file == null || !Files.exists(file)) {
			return ResponseEntity.notFound().build();
		}
		return pdfDownload("certificate-" + number + ".pdf", Files.readAllBytes(file));
	}

	private static ResponseEntity<byte[]> pdfDownload(String fileName, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(pdf);
	}

	@GetMapping("/office/audit")
	String audit(@AuthenticationPrincipal OfficeUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("rows", this.audit.recent(user.officeChannel(), 500));
		return "office-audit";
	}

	@GetMapping("/office/audit.xlsx")
	ResponseEntity<byte[]> auditExcel(@AuthenticationPrincipal OfficeUser user) throws IOException {
		List<AuditLog.Entry> rows = this.audit.recent(user.officeChannel(), 100_000);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("审计日志");
			String[] headings = { "时间", "经办人", "经办机关", "操作", "对象", "说明" };
			Row header = sheet.createRow(0);
			for (int i = 0; i < headings.length; i++) {
				header.createCell(i).setCellValue(headings[i]);
			}
			int index = 1;
			for (AuditLog.Entry entry : rows) {
				Row row = sheet.createRow(index++);
				row.createCell(0).setCellValue(time.format(entry.at()));
				row.createCell(1).setCellValue(asText(entry.clerk()));
				row.createCell(2).setCellValue(entry.officeChannel());
				row.createCell(3).setCellValue(asText(entry.action()));
				row.createCell(4).setCellValue(asText(entry.subject()));
				row.createCell(5).setCellValue(asText(entry.detail()));
			}
			sheet.setColumnWidth(0, 20 * 256);
			sheet.setColumnWidth(4, 40 * 256);
			sheet.setColumnWidth(5, 80 * 256);
			workbook.write(out);
			return ResponseEntity.ok()
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("audit-" + user.officeChannel() + ".xlsx")
							.build()
							.toString())
				.body(out.toByteArray());
		}
	}

	private static Clerk clerk(OfficeUser user) {
		return new Clerk(user.displayName() + "（" + user.username() + "）", user.officeChannel());
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	/**
	 * Clerks type the purpose of a look-up: text starting with = + - @ is kept text, so
	 * opening the audit runs nothing.
	 */
	private static String asText(String value) {
		if (value == null) {
			return "";
		}
		return (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

}
