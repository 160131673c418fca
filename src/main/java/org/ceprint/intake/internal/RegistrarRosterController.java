package org.ceprint.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.RegisterImports;
import org.ceprint.intake.UploadedWorkbook;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.web.Problems;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A unit registrar enrols its own unit's people from a roster, on its submissions page:
 * every row's unit must be its own; the report lists the rows not imported.
 */
@Controller
class RegistrarRosterController {

	private final RegisterImports imports;

	private final Organisations organisations;

	RegistrarRosterController(RegisterImports imports, Organisations organisations) {
		this.imports = imports;
		this.organisations = organisations;
	}

	@GetMapping("/submissions/roster-template.xlsx")
	ResponseEntity<byte[]> template() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RegisterImports.writeRosterTemplate(out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("人员名册.xlsx", StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

	@PostMapping("/submissions/roster")
	String roster(@AuthenticationPrincipal OfficeUser user, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		if (user.role() != OfficeRole.UNIT_REGISTRAR || user.organisationId() == null) {
			redirect.addFlashAttribute("problem", "只有单位登记员可以导入本单位的人员名册；人社部门请在「登记管理」页导入");
			return "redirect:/submissions";
		}
		try (UploadedWorkbook upload = UploadedWorkbook.save(file, "人员名册")) {
			Organisation unit = this.organisations.findById(user.organisationId()).orElseThrow();
			ImportReport report = this.imports.importRoster(upload.file(), upload.errorWorkbook(), unit.channelCode(),
					unit.creditCode(), user.getUsername());
			redirect.addFlashAttribute("importSummary",
					"%s：共 %d 行，登记 %d 人，已登记过 %d 人，未导入 %d 行".formatted(report.file().getFileName(), report.rows(),
							report.imported(), report.alreadyImported(), report.rejected().size()));
			redirect.addFlashAttribute("importProblems",
					report.rejected().stream().map((row) -> String.join("；", row.reasons())).limit(200).toList());
		}
		catch (IOException | RuntimeException ex) {
			redirect.addFlashAttribute("problem", Problems.userMessage(ex, "导入失败，请稍后重试；如一再失败，请联系系统管理员"));
		}
		return "redirect:/submissions";
	}

}
