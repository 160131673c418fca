package org.ceprint.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Who may open which path. The public verification page and API need nothing; the
 * print-run API and the clerk's scan log are guarded by the admin token (admin module);
 * the offices' pages need a signed-in office account, and the audit a supervisor. Only
 * when serving: commands run without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/**
	 * The submission API: an office account with HTTP Basic (the provinces' platforms) or
	 * the signed-in page's session (the keyboard verification screen). A chain of its
	 * own, so that Basic headers elsewhere (the clerk's token pages) stay the admin
	 * token's and pages still send the anonymous to the sign-in form.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain submissionApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/submissions/**")
			.authorizeHttpRequests((paths) -> paths.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((paths) -> paths.requestMatchers("/submissions/**")
			.authenticated()
			.requestMatchers("/V/**", "/v/**", "/api/v1/**", "/actuator/health", "/error", "/login", "/admin/**",
					"/clerk/**")
			.permitAll()
			.requestMatchers("/office/audit", "/office/audit.xlsx")
			.hasRole("SUPERVISOR")
			.requestMatchers("/office/**")
			.hasRole("CLERK")
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login").successHandler(startPageByRole()).permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// machines (token API), the public look-up form and the JSON API carry no
			// session
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/admin/**", "/v/lookup", "/api/**"));
		return http.build();
	}

	/**
	 * After sign-in: the page asked for, else the counter for HRSS staff, else the
	 * submissions.
	 */
	private static AuthenticationSuccessHandler startPageByRole() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
				Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
				return (principal instanceof OfficeUser user && !user.role().hrssOffice()) ? "/submissions" : "/office";
			}
		};
		return handler;
	}

}
