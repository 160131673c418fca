package org.ceprint.accounts.internal;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.web.Problems;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * Who may open which path (README, "Security"). The public verification page and API need
 * nothing; the print-run API and the clerk's scan log are guarded by the admin token
 * (admin module, a chain of its own); the offices' pages need a signed-in office account,
 * the audit a supervisor, the accounts page a provincial administrator; an account with a
 * first password reaches nothing until it has changed it. Sign-in, by form or HTTP Basic,
 * is throttled and logged. Anything that changes state with the browser's session must
 * carry the CSRF token of a page of ours. Only when serving: commands run without a web
 * server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * Who works with submissions: every account but the administrators (supervisors are
	 * clerks).
	 */
	private static final String[] SUBMISSION_ROLES = { "CLERK", "UNIT_REGISTRAR", "BASE_REGISTRAR", "DEPT_REVIEWER" };

	/**
	 * Passwords are checked by bcrypt against office_user, behind the throttle; the one
	 * provider of the form and of HTTP Basic.
	 */
	@Bean
	ThrottledSignIn throttledSignIn(OfficeUsers users, PasswordEncoder encoder, SignInThrottle throttle,
			SignInLog log) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new ThrottledSignIn(passwords, throttle, log);
	}

	/**
	 * The submission API: an office account with HTTP Basic (the provinces' platforms) or
	 * the signed-in page's session (the keyboard verification screen), which must then
	 * send the page's CSRF token. A chain of its own, so that the anonymous get 401 with
	 * problem details rather than the sign-in form.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain submissionApiChain(HttpSecurity http, OfficeUsers users) throws Exception {
		AuthenticationEntryPoint basic = (request, response, ex) -> {
			if (ex instanceof SignInRefusedException refused) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
				Problems.send(request, response, 429, refused.getMessage());
				return;
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ceprint\", charset=\"UTF-8\"");
			Problems.send(request, response, 401,
					(ex != null && Problems.fit(ex.getMessage())) ? ex.getMessage() : Problems.defaultDetail(401));
		};
		http.securityMatcher("/api/v1/submissions/**", "/api/v1/people")
			// people are enrolled by their unit's registrar or their city's office
			.authorizeHttpRequests((paths) -> paths.requestMatchers("/api/v1/people")
				.hasAnyRole("CLERK", "UNIT_REGISTRAR")
				.anyRequest()
				.hasAnyRole(SUBMISSION_ROLES))
			.addFilterBefore(new FirstPasswordChange(users), AuthorizationFilter.class)
			.httpBasic((basicAuth) -> basicAuth.authenticationEntryPoint(basic))
			.exceptionHandling((refusals) -> refusals.authenticationEntryPoint(basic).accessDeniedHandler(refused()))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(sessionWrites()));
		return http.build();
	}

	/**
	 * The administrators' page of accounts: the provincial administrator signed in with
	 * the form, the page's CSRF token on every change. Ahead of the admin token's chain,
	 * which guards the rest of {@code /admin/**}.
	 */
	@Bean
	@Order(-1)
	SecurityFilterChain accountAdminChain(HttpSecurity http, OfficeUsers users) throws Exception {
		http.securityMatcher("/admin/accounts", "/admin/accounts/**")
			.authorizeHttpRequests((paths) -> paths.anyRequest().hasRole(OfficeRole.ADMIN.name()))
			.addFilterBefore(new FirstPasswordChange(users), AuthorizationFilter.class)
			.exceptionHandling((refusals) -> refusals.accessDeniedHandler(refused())
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, OfficeUsers users) throws Exception {
		http.authorizeHttpRequests((paths) -> paths.requestMatchers("/submissions/**")
			.hasAnyRole(SUBMISSION_ROLES)
			.requestMatchers("/V/**", "/v/**", "/api/v1/verify/**", "/api/v1/lookup", "/actuator/health", "/error",
					"/login", "/css/**", "/js/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/office/audit", "/office/audit.xlsx")
			.hasRole("SUPERVISOR")
			.requestMatchers("/office/**")
			.hasRole("CLERK")
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.successHandler(startPageByRole())
				.failureHandler(signInFailed())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// a first password must be changed before anything else
			.addFilterBefore(new FirstPasswordChange(users), AuthorizationFilter.class)
			// a program calling an API path it may not use gets 401, a browser the
			// sign-in form
			.exceptionHandling((refusals) -> refusals.accessDeniedHandler(refused())
				.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
						new LoginUrlAuthenticationEntryPoint("/login"),
						List.of(new RequestMatcherEntry<>(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
								(request, response, ex) -> Problems.send(request, response, 401,
										Problems.defaultDetail(401)))))))
			// the public look-up form needs no session and changes nothing
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/v/lookup"));
		return http.build();
	}

	/**
	 * Writes that need the CSRF token: every unsafe request, unless it authenticates
	 * itself with an {@code Authorization} header and does not come from another site's
	 * page (a browser adds {@code Sec-Fetch-Site} or {@code Origin} to those, and may add
	 * remembered Basic credentials on its own).
	 */
	static RequestMatcher sessionWrites() {
		return (request) -> {
			if (SAFE_METHODS.contains(request.getMethod())) {
				return false;
			}
			if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				return true;
			}
			String site = request.getHeader("Sec-Fetch-Site");
			if (site != null && !site.equals("same-origin") && !site.equals("none")) {
				return true;
			}
			String origin = request.getHeader(HttpHeaders.ORIGIN);
			return origin != null && !origin.equals(ownOrigin(request));
		};
	}

	private static String ownOrigin(HttpServletRequest request) {
		int port = request.getServerPort();
		boolean defaultPort = (port == 80 && "http".equals(request.getScheme()))
				|| (port == 443 && "https".equals(request.getScheme()));
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

	/** A 403 in Chinese, saying when it was the missing CSRF token. */
	private static AccessDeniedHandler refused() {
		return (request, response, ex) -> Problems.send(request, response, 403, (ex instanceof CsrfException)
				? "请求缺少有效的 CSRF 令牌，未执行：用浏览器请从本系统的页面操作；程序调用接口请用 HTTP Basic，不要带会话 Cookie" : Problems.defaultDetail(403));
	}

	/** Back to the form, saying whether the password was wrong or sign-in is paused. */
	private static AuthenticationFailureHandler signInFailed() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> response
			.sendRedirect(request.getContextPath() + ((ex instanceof SignInRefusedException refused)
					? "/login?locked=" + refused.retryAfterSeconds() : "/login?error"));
	}

	/**
	 * After sign-in: the page asked for, else the counter for HRSS staff, the accounts
	 * for administrators, else the submissions.
	 */
	private static AuthenticationSuccessHandler startPageByRole() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
				Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
				return (principal instanceof OfficeUser user) ? startPage(user.role()) : "/office";
			}
		};
		return handler;
	}

	static String startPage(OfficeRole role) {
		if (role == OfficeRole.ADMIN) {
			return "/admin/accounts";
		}
		return role.hrssOffice() ? "/office" : "/submissions";
	}

}
