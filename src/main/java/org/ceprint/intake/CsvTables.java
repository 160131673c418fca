package org.ceprint.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary table saved as CSV from Excel or WPS (另存为 CSV): the same rows as the
 * template's sheet. Excel on a Chinese Windows writes GB18030 (GBK), others UTF-8 with or
 * without a byte-order mark; the bytes decide which. Quoted fields may hold commas,
 * quotes and line breaks (RFC 4180).
 */
final class CsvTables {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private CsvTables() {
	}

	/**
	 * The file's fields as the cells of a sheet, line by line; a field starting with = is
	 * taken as the formula a spreadsheet would run on opening, and refused as one.
	 */
	static SheetCells read(Path file, int width, int maxLines) throws IOException {
		SheetCells cells = new SheetCells(width);
		List<List<String>> lines = lines(file, maxLines);
		for (int row = 0; row < lines.size(); row++) {
			List<String> fields = lines.get(row);
			for (int column = 0; column < fields.size(); column++) {
				String value = fields.get(column);
				cells.put(row, column, value.startsWith("=") ? new SheetCells.RawCell("", value.substring(1))
						: new SheetCells.RawCell(value, null));
			}
		}
		return cells;
	}

	/** The lines of the file, each a list of fields. */
	private static List<List<String>> lines(Path file, int maxLines) throws IOException {
		String text = decode(Files.readAllBytes(file));
		List<List<String>> lines = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		for (; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				lines.add(fields);
				fields = new ArrayList<>();
				if (lines.size() > maxLines) {
					throw new IllegalArgumentException("%s 超过 %d 行，请分成多个文件导入".formatted(file.getFileName(), maxLines));
				}
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException(
					"%s 第 %d 行：引号没有闭合，文件可能不完整".formatted(file.getFileName(), lines.size() + 1));
		}
		if (!field.isEmpty() || !fields.isEmpty()) {
			fields.add(field.toString());
			lines.add(fields);
		}
		return lines;
	}

	private static String decode(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, GB18030);
		}
	}

}
