package org.ceprint.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.RegisterImports;
import org.ceprint.intake.UploadedWorkbook;
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.Issuance;
import org.ceprint.registry.Transfers;
import org.ceprint.registry.UnitRegister;
import org.ceprint.web.Problems;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The register of an HRSS office on a page (登记管理): its units and bases and rosters
 * uploaded as workbooks, and certificates issued to the people who hold none, singly at
 * the counter or for a unit or the whole office. Refusals come back on the page in
 * Chinese; any other exception is left to the web module (an error page with the generic
 * message, logged).
 */
@Controller
class RegisterPagesController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** What the page says of a refusal whose own text is not fit to show. */
	private static final String UNEXPECTED = "办理失败，请稍后重试；如一再失败，请联系系统管理员";

	private final RegisterImports imports;

	private final Enrolment enrolment;

	private final Transfers transfers;

	private final UnitRegister units;

	private final Issuance issuance;

	private final Clock clock;

	RegisterPagesController(RegisterImports imports, Enrolment enrolment, Transfers transfers, UnitRegister units,
			Issuance issuance, Clock clock) {
		this.units = units;
		this.transfers = transfers;
		this.imports = imports;
		this.enrolment = enrolment;
		this.issuance = issuance;
		this.clock = clock;
	}

	@GetMapping("/office/register")
	String page(@AuthenticationPrincipal OfficeUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("counts", this.enrolment.counts(user.officeChannel()));
		return "office-register";
	}

	@GetMapping("/office/register/{kind:units|roster}-template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable String kind) throws IOException {
		return template(kind.equals("units") ? RegisterImports.UNITS : RegisterImports.ROSTER);
	}

	/** A workbook's blank template, as a download. */
	static ResponseEntity<byte[]> template(RegisterWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.writeTemplate(out);
		String name = workbook.sheet() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

	@PostMapping("/office/register/units")
	String units(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		return upload(redirect, "/office/register", file, "单位和基地名册", (upload) -> this.imports.importUnits(upload.file(),
				upload.errorWorkbook(), user.officeChannel(), user.getUsername()));
	}

	@PostMapping("/office/register/people")
	String people(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		return upload(redirect, "/office/register", file, "人员名册", (upload) -> this.imports.importRoster(upload.file(),
				upload.errorWorkbook(), user.officeChannel(), user.getUsername()));
	}

	/** One unit or base, typed into the page's form. */
	@PostMapping("/office/register/unit")
	String unit(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String creditCode, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String contactName, @RequestParam(defaultValue = "") String contactPhone,
			RedirectAttributes redirect) {
		return onPage(redirect, "/office/register", () -> {
			listed(redirect, "登记单位",
					this.imports.addUnitList(
							typed(name, creditCode, kind, department, address, contactName, contactPhone),
							user.officeChannel(), user.getUsername()));
		});
	}

	/** A department of the city, typed into the page's form. */
	@PostMapping("/office/register/department")
	String department(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		return onPage(redirect, "/office/register", () -> {
			this.imports.addDepartment(user.officeChannel(), name, user.getUsername());
			redirect.addFlashAttribute("done", "已登记主管部门「%s」".formatted(name.strip()));
		});
	}

	/**
	 * A unit's name, department, address or contact changed; blank fields stay as they
	 * are.
	 */
	@PostMapping("/office/register/unit-update")
	String updateUnit(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String creditCode,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String department,
			@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String contactName,
			@RequestParam(defaultValue = "") String contactPhone, RedirectAttributes redirect) {
		return onPage(redirect, "/office/register", () -> {
			Enrolment.RegisteredUnit unit = this.imports.updateUnit(user.officeChannel(), creditCode,
					new UnitRegister.UnitChanges(given(name), given(department), given(address), given(contactName),
							given(contactPhone)),
					user.getUsername());
			redirect.addFlashAttribute("done", "已修改%s「%s」".formatted(unit.kind().label(), unit.name()));
		});
	}

	/** One record of a list, as typed into a form's fields. */
	private static List<List<String>> typed(String... fields) {
		return List.of(Stream.of(fields).map(String::strip).toList());
	}

	private static String given(String field) {
		return field.isBlank() ? null : field;
	}

	/** One person, typed into the page's form. */
	@PostMapping("/office/register/person")
	String person(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String unit,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String titleLevel,
			@RequestParam(defaultValue = "") String specialty, RedirectAttributes redirect) {
		return onPage(redirect, "/office/register", () -> {
			listed(redirect, "登记人员",
					this.imports.enrolList(typed(name, idNumber, "", "", unit, title, titleLevel, specialty),
							user.officeChannel(), null, user.getUsername()));
		});
	}

	/** 调动 (第十八条), recorded by the old or the new unit's office. */
	@PostMapping("/office/register/transfer")
	String transfer(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String to, @RequestParam(required = false) LocalDate on,
			RedirectAttributes redirect) {
		return onPage(redirect, "/office/register", () -> {
			Transfers.Transfer moved = this.transfers.transfer(user.officeChannel(), idNumber.strip(), to.strip(),
					(on != null) ? on : LocalDate.now(this.clock), user.getUsername());
			redirect.addFlashAttribute("done", "已办理调动：自 %s 起由「%s」（%s）调到「%s」（%s），证书继续有效".formatted(moved.movedOn(),
					moved.from().name(), moved.from().channelName(), moved.to().name(), moved.to().channelName()));
		});
	}

	/** 撤销: a unit with people is never deleted, it is closed. */
	@PostMapping("/office/register/close")
	String close(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String creditCode,
			RedirectAttributes redirect) {
		return onPage(redirect, "/office/register", () -> {
			Enrolment.RegisteredUnit closed = this.units.close(user.officeChannel(), creditCode.strip(),
					LocalDate.now(this.clock), user.getUsername());
			redirect.addFlashAttribute("done",
					"已撤销%s「%s」（自 %s 起不再登记新人员）".formatted(closed.kind().label(), closed.name(), closed.closedOn()));
		});
	}

	private static void listed(RedirectAttributes redirect, String what, RegisterImports.ListReport report) {
		if (report.rejected().isEmpty()) {
			redirect.addFlashAttribute("done", report.ids().isEmpty() ? what + "：已登记过，未重复登记" : what + "：已登记");
			return;
		}
		redirect.addFlashAttribute("problem",
				what + "未成功：" + String.join("；", report.rejected().get(0).reasons()).replace("第 1 条的", ""));
	}

	/**
	 * 发放: to one person by ID number, to one unit's people, or to everyone of the office
	 * who holds no certificate.
	 */
	@PostMapping("/office/register/issue")
	String issue(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String unit, RedirectAttributes redirect) {
		LocalDate today = LocalDate.now(this.clock);
		return onPage(redirect, "/office/register", () -> {
			if (idNumber != null && !idNumber.isBlank()) {
				String number = this.issuance.issueForPerson(user.officeChannel(), idNumber.strip(), today,
						user.getUsername());
				redirect.addFlashAttribute("issued", "已发放证书 %s，将在下一次打印证书时打印".formatted(number));
				redirect.addFlashAttribute("issuedNumbers", List.of(number));
				return;
			}
			Issuance.Issued issued = (unit != null && !unit.isBlank())
					? this.issuance.issueForUnit(user.officeChannel(), unit.strip(), today, user.getUsername())
					: this.issuance.issueForOffice(user.officeChannel(), today, user.getUsername());
			redirect.addFlashAttribute("issued",
					issued.certificateNumbers().isEmpty() ? "没有尚无证书的人员，未发放证书" : "已发放证书 %d 本，将在下一次打印证书时打印%s".formatted(
							issued.certificateNumbers().size(),
							(issued.alreadyHeld() > 0) ? "（另有 %d 人已由他人发证）".formatted(issued.alreadyHeld()) : ""));
			redirect.addFlashAttribute("issuedNumbers", issued.certificateNumbers().stream().limit(200).toList());
		});
	}

	private static void report(RedirectAttributes redirect, ImportReport report) {
		redirect.addFlashAttribute("importSummary",
				"%s：共 %d 行，登记 %d 条，已登记过 %d 条，未导入 %d 行".formatted(report.file().getFileName(), report.rows(),
						report.imported(), report.alreadyImported(), report.rejected().size()));
		redirect.addFlashAttribute("importWarnings", report.warnings());
		redirect.addFlashAttribute("importProblems",
				report.rejected().stream().map((row) -> String.join("；", row.reasons())).limit(200).toList());
	}

	/**
	 * Does what a form asks and goes back to {@code page}; a refusal goes back with its
	 * words as the page's problem, anything else to the web module's error page.
	 */
	static <E extends Exception> String onPage(RedirectAttributes redirect, String page, PageAction<E> action)
			throws E {
		try {
			action.run();
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:" + page;
	}

	/** An uploaded workbook imported, its report on the page. */
	static String upload(RedirectAttributes redirect, String page, MultipartFile file, String what,
			WorkbookImport imported) throws IOException {
		return onPage(redirect, page, () -> {
			try (UploadedWorkbook upload = UploadedWorkbook.save(file, what)) {
				report(redirect, imported.from(upload));
			}
		});
	}

	@FunctionalInterface
	interface PageAction<E extends Exception> {

		void run() throws E;

	}

	@FunctionalInterface
	interface WorkbookImport {

		ImportReport from(UploadedWorkbook upload) throws IOException;

	}

}
