package org.ceprint.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ceprint.ConflictException;
import org.ceprint.NotFoundException;
import org.ceprint.registry.internal.RegistryAudit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 发放 (第十七条): an office issues a certificate to each enrolled person of its city who holds
 * none, with a number from the office's serial. One valid certificate per person is kept
 * by the database (uk_certificate_current): of two offices or clerks issuing to the same
 * person at once, one stores the certificate and the other counts the person as holding
 * one already; its drawn number stays unused (numbers are unique, not gapless). Each
 * certificate is stored in a transaction of its own, so that a large roster is issued in
 * pieces that each hold. New certificates are unprinted: the next print run takes them.
 */
@Service
public class Issuance {

	private final JdbcClient jdbc;

	private final CertificateNumberAllocator numbers;

	private final RegistryAudit audit;

	private final TransactionTemplate transaction;

	Issuance(JdbcClient jdbc, CertificateNumberAllocator numbers, RegistryAudit audit,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * What an issue did: the numbers stored, in the order of the people, and how many of
	 * the people held a valid certificate by the time theirs was to be stored.
	 */
	public record Issued(List<String> certificateNumbers, int alreadyHeld) {

	}

	/**
	 * Issues to every person of the office's units and bases who holds no certificate.
	 */
	public Issued issueForOffice(String officeChannel, LocalDate issueDate, String actor) {
		return issue(officeChannel, candidates(officeChannel, null, null), issueDate, actor);
	}

	/** Issues to every person of one unit of the office who holds no certificate. */
	public Issued issueForUnit(String officeChannel, String unitCreditCode, LocalDate issueDate, String actor) {
		long units = this.jdbc
			.sql("SELECT COUNT(*) FROM organisation WHERE credit_code = :code AND channel_code = :office")
			.param("code", unitCreditCode)
			.param("office", officeChannel)
			.query(Long.class)
			.single();
		if (units == 0) {
			throw new NotFoundException("本机关（%s）没有统一社会信用代码为 %s 的单位".formatted(officeChannel, unitCreditCode));
		}
		return issue(officeChannel, candidates(officeChannel, unitCreditCode, null), issueDate, actor);
	}

	/**
	 * The counter: issues one person's certificate.
	 * @return the certificate number
	 * @throws ConflictException when the person holds a valid certificate already
	 */
	public String issueForPerson(String officeChannel, String idNumber, LocalDate issueDate, String actor) {
		Long personId = this.jdbc.sql("""
				SELECT p.id FROM person p JOIN organisation o ON o.id = p.unit_id
				WHERE p.id_number = :id AND o.channel_code = :office
				""").param("id", idNumber).param("office", officeChannel).query(Long.class).optional().orElse(null);
		if (personId == null) {
			throw new NotFoundException(
					"本机关（%s）所辖单位中没有身份证件号码为 %s 的人员".formatted(officeChannel, ResidentIdNumbers.masked(idNumber)));
		}
		Issued issued = issue(officeChannel, List.of(personId), issueDate, actor);
		if (issued.certificateNumbers().isEmpty()) {
			String held = this.jdbc.sql("SELECT certificate_no FROM certificate WHERE current_holder_id = :person")
				.param("person", personId)
				.query(String.class)
				.optional()
				.orElse("");
			throw new ConflictException("此人已持有有效证书 %s：一人一证，如遗失或损毁请办理补发（reissue replace）".formatted(held));
		}
		return issued.certificateNumbers().get(0);
	}

	private List<Long> candidates(String officeChannel, String unitCreditCode, String idNumber) {
		StringBuilder sql = new StringBuilder("""
				SELECT p.id FROM person p JOIN organisation o ON o.id = p.unit_id
				WHERE o.channel_code = :office
				  AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.current_holder_id = p.id)
				""");
		if (unitCreditCode != null) {
			sql.append(" AND o.credit_code = :unit");
		}
		if (idNumber != null) {
			sql.append(" AND p.id_number = :id");
		}
		sql.append(" ORDER BY o.id, p.id");
		JdbcClient.StatementSpec query = this.jdbc.sql(sql.toString()).param("office", officeChannel);
		if (unitCreditCode != null) {
			query = query.param("unit", unitCreditCode);
		}
		if (idNumber != null) {
			query = query.param("id", idNumber);
		}
		return query.query(Long.class).list();
	}

	private Issued issue(String officeChannel, List<Long> people, LocalDate issueDate, String actor) {
		if (people.isEmpty()) {
			return new Issued(List.of(), 0);
		}
		List<String> drawn = this.numbers.allocate(officeChannel, issueDate.getYear(), people.size());
		List<String> stored = new ArrayList<>(people.size());
		int alreadyHeld = 0;
		for (int i = 0; i < people.size(); i++) {
			long person = people.get(i);
			String number = drawn.get(i);
			try {
				this.transaction.executeWithoutResult((status) -> {
					this.jdbc
						.sql("""
								INSERT INTO certificate (certificate_no, person_id, current_holder_id, channel_code, issue_date,
								                         status)
								VALUES (:number, :person, :person, :office, :date, :valid)
								""")
						.param("valid", CertificateStatus.VALID.name())
						.param("number", number)
						.param("person", person)
						.param("office", officeChannel)
						.param("date", issueDate)
						.update();
					this.audit.record(actor, "CERTIFICATE_ISSUED", officeChannel, "certificate:" + number,
							"person:" + person);
				});
				stored.add(number);
			}
			catch (DuplicateKeyException ex) {
				// another issuer stored this person's certificate first: one person, one
				// certificate
				alreadyHeld++;
			}
		}
		return new Issued(stored, alreadyHeld);
	}

}
