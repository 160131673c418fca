package org.ceprint.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards {@code /admin/**} (the print-run API) and {@code /clerk/**} (the clerk's pages):
 * a request must carry the token of {@code ceprint.admin.token}, as
 * {@code Authorization: Bearer <token>} or as the password of HTTP Basic (so that a
 * browser can open a clerk's page; any user name). Without a configured token these paths
 * are off, so a server started for the public verification page never exposes them by
 * accident.
 */
public class AdminAccess implements HandlerInterceptor {

	static final String[] PATHS = { "/admin/**", "/clerk/**" };

	private final byte[] token;

	AdminAccess(String token) {
		this.token = (token != null && !token.isBlank()) ? token.strip().getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (this.token == null) {
			refuse(response, HttpServletResponse.SC_NOT_FOUND, "管理接口未启用：请设置 ceprint.admin.token");
			return false;
		}
		if (!MessageDigest.isEqual(this.token, presented(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, request.getRequestURI().startsWith("/clerk/")
					? "Basic realm=\"ceprint\", charset=\"UTF-8\"" : "Bearer");
			refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "需要管理令牌（Authorization: Bearer …）");
			return false;
		}
		return true;
	}

	private static byte[] presented(String header) {
		if (header == null) {
			return new byte[0];
		}
		if (header.startsWith("Bearer ")) {
			return header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		}
		if (header.startsWith("Basic ")) {
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

	private static void refuse(HttpServletResponse response, int status, String message) throws Exception {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"error\":\"" + message + "\"}");
	}

	@Configuration(proxyBeanMethods = false)
	static class AdminAccessConfiguration {

		@Bean
		WebMvcConfigurer adminAccess(@Value("${ceprint.admin.token:}") String token) {
			AdminAccess access = new AdminAccess(token);
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(access).addPathPatterns(PATHS);
				}
			};
		}

	}

}
