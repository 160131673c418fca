package org.ceprint.accounts.internal;

import org.ceprint.accounts.internal.SignInLog.Outcome;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a password the usual way (bcrypt against office_user), but only when the
 * throttle lets the try go ahead, and writes every try to the sign-in log. A disabled
 * account is refused like a wrong password. Serves the sign-in form and HTTP Basic alike.
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final SignInLog log;

	ThrottledSignIn(DaoAuthenticationProvider passwords, SignInThrottle throttle, SignInLog log) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.log = log;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "";
		SignInThrottle.Verdict verdict = this.throttle.check(username, address);
		if (!verdict.allowed()) {
			this.log.record(username, address, Outcome.REFUSED);
			throw new SignInRefusedException(verdict);
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username);
			this.log.record(username, address, Outcome.SIGNED_IN);
			return result;
		}
		catch (BadCredentialsException ex) {
			boolean locked = this.throttle.failed(username, address);
			this.log.record(username, address, locked ? Outcome.LOCKED : Outcome.FAILED);
			throw new BadCredentialsException("用户名或密码不正确");
		}
		catch (DisabledException ex) {
			// checked before the password: the answer must not tell a guesser the
			// account exists
			this.log.record(username, address, Outcome.FAILED);
			throw new BadCredentialsException("用户名或密码不正确");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
