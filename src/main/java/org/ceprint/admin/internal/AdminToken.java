package org.ceprint.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin token of {@code ceprint.admin.token} as a Spring Security filter: a request
 * that presents it, as {@code Authorization: Bearer <token>} or as the password of HTTP
 * Basic (so that a browser can open a clerk's page; any user name), is the administrator
 * for that request only; nothing is kept in a session. Compared in constant time.
 */
final class AdminToken extends OncePerRequestFilter {

	static final String ROLE = "ADMIN";

	private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

	private final byte[] token;

	AdminToken(String token) {
		this.token = (token != null && !token.isBlank()) ? token.strip().getBytes(StandardCharsets.UTF_8) : null;
	}

	boolean enabled() {
		return this.token != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.token != null && MessageDigest.isEqual(this.token, presented(request))) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin-token", null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	/**
	 * The token as a bearer token, or as the password of HTTP Basic; empty when neither.
	 */
	private static byte[] presented(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		}
		try {
			UsernamePasswordAuthenticationToken basic = BASIC.convert(request);
			return (basic != null) ? String.valueOf(basic.getCredentials()).getBytes(StandardCharsets.UTF_8)
					: new byte[0];
		}
		catch (AuthenticationException ex) {
			return new byte[0];
		}
	}

}
