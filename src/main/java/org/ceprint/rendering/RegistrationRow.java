package org.ceprint.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One registration row of the booklet with every field of 第九条. Hours count either as
 * public (公需) or professional (专业); the other is null. {@code verifiedBy} and
 * {@code verifiedOn} are null until the HRSS office has verified the entry;
 * {@code sealedOn} is null until its 验证专用章 has been printed into the booklet.
 */
public record RegistrationRow(LocalDate startDate, LocalDate endDate, String projectName, String content,
		String learningForm, BigDecimal publicHours, BigDecimal professionalHours, String result, String outcome,
		String registeredBy, String verifiedBy, LocalDate verifiedOn, LocalDate sealedOn) {

}
