package org.ceprint.accounts;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.ceprint.accounts.internal.SecurityHeaders;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers filter: registered ahead of Spring Security on every dispatch when serving,
 * absent for commands that run without a web server, its CSP replaceable by a property,
 * and its headers set even when the rest of the chain refuses the request.
 */
class SecurityHeadersTests {

	@Test
	void registeredAheadOfSpringSecurityOnEveryDispatchWhenServing() {
		new WebApplicationContextRunner().withUserConfiguration(SecurityHeaders.SecurityHeadersConfiguration.class)
			.run((context) -> {
				FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
				assertThat(registration.getFilter()).isInstanceOf(SecurityHeaders.class);
				// Spring Security's filter chain is registered at order -100
				assertThat(registration.getOrder()).isLessThan(-100).isLessThan(Ordered.HIGHEST_PRECEDENCE + 100);
				assertThat(registration.determineDispatcherTypes()).contains(DispatcherType.REQUEST,
						DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC);
			});
	}

	@Test
	void absentForCommandsWithoutAWebServer() {
		new ApplicationContextRunner().withUserConfiguration(SecurityHeaders.SecurityHeadersConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void setsTheHeadersEvenWhenTheChainRefuses() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SecurityHeaders(null).doFilter(new MockHttpServletRequest("GET", "/office"), response,
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest request,
							jakarta.servlet.http.HttpServletResponse refused) throws java.io.IOException {
						refused.sendError(403);
					}
				}));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(response.getHeader("Permissions-Policy")).startsWith("camera=(), microphone=(), geolocation=()");
	}

	@Test
	void theContentSecurityPolicyCanBeReplaced() {
		new WebApplicationContextRunner().withUserConfiguration(SecurityHeaders.SecurityHeadersConfiguration.class)
			.withPropertyValues("ceprint.accounts.content-security-policy=default-src 'self'; report-to csp")
			.run((context) -> {
				MockHttpServletResponse response = new MockHttpServletResponse();
				((SecurityHeaders) context.getBean(FilterRegistrationBean.class).getFilter())
					.doFilter(new MockHttpServletRequest(), response, new MockFilterChain());
				assertThat(response.getHeader("Content-Security-Policy"))
					.isEqualTo("default-src 'self'; report-to csp");
			});
	}

}
