package org.ceprint.rendering.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The holder's data, printed alike on the certificate and on the register card.
 */
public final class HolderParameters {

	static final Map<String, String> LABELS = Map.of("holderName", "姓名", "sex", "性别", "birthDate", "出生日期", "idNumber",
			"身份证件号码", "unitName", "工作单位", "title", "专业技术职务", "specialty", "专业", "certificateNo", "证书编号", "qrImage",
			"二维码");

	private HolderParameters() {
	}

	public static Map<String, Object> of(String certificateNo, String holderName, String sex, LocalDate birthDate,
			String idNumber, String unitName, String titleLevel, String titleName, String specialty, String qrContent) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("holderName", holderName);
		parameters.put("sex", Formats.text(sex));
		parameters.put("birthDate", Formats.date(birthDate));
		parameters.put("idNumber", Formats.text(idNumber));
		parameters.put("unitName", Formats.text(unitName));
		parameters.put("title", title(titleName, titleLevel));
		parameters.put("specialty", Formats.text(specialty));
		parameters.put("certificateNo", certificateNo);
		parameters.put("qrImage", QrCodes.symbol(qrContent));
		return parameters;
	}

	public static Map<String, String> labelsWith(Map<String, String> more) {
		Map<String, String> labels = new HashMap<>(LABELS);
		labels.putAll(more);
		return Map.copyOf(labels);
	}

	/** 高级工程师（高级）, or the level alone when there is no title name. */
	static String title(String titleName, String titleLevel) {
		if (titleName == null || titleName.isBlank()) {
			return Formats.text(titleLevel);
		}
		return (titleLevel != null) ? titleName + "（" + titleLevel + "）" : titleName;
	}

}
