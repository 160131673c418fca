package org.ceprint.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One registered learning activity with every field of 第九条, who registered it (第十条) and
 * its verification (第十三条). {@code verifiedByOffice} is null unless the entry is verified;
 * {@code sealedAt} is when its 验证专用章 was printed, null until then.
 * {@code volumeCertificateId} is the full certificate (volume) the entry was closed into
 * when it was replaced, null while it belongs to the person's current certificate.
 * {@code creditItem} is the code of the crediting standard's item the entry names, null
 * if none; {@code creditedBy} the rule that credited its hours when an import computed
 * them.
 */
public record RegistrationEntry(long id, long personId, String projectName, String content, LearningForm form,
		SubjectType subjectType, LocalDate startDate, LocalDate endDate, BigDecimal hours, String result,
		String outcome, long registeredById, String registeredByName, EntryStatus status, String verifiedByOffice,
		String verifiedByClerk, LocalDateTime verifiedAt, String rejectionReason, LocalDateTime sealedAt,
		Long volumeCertificateId, String creditItem, String creditedBy) {

	public boolean verified() {
		return this.status == EntryStatus.VERIFIED;
	}

	/**
	 * The hours as pages write them (8, 7.5; the column stores 8.0), zero for none as
	 * {@link Hours#sum} counts them.
	 */
	public Hours registeredHours() {
		return Hours.orZero(this.hours);
	}

}
