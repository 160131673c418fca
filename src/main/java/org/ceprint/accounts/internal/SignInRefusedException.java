package org.ceprint.accounts.internal;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused before the password was checked: too many failures of this account
 * name or from this address. Carries the seconds to wait.
 */
class SignInRefusedException extends AccountStatusException {

	private final long retryAfterSeconds;

	SignInRefusedException(SignInThrottle.Verdict verdict) {
		super(message(verdict));
		this.retryAfterSeconds = verdict.seconds();
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	private static String message(SignInThrottle.Verdict verdict) {
		long seconds = verdict.seconds();
		String wait = (seconds >= 60) ? ((seconds + 59) / 60) + " 分钟" : seconds + " 秒";
		return verdict.locked() ? "登录失败次数过多，已暂停登录；请 " + wait + "后再试，或请管理员核实" : "登录失败次数较多，请 " + wait + "后再试";
	}

}
