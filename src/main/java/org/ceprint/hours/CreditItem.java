package org.ceprint.hours;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ceprint.registry.LearningForm;

/**
 * The items of the hours-crediting standard (第六条, attachment 1) an entry may name, so
 * that it is credited (or checked) by its kind and level rather than by its learning form
 * alone: a national conference earns more than a city one, half-time training less than
 * full-time. The default hours are docs/domain.md's; each version of the standard may set
 * its own ({@code ceprint.hours.crediting-standards[i].item-hours.<ITEM>}). The
 * achievement table (kinds and levels) has no figures in the regulation we have: its
 * defaults follow comparable provincial standards and are meant to be configured.
 */
public enum CreditItem {

	FULL_TIME_TRAINING("脱产培训", LearningForm.TRAINING, Basis.PER_DAY, 8, null),
	HALF_TIME_TRAINING("半脱产培训", LearningForm.TRAINING, Basis.PER_DAY, 4, null),
	ADVANCED_SEMINAR("高级研修班", LearningForm.TRAINING, Basis.PER_DAY, 12, null),
	NATIONAL_CONFERENCE("国家级学术会议", LearningForm.CONFERENCE, Basis.PER_EVENT, 24, CapGroup.CONFERENCE),
	PROVINCIAL_CONFERENCE("省级学术会议", LearningForm.CONFERENCE, Basis.PER_EVENT, 16, CapGroup.CONFERENCE),
	CITY_CONFERENCE("市级学术会议", LearningForm.CONFERENCE, Basis.PER_EVENT, 8, CapGroup.CONFERENCE),
	PAPER_PRESENTED("学术会议宣读论文", LearningForm.CONFERENCE, Basis.PER_EVENT, 8, CapGroup.CONFERENCE),
	QUALIFICATION_EXAM("资格考试合格", LearningForm.EXAM, Basis.PER_ITEM, 40, null),
	SECONDMENT("进修", LearningForm.SECONDMENT, Basis.PER_DAY, 8, null),
	SELF_STUDY_EXAM_COURSE("自学考试课程合格", LearningForm.SELF_STUDY, Basis.PER_ITEM, 15, null),
	DEGREE_STUDY("学历学位教育", LearningForm.DEGREE, Basis.PER_STUDY_YEAR, 72, null),
	NATIONAL_JOURNAL_PAPER("国家级期刊论文", LearningForm.ACHIEVEMENT, Basis.PER_ITEM, 20, CapGroup.ACHIEVEMENT),
	PROVINCIAL_JOURNAL_PAPER("省级期刊论文", LearningForm.ACHIEVEMENT, Basis.PER_ITEM, 10, CapGroup.ACHIEVEMENT),
	MONOGRAPH("专著", LearningForm.ACHIEVEMENT, Basis.PER_ITEM, 40, CapGroup.ACHIEVEMENT),
	INVENTION_PATENT("发明专利", LearningForm.ACHIEVEMENT, Basis.PER_ITEM, 40, CapGroup.ACHIEVEMENT),
	UTILITY_MODEL_PATENT("实用新型专利", LearningForm.ACHIEVEMENT, Basis.PER_ITEM, 20, CapGroup.ACHIEVEMENT),
	PROVINCIAL_AWARD("省部级奖励", LearningForm.ACHIEVEMENT, Basis.PER_ITEM, 40, CapGroup.ACHIEVEMENT),
	CITY_AWARD("市厅级奖励", LearningForm.ACHIEVEMENT, Basis.PER_ITEM, 20, CapGroup.ACHIEVEMENT);

	/** What one unit of the item is: a day, an event, an item, a year of study. */
	public enum Basis {

		PER_DAY("每天"), PER_EVENT("每次"), PER_ITEM("每项"), PER_STUDY_YEAR("每学年");

		private final String label;

		Basis(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** Items sharing a per-year cap of the standard. */
	public enum CapGroup {

		CONFERENCE, ACHIEVEMENT

	}

	private final String label;

	private final LearningForm form;

	private final Basis basis;

	private final BigDecimal defaultHours;

	private final CapGroup capGroup;

	CreditItem(String label, LearningForm form, Basis basis, int defaultHours, CapGroup capGroup) {
		this.label = label;
		this.form = form;
		this.basis = basis;
		this.defaultHours = BigDecimal.valueOf(defaultHours);
		this.capGroup = capGroup;
	}

	public String label() {
		return this.label;
	}

	public LearningForm form() {
		return this.form;
	}

	public Basis basis() {
		return this.basis;
	}

	public BigDecimal defaultHours() {
		return this.defaultHours;
	}

	CapGroup capGroup() {
		return this.capGroup;
	}

	/**
	 * The item with this label (as in the workbook) or code (as stored); empty if none.
	 */
	public static Optional<CreditItem> find(String labelOrCode) {
		if (labelOrCode == null || labelOrCode.isBlank()) {
			return Optional.empty();
		}
		String text = labelOrCode.strip();
		return Arrays.stream(values())
			.filter((item) -> item.label.equals(text) || item.name().equals(text.toUpperCase(Locale.ROOT)))
			.findFirst();
	}

	/** Every label, for messages and the template's note. */
	public static String labels() {
		return Arrays.stream(values()).map(CreditItem::label).collect(Collectors.joining("、"));
	}

}
