package org.ceprint.reissue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.printing.PrintStyle;
import org.ceprint.registry.CertificateDossier;
import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.CertificateNumberAllocator;
import org.ceprint.registry.CertificateNumbers;
import org.ceprint.registry.CertificateReplacements.HeldCertificate;
import org.ceprint.registry.CertificateReplacements.Replaced;
import org.ceprint.registry.CertificateReplacements;
import org.ceprint.registry.CertificateStatus;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.registry.Holder;
import org.ceprint.registry.PersonDossier;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.PersonNames;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.ResidentIdNumbers;
import org.ceprint.reissue.internal.AuditLog;
import org.ceprint.reissue.internal.Booklets;
import org.ceprint.reissue.internal.CertificateReissued;
import org.ceprint.reissue.internal.ReissueRecords;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counter of a city office: look a person up, and replace a lost, damaged or full
 * certificate (第十八条). A clerk sees and replaces only certificates their own office
 * issued; every look-up and reissue is audited.
 */
@Service
public class Reissues {

	private final CertificateReplacements replacements;

	private final CertificateNumberAllocator numbers;

	private final CertificateDossiers certificates;

	private final PersonDossiers people;

	private final Channels channels;

	private final ReissueRecords records;

	private final Booklets booklets;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Reissues(CertificateReplacements replacements, CertificateNumberAllocator numbers, CertificateDossiers certificates,
			PersonDossiers people, Channels channels, ReissueRecords records, Booklets booklets, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.replacements = replacements;
		this.numbers = numbers;
		this.certificates = certificates;
		this.people = people;
		this.channels = channels;
		this.records = records;
		this.booklets = booklets;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Looks people up by resident ID number, by certificate number (its check character
	 * checked) or by name and unit; returns only people the clerk's office serves: those
	 * whose unit is in its city (after a move, the new city's office).
	 * @throws InvalidRequestException for a query that cannot be right, in Chinese
	 */
	public List<PersonRecord> lookup(Clerk clerk, LookupQuery query) {
		List<Long> ids;
		if (query.idNumber() != null) {
			Checked id = ResidentIdNumbers.check(query.idNumber(), LocalDate.now(this.clock));
			ids = this.replacements.peopleWithIdNumber(id.valid() ? id.value() : query.idNumber().strip());
		}
		else if (query.certificateNo() != null) {
			Checked number = checkedNumber(query.certificateNo());
			ids = this.replacements.personOf(number.value()).map(List::of).orElse(List.of());
		}
		else if (query.name() != null && query.unitName() != null) {
			ids = this.replacements.peopleByNameAndUnit(PersonNames.check(query.name()).value(),
					query.unitName().strip());
		}
		else {
			throw new InvalidRequestException("请按身份证件号码、证书编号，或姓名加工作单位查询");
		}
		List<PersonRecord> found = new ArrayList<>();
		for (PersonDossier person : this.people.findByPersonIds(ids, true)) {
			List<HeldCertificate> chain = this.replacements.chain(person.holder().personId());
			// the office of the person's unit serves them: after a move to another city
			// (第十八条) the new city's office, whichever office issued the certificate
			if (person.holder().unitChannelCode().equals(clerk.officeChannel())) {
				found.add(new PersonRecord(person.holder(), chain, person.entries()));
			}
		}
		this.audit.record(clerk, "LOOKUP", query.describe(),
				"事由：" + query.purpose() + "；找到 " + found.size() + " 人" + (found.isEmpty() ? ""
						: "：" + String.join("、", found.stream().map((p) -> "人员#" + p.holder().personId()).toList())));
		return found;
	}

	/**
	 * Replaces a certificate and stores its successor; the new booklet is printed once
	 * this has committed ({@link CertificateReissued}), and {@link #booklet} tells how
	 * far it has got.
	 * @param declarationRef the reference of the loss declaration; required for LOST
	 * @param style how the counter prints the new booklet
	 * @throws InvalidRequestException for a request that is refused, in Chinese
	 * @throws NotFoundException for a certificate that does not exist
	 * @throws ConflictException when the certificate was already replaced, in Chinese
	 */
	public ReissueResult reissue(Clerk clerk, String certificateNo, ReissueReason reason, String declarationRef,
			PrintStyle style) {
		Checked number = checkedNumber(certificateNo);
		if (reason == ReissueReason.LOST && (declarationRef == null || declarationRef.isBlank())) {
			throw new InvalidRequestException("遗失补发须注明遗失声明（登报或网上声明）的编号（--declaration）");
		}
		CertificateDossier old = this.certificates.findByNumber(number.value())
			.orElseThrow(() -> new NotFoundException("证书 " + number.value() + " 不存在"));
		String serving = old.holder().unitChannelCode();
		if (!serving.equals(clerk.officeChannel())) {
			throw new InvalidRequestException(old.channelCode().equals(serving)
					? "证书 %s 由 %s 发证，只能由该发证机关换发（第十八条）".formatted(old.certificateNo(), old.issuingOffice())
					: "证书 %s 的持证人已调到其他设区市（单位所在地 %s），只能由其现所在地的人社部门换发（第十八条）".formatted(old.certificateNo(), serving));
		}
		if (old.status() != CertificateStatus.VALID) {
			// the label says it whole (已换发, 已作废): "证书 X 已换发", not "已" before it
			throw new ConflictException("证书 %s %s，不能再换发".formatted(old.certificateNo(), old.status().label()));
		}
		LocalDate today = LocalDate.now(this.clock);
		String declaration = (declarationRef != null) ? declarationRef.strip() : null;
		try {
			return this.transaction.execute((status) -> {
				Replaced done = this.replacements.replace(old.certificateId(), reason.oldStatus(),
						() -> this.numbers.next(serving, today.getYear()), today, reason.closesVolume(), serving);
				this.records.add(done.oldNumber(), done.newNumber(), reason, declaration, clerk,
						LocalDateTime.now(this.clock));
				this.audit.record(clerk, "REISSUE", done.oldNumber(),
						"%s：换发为 %s，原证书%s%s".formatted(reason.label(), done.newNumber(), reason.oldStatus().label(),
								(declaration != null) ? "，遗失声明 " + declaration : ""));
				// stored with the reissue in this transaction, handled after its commit
				this.events.publishEvent(new CertificateReissued(done.oldNumber(), done.newNumber(), clerk, style));
				return new ReissueResult(done.oldNumber(), done.newNumber(), reason, reason.oldStatus().label());
			});
		}
		catch (ConcurrencyFailureException ex) {
			// another clerk's replacement of the same certificate holds or held its row
			throw new ConflictException("证书 %s 正由其他经办人换发，请重新查询后再办理".formatted(old.certificateNo()), ex);
		}
	}

	/**
	 * A reissue as stored, by the new certificate's number.
	 * @throws NotFoundException when no certificate was replaced by that number
	 */
	public ReissueResult reissued(String newNumber) {
		ReissueRecords.ReissueRecord reissue = this.booklets.reissue(newNumber);
		return new ReissueResult(reissue.oldNumber(), reissue.newNumber(), reissue.reason(),
				reissue.reason().oldStatus().label());
	}

	/**
	 * Where the new booklet of a reissue is now.
	 * @throws NotFoundException when no certificate was replaced by that number
	 */
	public Booklet booklet(String newNumber) {
		return this.booklets.of(newNumber);
	}

	/**
	 * Waits until the new booklet is printed or its printing has ended without it, for at
	 * most {@code limit}.
	 */
	public Booklet awaitBooklet(String newNumber, Duration limit) {
		return this.booklets.await(newNumber, limit);
	}

	private Checked checkedNumber(String typed) {
		Checked number = CertificateNumbers.check(typed, this.channels::exists);
		if (!number.valid()) {
			throw new InvalidRequestException("证书编号 " + typed + "：" + number.problem());
		}
		return number;
	}

	/**
	 * What a clerk looks a person up by: one of ID number, certificate number, or name
	 * with (part of) the unit's name.
	 */
	public record LookupQuery(String idNumber, String certificateNo, String name, String unitName, String purpose) {

		/** The reason the audit records when none is given. */
		public static final String COUNTER = "窗口办理换发";

		public LookupQuery {
			purpose = (purpose != null && !purpose.isBlank()) ? purpose.strip() : COUNTER;
		}

		public LookupQuery(String idNumber, String certificateNo, String name, String unitName) {
			this(idNumber, certificateNo, name, unitName, null);
		}

		String describe() {
			Set<String> parts = new LinkedHashSet<>();
			if (this.idNumber != null) {
				parts.add("身份证件号码 " + this.idNumber);
			}
			if (this.certificateNo != null) {
				parts.add("证书编号 " + this.certificateNo);
			}
			if (this.name != null) {
				parts.add("姓名 " + this.name + " 单位 " + this.unitName);
			}
			return String.join("；", parts);
		}

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "LookupQuery[certificateNo=%s, purpose=%s]".formatted(this.certificateNo, this.purpose);
		}

	}

	/**
	 * A person as the counter sees them: holder data, every certificate they held, and
	 * their registration history with its verification state.
	 */
	public record PersonRecord(Holder holder, List<HeldCertificate> certificates, List<RegistrationEntry> entries) {

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "PersonRecord[personId=%d]".formatted(this.holder.personId());
		}

	}

	/**
	 * A reissue stored: the numbers and what became of the old certificate.
	 */
	public record ReissueResult(String oldNumber, String newNumber, ReissueReason reason, String oldStatus) {

	}

}
