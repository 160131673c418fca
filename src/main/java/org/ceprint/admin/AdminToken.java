package org.ceprint.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin token of {@code ceprint.admin.token} as a Spring Security filter: a request
 * that presents it, as {@code Authorization: Bearer <token>} or as the password of HTTP
 * Basic (so that a browser can open a clerk's page; any user name), is the administrator
 * for that request only; nothing is kept in a session. Compared in constant time.
 */
final class AdminToken extends OncePerRequestFilter {

	static final String ROLE = "ADMIN";

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
		if (this.token != null
				&& MessageDigest.isEqual(this.token, presented(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin-token", null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	private static byte[] presented(String header) {
		if (header == null) {
			return new byte[0];
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()),
						StandardCharsets.UTF_8);
				return pair.substring(pair.indexOf(':') + 1).getBytes(StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return new byte[0];
			}
		}
		return new byte[0];
	}

}
