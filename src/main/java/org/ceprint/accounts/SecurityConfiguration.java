package org.ceprint.accounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open which path. The public verification page and API need nothing; the
 * print-run API and the clerk's scan log are guarded by the admin token (admin module);
 * the offices' pages need a signed-in office account, and the audit a supervisor. Only
 * when serving: commands run without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((paths) -> paths
			.requestMatchers("/V/**", "/v/**", "/api/v1/**", "/actuator/health", "/error", "/login", "/admin/**",
					"/clerk/**")
			.permitAll()
			.requestMatchers("/office/audit", "/office/audit.xlsx")
			.hasRole("SUPERVISOR")
			.requestMatchers("/office/**")
			.hasRole("CLERK")
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login").defaultSuccessUrl("/office", false).permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// machines (token API), the public look-up form and the JSON API carry no
			// session
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/admin/**", "/v/lookup", "/api/**"));
		return http.build();
	}

}
