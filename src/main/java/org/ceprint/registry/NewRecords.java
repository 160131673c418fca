package org.ceprint.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Records to add to the registry in bulk, linked by natural keys (credit codes, ID
 * numbers, certificate numbers) rather than database ids.
 */
public final class NewRecords {

	private NewRecords() {
	}

	public record Department(String channelCode, String name) {

	}

	public record NewOrganisation(Organisation.Kind kind, String name, String creditCode, String channelCode,
			String departmentName) {

	}

	public record NewPerson(String name, Sex sex, LocalDate birthDate, String idNumber, String unitCreditCode,
			TitleLevel titleLevel, String titleName, String specialty) {

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "NewPerson[unitCreditCode=%s]".formatted(this.unitCreditCode);
		}

	}

	public record NewCertificate(String certificateNo, String holderIdNumber, String channelCode, LocalDate issueDate) {

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "NewCertificate[certificateNo=%s]".formatted(this.certificateNo);
		}

	}

	public record NewEntry(String holderIdNumber, String projectName, String content, LearningForm form,
			SubjectType subjectType, LocalDate startDate, LocalDate endDate, BigDecimal hours, String result,
			String outcome, String registeredByCreditCode, LocalDateTime registeredAt, EntryStatus status,
			String verifiedByChannel, String verifiedByClerk, LocalDateTime verifiedAt, String rejectionReason,
			String creditItem, String creditedBy) {

		/** An entry that names no item of the crediting standard. */
		public NewEntry(String holderIdNumber, String projectName, String content, LearningForm form,
				SubjectType subjectType, LocalDate startDate, LocalDate endDate, BigDecimal hours, String result,
				String outcome, String registeredByCreditCode, LocalDateTime registeredAt, EntryStatus status,
				String verifiedByChannel, String verifiedByClerk, LocalDateTime verifiedAt, String rejectionReason) {
			this(holderIdNumber, projectName, content, form, subjectType, startDate, endDate, hours, result, outcome,
					registeredByCreditCode, registeredAt, status, verifiedByChannel, verifiedByClerk, verifiedAt,
					rejectionReason, null, null);
		}

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "NewEntry[registeredByCreditCode=%s, startDate=%s]".formatted(this.registeredByCreditCode,
					this.startDate);
		}

	}

}
