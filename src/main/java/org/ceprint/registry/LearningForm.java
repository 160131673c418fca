package org.ceprint.registry;

/**
 * The forms of continuing education that count for registration (第三条).
 */
public enum LearningForm {

	TRAINING("面授培训"), CONFERENCE("学术会议"), EXAM("资格考试"), SECONDMENT("进修"), SELF_STUDY("自学"), DEGREE("学历学位教育"),
	DISTANCE("远程教育"), ACHIEVEMENT("业绩成果折算");

	private final String label;

	LearningForm(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
