package org.ceprint.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceprint.registry.internal.RegistryRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads certificates with their holders and entries, as printed; marks them printed.
 */
@Repository
@Transactional(readOnly = true)
public class CertificateDossiers {

	private static final String SELECT = """
			SELECT c.id, c.certificate_no, c.channel_code, ch.office_name, c.issue_date, c.status,
			""" + RegistryRows.HOLDER_COLUMNS + """
			FROM certificate c
			JOIN channel ch ON ch.code = c.channel_code
			JOIN person p ON p.id = c.person_id
			JOIN organisation o ON o.id = p.unit_id
			""";

	private final JdbcClient jdbc;

	private final RegistrationEntries entries;

	CertificateDossiers(JdbcClient jdbc, RegistrationEntries entries) {
		this.jdbc = jdbc;
		this.entries = entries;
	}

	/**
	 * Returns the dossiers of the given certificates, in the order of
	 * {@code certificateIds}; ids that do not exist are left out. Runs two queries
	 * whatever the number of ids.
	 */
	public List<CertificateDossier> findByIds(Collection<Long> certificateIds) {
		if (certificateIds.isEmpty()) {
			return List.of();
		}
		Map<Long, CertificateDossier> found = UniqueRows.byKey(this.jdbc.sql(SELECT + " WHERE c.id IN (:ids)")
			.param("ids", certificateIds)
			.query(CertificateDossiers::withoutEntries)
			.list(), CertificateDossier::certificateId, "证书");
		Map<Long, List<RegistrationEntry>> entriesByPerson = this.entries
			.findByPersonIds(found.values().stream().map((dossier) -> dossier.holder().personId()).toList());
		return certificateIds.stream()
			.map(found::get)
			.filter((dossier) -> dossier != null)
			.map((dossier) -> withEntries(dossier, entriesByPerson))
			.toList();
	}

	private static CertificateDossier withoutEntries(ResultSet rs, int row) throws SQLException {
		return new CertificateDossier(rs.getLong("id"), rs.getString("certificate_no"), rs.getString("channel_code"),
				rs.getString("office_name"), rs.getDate("issue_date").toLocalDate(),
				CertificateStatus.valueOf(rs.getString("status")), RegistryRows.holder(rs), List.of(), List.of());
	}

	private static CertificateDossier withEntries(CertificateDossier dossier,
			Map<Long, List<RegistrationEntry>> entriesByPerson) {
		List<RegistrationEntry> all = entriesByPerson.getOrDefault(dossier.holder().personId(), List.of());
		return new CertificateDossier(dossier.certificateId(), dossier.certificateNo(), dossier.channelCode(),
				dossier.issuingOffice(), dossier.issueDate(), dossier.status(), dossier.holder(), volume(dossier, all),
				earlierVolumes(dossier, all));
	}

	/**
	 * The entries a certificate records: the current certificate holds the entries not
	 * closed into an earlier full volume; a certificate replaced because it was full
	 * holds those closed into it; one replaced for another reason holds the person's
	 * history.
	 */
	private static List<RegistrationEntry> volume(CertificateDossier dossier, List<RegistrationEntry> all) {
		long id = dossier.certificateId();
		if (dossier.status() == CertificateStatus.VALID) {
			return all.stream()
				.filter((entry) -> entry.volumeCertificateId() == null || entry.volumeCertificateId() == id)
				.toList();
		}
		List<RegistrationEntry> closedInto = all.stream()
			.filter((entry) -> entry.volumeCertificateId() != null && entry.volumeCertificateId() == id)
			.toList();
		return closedInto.isEmpty() ? all : closedInto;
	}

	/** The entries of the full volumes a current certificate continues. */
	private static List<RegistrationEntry> earlierVolumes(CertificateDossier dossier, List<RegistrationEntry> all) {
		if (dossier.status() != CertificateStatus.VALID) {
			return List.of();
		}
		return all.stream()
			.filter((entry) -> entry.volumeCertificateId() != null
					&& entry.volumeCertificateId() != dossier.certificateId())
			.toList();
	}

	/**
	 * Returns the dossier of a certificate number, with two indexed queries (the
	 * certificate with its holder, then the holder's entries) and no transaction of its
	 * own: the verification API reads every document this way, and the two round trips of
	 * beginning and committing a read-only transaction would cost more than the reads.
	 * Inside a caller's transaction it joins that one.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<CertificateDossier> findByNumber(String certificateNo) {
		return this.jdbc.sql(SELECT + " WHERE c.certificate_no = :no")
			.param("no", certificateNo)
			.query(CertificateDossiers::withoutEntries)
			.optional()
			.map((dossier) -> withEntries(dossier, this.entries.findByPersonIds(List.of(dossier.holder().personId()))));
	}

	/** The number of the certificate that replaced this one (its successor), if any. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<String> successorNumber(long certificateId) {
		return this.jdbc.sql("SELECT certificate_no FROM certificate WHERE predecessor_id = :id")
			.param("id", certificateId)
			.query(String.class)
			.optional();
	}

	/**
	 * Records that the certificates were printed; joins the caller's transaction, so that
	 * a print chunk and its marks commit or roll back together.
	 */
	@Transactional
	public int markPrinted(Collection<Long> certificateIds, LocalDateTime printedAt) {
		if (certificateIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("UPDATE certificate SET printed_at = :at WHERE id IN (:ids)")
			.param("at", printedAt)
			.param("ids", certificateIds)
			.update();
	}

	/**
	 * Records that the 验证专用章 of the given verified entries was printed; joins the
	 * caller's transaction like {@link #markPrinted}. Entries already sealed keep their
	 * first date.
	 */
	@Transactional
	public int markSealed(Collection<Long> entryIds, LocalDateTime sealedAt) {
		if (entryIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE registration_entry SET sealed_at = :at
				WHERE id IN (:ids) AND status = :verified AND sealed_at IS NULL
				""")
			.param("verified", EntryStatus.VERIFIED.name())
			.param("at", sealedAt)
			.param("ids", entryIds)
			.update();
	}

}
