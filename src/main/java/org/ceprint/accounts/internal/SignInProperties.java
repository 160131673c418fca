package org.ceprint.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in is throttled (README, "Security"). Failed sign-ins are counted per account
 * name and per client address; after {@code freeFailures} each further try must wait
 * {@code firstDelay}, doubled at every failure; at {@code lockAfter} failures the account
 * name is locked for {@code lockFor}, and an address at {@code addressLockAfter} failures
 * (many account names tried from one place). While locked, even the right password is
 * refused. A successful sign-in clears its account's count.
 *
 * @param freeFailures failures an account may have before tries are delayed
 * @param firstDelay the wait after the first delayed failure
 * @param lockAfter failures of one account name that lock it
 * @param addressLockAfter failures from one client address that lock the address
 * @param lockFor how long a lock lasts; also how long failures are remembered
 */
@ConfigurationProperties("ceprint.accounts.sign-in")
public record SignInProperties(@DefaultValue("3") int freeFailures, @DefaultValue("2s") Duration firstDelay,
		@DefaultValue("5") int lockAfter, @DefaultValue("20") int addressLockAfter,
		@DefaultValue("15m") Duration lockFor) {

}
