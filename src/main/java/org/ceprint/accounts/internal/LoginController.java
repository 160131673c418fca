package org.ceprint.accounts.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page of the offices.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
