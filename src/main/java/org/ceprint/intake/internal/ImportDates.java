package org.ceprint.intake.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The dates offices type: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305 (a date
 * cell of a workbook reaches here as 2024-03-05).
 */
final class ImportDates {

	private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-M-d");

	/** How a refusal describes what is accepted. */
	static final String EXAMPLES = "不是可识别的日期（如 2024-03-05、2024年3月5日）";

	private ImportDates() {
	}

	/** The date, or null when the text is blank or no date. */
	static LocalDate parse(String value) {
		if (value.isEmpty()) {
			return null;
		}
		String text = value.replace(" ", "")
			.replace('年', '-')
			.replace('月', '-')
			.replace("日", "")
			.replace('/', '-')
			.replace('.', '-');
		if (text.matches("\\d{8}")) {
			text = text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6);
		}
		try {
			return LocalDate.parse(text, DASHED);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
