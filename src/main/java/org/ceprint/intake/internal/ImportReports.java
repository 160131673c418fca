package org.ceprint.intake.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ceprint.intake.ImportReport;
import org.ceprint.intake.SummaryTableWorkbooks;

/**
 * Writes the report of the rows not imported: the error workbook, or, when it cannot be
 * written, a plain-text report beside it. Either is written under a temporary name and
 * renamed when complete, so that no half report is ever found under the final name.
 */
final class ImportReports {

	private static final Logger logger = LoggerFactory.getLogger(ImportReports.class);

	private ImportReports() {
	}

	/**
	 * @return the report written: {@code workbook}, or the text report beside it
	 * @throws NotWritten when neither could be written, in Chinese
	 */
	static Path write(List<ImportReport.RejectedRow> rejected, Path workbook) {
		return write(rejected, workbook, (out) -> SummaryTableWorkbooks.writeErrors(rejected, out));
	}

	/**
	 * As {@link #write(List, Path)}, the error workbook written by {@code errors} (a
	 * workbook other than the summary table's).
	 */
	static Path write(List<ImportReport.RejectedRow> rejected, Path workbook, Content errors) {
		try {
			writeAtomically(workbook, errors);
			return workbook;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Error workbook not written ({}); writing a text report", ex.getClass().getName());
		}
		Path text = textReportBeside(workbook);
		try {
			writeAtomically(text, (out) -> {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				writer.write("\uFEFF未导入的行及原因（错误工作簿无法写出，改写为文本）\n");
				for (ImportReport.RejectedRow row : rejected) {
					writer.write("第 %d 行：%s\n".formatted(row.rowNumber(), String.join("；", row.reasons())));
				}
				writer.flush();
			});
			return text;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Text report not written either ({})", ex.getClass().getName());
			throw new NotWritten("未导入行的报告无法写出（%s，也无法写 %s）".formatted(workbook, text.getFileName()));
		}
	}

	static Path textReportBeside(Path workbook) {
		String name = workbook.getFileName().toString().replaceFirst("\\.[^.]+$", "");
		return workbook.resolveSibling(name + ".txt");
	}

	private static void writeAtomically(Path target, Content content) throws IOException {
		Path part = target.resolveSibling(target.getFileName() + ".part");
		// --errors may name a folder not made yet
		Path folder = target.toAbsolutePath().getParent();
		if (folder != null) {
			Files.createDirectories(folder);
		}
		try {
			try (OutputStream out = Files.newOutputStream(part)) {
				content.writeTo(out);
			}
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Neither report could be written: the import must not be committed. */
	static final class NotWritten extends RuntimeException {

		NotWritten(String message) {
			super(message);
		}

	}

}
