package org.ceprint.submission.internal;

import java.util.Arrays;
import java.util.Locale;

import org.ceprint.InvalidRequestException;

/** Why the HRSS office does not verify an entry; the code travels in the API. */
public enum RejectionReason {

	HOURS_OVER_STANDARD("学时超过登记标准"), WRONG_SUBJECT_TYPE("科目类型不符"), MISSING_EVIDENCE("缺少证明材料"), DUPLICATE("与已验证的登记重复"),
	OUTSIDE_CERTIFICATE_PERIOD("不在证书登记期内"), OTHER("其他");

	private final String label;

	RejectionReason(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static RejectionReason parse(String text) {
		String value = (text != null) ? text.strip().toUpperCase(Locale.ROOT).replace('-', '_') : "";
		return Arrays.stream(values())
			.filter((reason) -> reason.name().equals(value) || reason.label.equals(text.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException(
					"不予验证的理由「%s」不在 %s 之中".formatted(text, Arrays.toString(values()))));
	}

}
