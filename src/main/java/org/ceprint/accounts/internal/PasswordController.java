package org.ceprint.accounts.internal;

import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeAccounts;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in account changes its own password: at once after the first sign-in with a
 * password an office gave it ({@link FirstPasswordChange}), or whenever its holder wants.
 */
@Controller
class PasswordController {

	private final OfficeAccounts accounts;

	private final OfficeUsers users;

	PasswordController(OfficeAccounts accounts, OfficeUsers users) {
		this.accounts = accounts;
		this.users = users;
	}

	@GetMapping(FirstPasswordChange.PAGE)
	String form(@AuthenticationPrincipal OfficeUser user, Model model) {
		page(user, model);
		return "password";
	}

	@PostMapping(FirstPasswordChange.PAGE)
	String change(@AuthenticationPrincipal OfficeUser user, @RequestParam String current, @RequestParam String next,
			@RequestParam String again, Model model) {
		page(user, model);
		if (!next.equals(again)) {
			model.addAttribute("problem", "两次输入的新密码不一致，密码未修改");
			return "password";
		}
		try {
			this.accounts.changePassword(user.username(), current, next);
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("problem", ex.getMessage());
			return "password";
		}
		return "redirect:" + SecurityConfiguration.startPage(user.role());
	}

	private void page(OfficeUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("first", this.users.mustChangePassword(user.username()));
	}

}
