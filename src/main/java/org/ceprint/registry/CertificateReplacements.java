package org.ceprint.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.ceprint.ConflictException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces a certificate with a new one for the same person (第十八条), and reads the chain
 * of certificates a person has held.
 */
@Repository
public class CertificateReplacements {

	private final JdbcClient jdbc;

	CertificateReplacements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Ends the certificate and issues its successor, in one transaction. Only a valid
	 * certificate can be replaced, and only once: of two clerks replacing it at the same
	 * moment, the second waits for the first's row lock and is then refused.
	 * @param oldStatus SUPERSEDED (damaged, full) or VOID (lost)
	 * @param closeVolume whether the old certificate keeps its entries as a closed volume
	 * (full) rather than passing them on to the new one (lost, damaged); entries are
	 * bound to the booklet they are written in by registration_entry.certificate_id
	 * @param newNumber draws the new certificate's number
	 * @throws IllegalStateException when the certificate is no longer valid, in Chinese
	 */
	@Transactional
	public Replaced replace(long oldCertificateId, CertificateStatus oldStatus, Supplier<String> newNumber,
			LocalDate issueDate, boolean closeVolume) {
		return replace(oldCertificateId, oldStatus, newNumber, issueDate, closeVolume, null);
	}

	/**
	 * As {@link #replace(long, CertificateStatus, Supplier, LocalDate, boolean)}, the new
	 * certificate issued by {@code issuingChannel} (the office that serves the holder
	 * now, after a move to another city), or by the old one's office when it is null.
	 */
	@Transactional
	public Replaced replace(long oldCertificateId, CertificateStatus oldStatus, Supplier<String> newNumber,
			LocalDate issueDate, boolean closeVolume, String issuingChannel) {
		if (oldStatus == CertificateStatus.VALID) {
			throw new IllegalArgumentException("replaced certificates are superseded or void");
		}
		Previous previous = this.jdbc
			.sql("SELECT person_id, channel_code, certificate_no FROM certificate WHERE id = :id")
			.param("id", oldCertificateId)
			.query((rs, row) -> new Previous(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new IllegalStateException("证书记录不存在：#" + oldCertificateId));
		int ended = this.jdbc.sql("""
				UPDATE certificate SET status = :status, current_holder_id = NULL
				WHERE id = :id AND status = :valid
				""")
			.param("status", oldStatus.name())
			.param("valid", CertificateStatus.VALID.name())
			.param("id", oldCertificateId)
			.update();
		if (ended == 0) {
			// a locking read: under InnoDB's repeatable read a plain SELECT would read
			// the
			// snapshot taken before the other clerk committed, and miss the successor
			String successor = this.jdbc
				.sql("SELECT certificate_no FROM certificate WHERE predecessor_id = :id FOR UPDATE")
				.param("id", oldCertificateId)
				.query(String.class)
				.optional()
				.orElse(null);
			throw new ConflictException("证书 %s %s，不能再换发".formatted(previous.number(),
					(successor != null) ? "已换发为 " + successor : "已不是有效证书"));
		}
		if (closeVolume) {
			this.jdbc.sql("""
					UPDATE registration_entry SET certificate_id = :old
					WHERE person_id = :person AND certificate_id IS NULL
					""").param("old", oldCertificateId).param("person", previous.personId()).update();
		}
		// the number is drawn only once the old certificate is ended, so a refused
		// replacement uses none
		String number = newNumber.get();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO certificate (certificate_no, person_id, current_holder_id, channel_code, issue_date, status,
				                         predecessor_id)
				VALUES (:no, :person, :person, :channel, :issued, :valid, :old)
				""")
			.param("valid", CertificateStatus.VALID.name())
			.param("no", number)
			.param("person", previous.personId())
			.param("channel", (issuingChannel != null) ? issuingChannel : previous.channelCode())
			.param("issued", issueDate)
			.param("old", oldCertificateId)
			.update(key, "id");
		long newId = key.getKey().longValue();
		if (!closeVolume) {
			// the new booklet carries the history the old one recorded
			this.jdbc.sql("""
					UPDATE registration_entry SET certificate_id = :new
					WHERE person_id = :person AND (certificate_id = :old OR certificate_id IS NULL)
					""")
				.param("new", newId)
				.param("person", previous.personId())
				.param("old", oldCertificateId)
				.update();
		}
		return new Replaced(previous.number(), previous.channelCode(), newId, number);
	}

	/**
	 * A replacement done: the old certificate's number and channel, the new one's id and
	 * number.
	 */
	public record Replaced(String oldNumber, String channelCode, long newCertificateId, String newNumber) {

	}

	/** Every certificate the person has held, oldest first. */
	@Transactional(readOnly = true)
	public List<HeldCertificate> chain(long personId) {
		return this.jdbc.sql("""
				SELECT c.id, c.certificate_no, c.status, c.issue_date, c.channel_code, c.printed_at,
				       p.certificate_no AS predecessor_no, s.certificate_no AS successor_no
				FROM certificate c
				LEFT JOIN certificate p ON p.id = c.predecessor_id
				LEFT JOIN certificate s ON s.predecessor_id = c.id
				WHERE c.person_id = :person ORDER BY c.id
				""")
			.param("person", personId)
			.query((rs, row) -> new HeldCertificate(rs.getLong("id"), rs.getString("certificate_no"),
					CertificateStatus.valueOf(rs.getString("status")), rs.getDate("issue_date").toLocalDate(),
					rs.getString("channel_code"), rs.getTimestamp("printed_at") != null, rs.getString("predecessor_no"),
					rs.getString("successor_no")))
			.list();
	}

	/** The person a certificate (of any status) belongs to. */
	@Transactional(readOnly = true)
	public Optional<Long> personOf(String certificateNo) {
		return this.jdbc.sql("SELECT person_id FROM certificate WHERE certificate_no = :no")
			.param("no", certificateNo)
			.query(Long.class)
			.optional();
	}

	/** People with this resident ID number (any type of document number). */
	@Transactional(readOnly = true)
	public List<Long> peopleWithIdNumber(String idNumber) {
		return this.jdbc.sql("SELECT id FROM person WHERE id_number = :id ORDER BY id")
			.param("id", idNumber)
			.query(Long.class)
			.list();
	}

	/** People of this exact name in a unit whose name contains {@code unitName}. */
	@Transactional(readOnly = true)
	public List<Long> peopleByNameAndUnit(String name, String unitName) {
		return this.jdbc.sql("""
				SELECT p.id FROM person p JOIN organisation o ON o.id = p.unit_id
				WHERE p.name = :name AND o.name LIKE :unit ORDER BY p.id LIMIT 20
				""")
			.param("name", name)
			.param("unit", "%" + unitName.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.query(Long.class)
			.list();
	}

	/**
	 * One certificate of a person's chain.
	 */
	public record HeldCertificate(long id, String certificateNo, CertificateStatus status, LocalDate issueDate,
			String channelCode, boolean printed, String predecessorNo, String successorNo) {

	}

	private record Previous(long personId, String channelCode, String number) {

	}

}
