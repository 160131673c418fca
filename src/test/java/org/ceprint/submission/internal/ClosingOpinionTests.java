package org.ceprint.submission.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ceprint.hours.HoursCheck;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.Hours;
import org.ceprint.registry.LearningForm;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's words at closing and the clerk's flags write hours the way documents print
 * them: the verified entries added up, 8 rather than 8.0.
 */
class ClosingOpinionTests {

	private static final HoursCheck WITHIN = new HoursCheck(new BigDecimal("8.0"), null, "基地核定的课程学时", "江西2012学时标准");

	@Test
	void theOpinionCountsTheVerifiedEntriesAndAddsUpTheirHours() {
		List<EntryReview> reviews = List.of(review(1, "24.0", Decision.VERIFIED, WITHIN),
				review(2, "7.5", Decision.VERIFIED, WITHIN), review(3, "8.0", Decision.VERIFIED, WITHIN),
				review(4, "12.0", Decision.REJECTED, WITHIN));

		assertThat(ClosingOpinion.composed(reviews))
			.isEqualTo("经验证，本批登记 4 条：\n3 条符合规定，予以验证，计 39.5 学时；\n1 条不予验证：序号 4 缺少证明材料。");
		assertThat(ClosingOpinion.composed(reviews.subList(0, 1))).isEqualTo("经验证，本批登记 1 条：\n1 条符合规定，予以验证，计 24 学时。");
	}

	@Test
	void hoursOverTheStandardAreFlaggedPlainly() {
		HoursCheck over = new HoursCheck(new BigDecimal("24.0"), new BigDecimal("16.0"), "面授培训 2 天 × 8 学时",
				"江西2012学时标准");

		assertThat(review(1, "24.0", null, over).flags())
			.containsExactly("学时超标：登记 24，按江西2012学时标准至多 16（面授培训 2 天 × 8 学时）");
		assertThat(review(1, "8.0", null, WITHIN).flags()).isEmpty();
	}

	private static EntryReview review(int seq, String hours, Decision decision, HoursCheck check) {
		LocalDate day = LocalDate.of(2024, 3, 5);
		RegistrationEntry entry = new RegistrationEntry(seq, 1, "项目", "内容", LearningForm.TRAINING,
				SubjectType.PROFESSIONAL, day, day, new BigDecimal(hours), null, null, 1, "单位", EntryStatus.PENDING,
				null, null, null, null, null, null, null, null);
		return new EntryReview(seq, entry, "张三", null, "单位", "工程师", "36010020190000127", false, check, List.of(),
				Hours.ZERO, Hours.of(90), "规则", decision,
				(decision == Decision.REJECTED) ? RejectionReason.MISSING_EVIDENCE : null, null, null, null);
	}

}
