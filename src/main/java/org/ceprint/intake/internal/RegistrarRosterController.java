package org.ceprint.intake.internal;

import java.io.IOException;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.RegisterImports;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A unit registrar's upload of its own unit's roster, on its submissions page, with the
 * roster's template; answered as the office's register page answers its uploads.
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
	ResponseEntity<byte[]> registrarTemplate() throws IOException {
		return RegisterPagesController.template(RegisterImports.ROSTER);
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
		return RegisterPagesController.upload(redirect, "/submissions", file, "人员名册", (upload) -> {
			Organisation unit = this.organisations.findById(user.organisationId()).orElseThrow();
			return this.imports.importRoster(upload.file(), upload.errorWorkbook(), unit.channelCode(),
					unit.creditCode(), user.getUsername());
		});
	}

}
