package org.ceprint.reissue;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link ReissueContract} on a real MariaDB server: the concurrent reissue meets InnoDB's
 * row locks.
 */
@MariaDbTest
class ReissueMariaDbIntegrationTests extends ReissueContract {

	/**
	 * Sessions of this database (not the server's others) in the middle of ending a
	 * certificate: while the first clerk holds its transaction, only a second waiting for
	 * the row's lock. (information_schema.innodb_trx does not list that waiting
	 * transaction: it has read but not yet written.)
	 */
	@Override
	long sessionsWaitingForALock() {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.processlist
				WHERE db = DATABASE() AND info LIKE 'UPDATE certificate SET status%'
				""").query(Long.class).single();
	}

	@Override
	String sessions() {
		return this.jdbc.sql("SELECT id, state, info FROM information_schema.processlist WHERE db = DATABASE()")
			.query()
			.listOfRows()
			.toString();
	}

}
