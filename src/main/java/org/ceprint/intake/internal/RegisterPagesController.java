package org.ceprint.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.RegisterImports;
import org.ceprint.intake.UploadedWorkbook;
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.Issuance;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
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
 * the counter or for a unit or the whole office; and a unit registrar's upload of its own
 * unit's roster on its submissions page. Refusals come back on the page in Chinese; any
 * other exception is left to the web module (an error page with the generic message,
 * logged).
 */
@Controller
class RegisterPagesController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** What the page says of a refusal whose own text is not fit to show. */
	private static final String UNEXPECTED = "办理失败，请稍后重试；如一再失败，请联系系统管理员";

	private final RegisterImports imports;

	private final Enrolment enrolment;

	private final Issuance issuance;

	private final Organisations organisations;

	private final Clock clock;

	RegisterPagesController(RegisterImports imports, Enrolment enrolment, Issuance issuance,
			Organisations organisations, Clock clock) {
		this.organisations = organisations;
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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (kind.equals("units")) {
			RegisterImports.writeUnitTemplate(out);
		}
		else {
			RegisterImports.writeRosterTemplate(out);
		}
		String name = kind.equals("units") ? "单位和基地名册.xlsx" : "人员名册.xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

	@GetMapping("/submissions/roster-template.xlsx")
	ResponseEntity<byte[]> registrarTemplate() throws IOException {
		return template("roster");
	}

	/**
	 * A unit registrar enrols its own unit's people from a roster, on its submissions
	 * page: every row's unit must be its own.
	 */
	@PostMapping("/submissions/roster")
	String registrarRoster(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		if (user.role() != OfficeRole.UNIT_REGISTRAR || user.organisationId() == null) {
			redirect.addFlashAttribute("problem", "只有单位登记员可以导入本单位的人员名册；人社部门请在「登记管理」页导入");
			return "redirect:/submissions";
		}
		try (UploadedWorkbook upload = UploadedWorkbook.save(file, "人员名册")) {
			Organisation unit = this.organisations.findById(user.organisationId()).orElseThrow();
			report(redirect, this.imports.importRoster(upload.file(), upload.errorWorkbook(), unit.channelCode(),
					unit.creditCode(), user.getUsername()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/submissions";
	}

	@PostMapping("/office/register/units")
	String units(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try (UploadedWorkbook upload = UploadedWorkbook.save(file, "单位和基地名册")) {
			report(redirect, this.imports.importUnits(upload.file(), upload.errorWorkbook(), user.officeChannel(),
					user.getUsername()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
	}

	@PostMapping("/office/register/people")
	String people(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try (UploadedWorkbook upload = UploadedWorkbook.save(file, "人员名册")) {
			report(redirect, this.imports.importRoster(upload.file(), upload.errorWorkbook(), user.officeChannel(),
					user.getUsername()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
	}

	/** One unit or base, typed into the page's form. */
	@PostMapping("/office/register/unit")
	String unit(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String creditCode, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String contactName, @RequestParam(defaultValue = "") String contactPhone,
			RedirectAttributes redirect) {
		try {
			listed(redirect, "登记单位",
					this.imports.addUnitList(
							List.of(List.of(name, creditCode, kind, department, address, contactName, contactPhone)
								.stream()
								.map(String::strip)
								.toList()),
							user.officeChannel(), user.getUsername()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
	}

	/** A department of the city, typed into the page's form. */
	@PostMapping("/office/register/department")
	String department(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		try {
			this.imports.addDepartment(user.officeChannel(), name, user.getUsername());
			redirect.addFlashAttribute("done", "已登记主管部门「%s」".formatted(name.strip()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
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
		try {
			Enrolment.RegisteredUnit unit = this.imports.updateUnit(user.officeChannel(), creditCode,
					new Enrolment.UnitChanges(given(name), given(department), given(address), given(contactName),
							given(contactPhone)),
					user.getUsername());
			redirect.addFlashAttribute("done", "已修改%s「%s」".formatted(unit.kind().label(), unit.name()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
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
		try {
			listed(redirect, "登记人员",
					this.imports.enrolList(List.of(List.of(name, idNumber, "", "", unit, title, titleLevel, specialty)
						.stream()
						.map(String::strip)
						.toList()), user.officeChannel(), null, user.getUsername()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
	}

	/** 调动 (第十八条), recorded by the old or the new unit's office. */
	@PostMapping("/office/register/transfer")
	String transfer(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String to, @RequestParam(required = false) LocalDate on,
			RedirectAttributes redirect) {
		try {
			Enrolment.Transfer moved = this.enrolment.transfer(user.officeChannel(), idNumber.strip(), to.strip(),
					(on != null) ? on : LocalDate.now(this.clock), user.getUsername());
			redirect.addFlashAttribute("done", "已办理调动：自 %s 起由「%s」（%s）调到「%s」（%s），证书继续有效".formatted(moved.movedOn(),
					moved.from().name(), moved.from().channelName(), moved.to().name(), moved.to().channelName()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
	}

	/** 撤销: a unit with people is never deleted, it is closed. */
	@PostMapping("/office/register/close")
	String close(@AuthenticationPrincipal OfficeUser user, @RequestParam(defaultValue = "") String creditCode,
			RedirectAttributes redirect) {
		try {
			Enrolment.RegisteredUnit closed = this.enrolment.close(user.officeChannel(), creditCode.strip(),
					LocalDate.now(this.clock), user.getUsername());
			redirect.addFlashAttribute("done",
					"已撤销%s「%s」（自 %s 起不再登记新人员）".formatted(closed.kind().label(), closed.name(), closed.closedOn()));
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
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
		try {
			if (idNumber != null && !idNumber.isBlank()) {
				String number = this.issuance.issueForPerson(user.officeChannel(), idNumber.strip(), today,
						user.getUsername());
				redirect.addFlashAttribute("issued", "已发放证书 %s，将在下一次打印证书时打印".formatted(number));
				redirect.addFlashAttribute("issuedNumbers", List.of(number));
				return "redirect:/office/register";
			}
			Issuance.Issued issued = (unit != null && !unit.isBlank())
					? this.issuance.issueForUnit(user.officeChannel(), unit.strip(), today, user.getUsername())
					: this.issuance.issueForOffice(user.officeChannel(), today, user.getUsername());
			redirect.addFlashAttribute("issued",
					issued.certificateNumbers().isEmpty() ? "没有尚无证书的人员，未发放证书" : "已发放证书 %d 本，将在下一次打印证书时打印%s".formatted(
							issued.certificateNumbers().size(),
							(issued.alreadyHeld() > 0) ? "（另有 %d 人已由他人发证）".formatted(issued.alreadyHeld()) : ""));
			redirect.addFlashAttribute("issuedNumbers", issued.certificateNumbers().stream().limit(200).toList());
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, UNEXPECTED));
		}
		return "redirect:/office/register";
	}

	private static void report(RedirectAttributes redirect, ImportReport report) {
		redirect.addFlashAttribute("importSummary",
				"%s：共 %d 行，登记 %d 条，已登记过 %d 条，未导入 %d 行".formatted(report.file().getFileName(), report.rows(),
						report.imported(), report.alreadyImported(), report.rejected().size()));
		redirect.addFlashAttribute("importWarnings", report.warnings());
		redirect.addFlashAttribute("importProblems",
				report.rejected().stream().map((row) -> String.join("；", row.reasons())).limit(200).toList());
	}

}
