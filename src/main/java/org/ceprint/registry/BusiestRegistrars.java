package org.ceprint.registry;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registering bodies with the most entries waiting for verification: where a demo of
 * the submission workflow has something to show.
 */
@Repository
@Transactional(readOnly = true)
public class BusiestRegistrars {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	BusiestRegistrars(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	/**
	 * The unit or base of a channel that registered the most pending entries (the lowest
	 * id of those tied), if any registered one.
	 */
	public Optional<Organisation> withMostPendingEntries(Organisation.Kind kind, String channelCode) {
		return this.jdbc.sql("""
				SELECT o.id FROM organisation o
				JOIN registration_entry e ON e.registered_by_id = o.id
				WHERE o.kind = :kind AND o.channel_code = :channel AND e.status = :pending
				GROUP BY o.id ORDER BY COUNT(*) DESC, o.id
				""")
			.param("kind", kind.name())
			.param("channel", channelCode)
			.param("pending", EntryStatus.PENDING.name())
			.query(Long.class)
			.list()
			.stream()
			.findFirst()
			.flatMap(this.organisations::findById);
	}

}
