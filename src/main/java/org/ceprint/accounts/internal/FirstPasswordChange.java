package org.ceprint.accounts.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.web.Problems;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session whose account was disabled or re-roled since it signed in ends at its next
 * request. An account still holding the first password an office gave it reaches nothing
 * but the page that changes it: a page is sent there, the JSON API answers 403 saying
 * why. Asked of the database on every request of a signed-in account, so that the change
 * takes effect at once in every session. Not a bean: it runs inside the security chains
 * only.
 */
class FirstPasswordChange extends OncePerRequestFilter {

	static final String PAGE = "/account/password";

	/** What such an account may still open: the page itself, its styles, sign-out. */
	private static final List<String> OPEN = List.of(PAGE, "/logout", "/login", "/error", "/css/", "/js/",
			"/favicon.ico");

	private final OfficeUsers users;

	FirstPasswordChange(OfficeUsers users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof OfficeUser user
				&& !this.users.stillAsSignedIn(user)) {
			// disabled, re-roled or moved to another office since it signed in: the
			// session
			// ends now, not when it expires
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			if (path(request).startsWith("/api/")) {
				Problems.send(request, response, 401, "账号 " + user.username() + " 已停用或其角色已变更，请重新登录");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?changed");
			}
			return;
		}
		if (signedIn != null && signedIn.getPrincipal() instanceof OfficeUser user && !open(request)
				&& this.users.mustChangePassword(user.username())) {
			if (path(request).startsWith("/api/")) {
				Problems.send(request, response, 403, "账号 " + user.username() + " 须先在页面上修改初始密码（" + PAGE + "），才能使用接口");
			}
			else {
				response.sendRedirect(request.getContextPath() + PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean open(HttpServletRequest request) {
		String path = path(request);
		return OPEN.stream().anyMatch((open) -> open.endsWith("/") ? path.startsWith(open) : path.equals(open));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
