package org.ceprint.admin.internal;

import org.ceprint.web.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Guards {@code /admin/**} (the print-run API) and {@code /clerk/**} (the clerk's pages)
 * with the admin token, in a filter chain of their own ahead of the offices' chains.
 * Without a configured token these paths answer 404, so a server started for the public
 * verification page never exposes them by accident. No session and no cookie: every
 * request carries the token, so there is nothing a cross-site request could ride on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AdminSecurityConfiguration {

	static final String[] PATHS = { "/admin/**", "/clerk/**" };

	@Bean
	@Order(0)
	SecurityFilterChain adminChain(HttpSecurity http, @Value("${ceprint.admin.token:}") String configured) {
		AdminToken token = new AdminToken(configured);
		http.securityMatcher(PATHS)
			.authorizeHttpRequests((paths) -> paths.anyRequest().hasRole(AdminToken.ROLE))
			.addFilterBefore(token, AnonymousAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.securityContext((context) -> context.requireExplicitSave(true))
			.csrf(AbstractHttpConfigurer::disable)
			.exceptionHandling((refusals) -> refusals.authenticationEntryPoint((request, response, ex) -> {
				if (!token.enabled()) {
					Problems.send(request, response, 404, "管理接口未启用：请设置 ceprint.admin.token");
					return;
				}
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, request.getRequestURI().startsWith("/clerk/")
						? "Basic realm=\"ceprint\", charset=\"UTF-8\"" : "Bearer");
				Problems.send(request, response, 401, "需要管理令牌（Authorization: Bearer …）");
			}));
		return http.build();
	}

}
