package org.ceprint.accounts.internal;

import java.util.Arrays;
import java.util.Locale;

import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;
import org.ceprint.accounts.OfficeAccounts;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provincial administrators' page of accounts: list, open, disable, enable, re-role.
 * Registrars are named by their organisation's credit code, reviewers by their
 * department's name. Each change is audited with the signed-in administrator as actor.
 */
@Controller
@RequestMapping("/admin/accounts")
class AdminAccountsController {

	private final OfficeAccounts accounts;

	private final Channels channels;

	private final Organisations organisations;

	AdminAccountsController(OfficeAccounts accounts, Channels channels, Organisations organisations) {
		this.accounts = accounts;
		this.channels = channels;
		this.organisations = organisations;
	}

	@GetMapping
	String page(@AuthenticationPrincipal OfficeUser admin, Model model) {
		model.addAttribute("user", admin);
		model.addAttribute("accounts", this.accounts.list(null));
		model.addAttribute("roles", Arrays.asList(OfficeRole.values()));
		model.addAttribute("channels", this.channels.findAll());
		return "admin-accounts";
	}

	@PostMapping
	String create(@AuthenticationPrincipal OfficeUser admin, @RequestParam String username,
			@RequestParam String displayName, @RequestParam String role, @RequestParam String office,
			@RequestParam(required = false) String creditCode, @RequestParam(required = false) String department,
			@RequestParam String password, RedirectAttributes redirect) {
		return act(redirect, "已开设账号 " + username + "；持有人首次登录时须修改初始密码", () -> {
			OfficeRole officeRole = role(username, role);
			Scope scope = scope(username, officeRole, office, creditCode, department);
			this.accounts.add(admin.username(), username, password, displayName, officeRole, office,
					scope.organisationId(), scope.departmentId());
		});
	}

	@PostMapping("/{username}/disable")
	String disable(@AuthenticationPrincipal OfficeUser admin, @PathVariable String username,
			RedirectAttributes redirect) {
		return act(redirect, "已停用账号 " + username, () -> this.accounts.disable(admin.username(), username));
	}

	@PostMapping("/{username}/enable")
	String enable(@AuthenticationPrincipal OfficeUser admin, @PathVariable String username,
			RedirectAttributes redirect) {
		return act(redirect, "已启用账号 " + username, () -> this.accounts.enable(admin.username(), username));
	}

	@PostMapping("/{username}/role")
	String role(@AuthenticationPrincipal OfficeUser admin, @PathVariable String username, @RequestParam String role,
			@RequestParam String office, @RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String department, RedirectAttributes redirect) {
		return act(redirect, "已改变账号 " + username + " 的角色", () -> {
			OfficeRole officeRole = role(username, role);
			Scope scope = scope(username, officeRole, office, creditCode, department);
			this.accounts.changeRole(admin.username(), username, officeRole, office, scope.organisationId(),
					scope.departmentId());
		});
	}

	private static String act(RedirectAttributes redirect, String done, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (RefusedException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/accounts";
	}

	private static OfficeRole role(String username, String typed) {
		String name = (typed != null) ? typed.strip().toUpperCase(Locale.ROOT) : "";
		return Arrays.stream(OfficeRole.values())
			.filter((role) -> role.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("账号 " + username + " 的角色「" + typed + "」不存在"));
	}

	/** A registrar's organisation by credit code, a reviewer's department by name. */
	private Scope scope(String username, OfficeRole role, String office, String creditCode, String department) {
		Long organisationId = null;
		if (hasText(creditCode)) {
			Organisation organisation = this.organisations.findByCreditCode(creditCode.strip())
				.orElseThrow(() -> new InvalidRequestException(
						"账号 " + username + "：统一社会信用代码 " + creditCode.strip() + " 不在登记库中"));
			Organisation.Kind expected = (role == OfficeRole.BASE_REGISTRAR) ? Organisation.Kind.BASE
					: Organisation.Kind.UNIT;
			if (role.needsOrganisation() && organisation.kind() != expected) {
				throw new InvalidRequestException("账号 " + username + "：" + role.label() + "须属于" + expected.label()
						+ "，统一社会信用代码 " + creditCode.strip() + " 是" + organisation.kind().label());
			}
			organisationId = organisation.id();
		}
		Long departmentId = null;
		if (role == OfficeRole.DEPT_REVIEWER && hasText(department)) {
			departmentId = this.organisations.departmentId(office, department.strip())
				.orElseThrow(() -> new InvalidRequestException(
						"账号 " + username + "：发证机关 " + office + " 下没有主管部门「" + department.strip() + "」"));
		}
		// an HRSS clerk may belong to an organisation too (whose entries they may not
		// verify)
		return new Scope((role.needsOrganisation() || role.hrssOffice()) ? organisationId : null, departmentId);
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	private record Scope(Long organisationId, Long departmentId) {

	}

}
