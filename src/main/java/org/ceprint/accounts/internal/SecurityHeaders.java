package org.ceprint.accounts.internal;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the browser's security headers on every response: pages, the JSON APIs, static
 * files, and the refusals (401, 403) and error pages that never reach a controller. It
 * runs before Spring Security's filters and sets the headers before the rest of the chain
 * runs, so a response the chain refuses or that ends in an error carries them too.
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, fonts and images from this server
 * only (no inline script or style: the pages link {@code /css/ceprint.css} and
 * {@code /js/*.js}), no plugins, no {@code <base>}, forms post here only, and no other
 * site may frame a page. {@code ceprint.accounts.content-security-policy} replaces it.
 * <li>{@code Referrer-Policy: same-origin}: a verification URL carries a signed token,
 * which must not reach another site in a {@code Referer}; same-origin requests keep their
 * {@code Referer} and, unlike {@code no-referrer}, their {@code Origin} (browsers send
 * {@code Origin: null} on a POST under {@code no-referrer}), which origin checks against
 * cross-site requests rely on.
 * <li>{@code Permissions-Policy}: no page uses a camera, microphone, location, payment,
 * USB or other device, so none may, nor anything framed in it.
 * </ul>
 */
public class SecurityHeaders extends OncePerRequestFilter {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	static final String REFERRER_POLICY = "same-origin";

	public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), hid=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), "
			+ "display-capture=(), browsing-topics=()";

	private final String contentSecurityPolicy;

	public SecurityHeaders(String contentSecurityPolicy) {
		this.contentSecurityPolicy = (contentSecurityPolicy != null && !contentSecurityPolicy.isBlank())
				? contentSecurityPolicy.strip() : CONTENT_SECURITY_POLICY;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
		response.setHeader("Referrer-Policy", REFERRER_POLICY);
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		chain.doFilter(request, response);
	}

	/** An error page is a dispatch of its own, after a response may have been reset. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** Only when serving: commands run without a web server. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	public static class SecurityHeadersConfiguration {

		@Bean
		FilterRegistrationBean<SecurityHeaders> securityHeaders(
				@Value("${ceprint.accounts.content-security-policy:}") String contentSecurityPolicy) {
			FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(
					new SecurityHeaders(contentSecurityPolicy));
			// before Spring Security's filter chain (order -100), which may refuse a
			// request
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
			return registration;
		}

	}

}
