package org.ceprint.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import org.ceprint.InvalidRequestException;

/**
 * CSV files as the offices exchange them (RFC 4180: quoted fields may hold commas, quotes
 * and line breaks). Files are read as UTF-8, with or without a byte order mark, when
 * their bytes are valid UTF-8, and otherwise as GB18030, which Excel and WPS write on a
 * Chinese Windows. Files are written with the records ending in {@code \n}, fields quoted
 * only when they must be, and a value that a spreadsheet would run as a formula
 * neutralised with a leading apostrophe.
 */
public final class CsvFiles {

	private static final Charset GB18030 = Charset.forName("GB18030");

	/** Text after a closing quote is kept, as Excel keeps it. */
	private static final CSVFormat READ = CSVFormat.RFC4180.builder().setTrailingData(true).get();

	private static final CSVFormat WRITTEN = CSVFormat.RFC4180.builder()
		.setRecordSeparator('\n')
		.setQuoteMode(QuoteMode.MINIMAL)
		.get();

	/** First characters that make Excel or WPS take a cell as a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvFiles() {
	}

	/**
	 * Passes each record of the file to {@code records}, in order.
	 * @param maxRecords more records than this and the file is refused
	 * @throws InvalidRequestException when the file is refused: too many records, or a
	 * quote not closed; the message, in Chinese, names the file and the record
	 * @throws IOException when the file cannot be read
	 */
	public static void read(Path file, long maxRecords, Records records) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(Files.newInputStream(file), charsetOf(file)))) {
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			CSVParser parser = READ.parse(reader);
			Iterator<CSVRecord> iterator = parser.iterator();
			while (hasNext(file, parser, iterator)) {
				CSVRecord record = iterator.next();
				if (record.getRecordNumber() > maxRecords) {
					throw new InvalidRequestException("%s 超过 %d 行，请分成多个文件导入".formatted(file.getFileName(), maxRecords));
				}
				records.accept(record.getRecordNumber(), record.toList());
			}
		}
	}

	/**
	 * UTF-16 when the file starts with its byte-order mark (Excel's 「Unicode 文本」), UTF-8
	 * when every byte of the file belongs to a valid UTF-8 sequence, otherwise GB18030:
	 * text in GBK is almost never valid UTF-8.
	 */
	private static Charset charsetOf(Path file) throws IOException {
		try (InputStream start = Files.newInputStream(file)) {
			byte[] mark = start.readNBytes(2);
			if (mark.length == 2 && ((mark[0] == (byte) 0xFF && mark[1] == (byte) 0xFE)
					|| (mark[0] == (byte) 0xFE && mark[1] == (byte) 0xFF))) {
				// Java's UTF-16 reads the mark, and the order it gives
				return StandardCharsets.UTF_16;
			}
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
		ByteBuffer bytes = ByteBuffer.allocate(8192);
		// UTF-8 never decodes to more characters than it has bytes
		CharBuffer chars = CharBuffer.allocate(bytes.capacity());
		try (ReadableByteChannel in = Files.newByteChannel(file)) {
			boolean end = false;
			while (!end) {
				end = in.read(bytes) < 0;
				bytes.flip();
				if (utf8.decode(bytes, chars, end).isError()) {
					return GB18030;
				}
				bytes.compact();
				chars.clear();
			}
		}
		return StandardCharsets.UTF_8;
	}

	/**
	 * Writes one record to {@code out}, each value neutralised.
	 * @see #neutralised(String)
	 */
	public static void writeRecord(Appendable out, String... values) throws IOException {
		WRITTEN.printRecord(out, Arrays.stream(values).map(CsvFiles::neutralised).toArray());
	}

	/**
	 * The value with an apostrophe in front when a spreadsheet would take it as a formula
	 * (it starts with = + - @, a tab or a carriage return), or when it already starts
	 * with apostrophes before such a character, so that {@link #unneutralised(String)}
	 * gives back every value.
	 */
	public static String neutralised(String value) {
		return startsLikeFormula(value) ? "'" + value : value;
	}

	/** The value written by {@link #neutralised(String)}, as it was before. */
	public static String unneutralised(String value) {
		return (value != null && value.startsWith("'") && startsLikeFormula(value)) ? value.substring(1) : value;
	}

	private static boolean startsLikeFormula(String value) {
		if (value == null) {
			return false;
		}
		int first = 0;
		while (first < value.length() && value.charAt(first) == '\'') {
			first++;
		}
		return first < value.length() && FORMULA_STARTS.indexOf(value.charAt(first)) >= 0;
	}

	private static boolean hasNext(Path file, CSVParser parser, Iterator<CSVRecord> iterator) throws IOException {
		try {
			return iterator.hasNext();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			// Commons CSV's own text is English: the user is told in Chinese
			long record = parser.getRecordNumber() + 1;
			if (ex.getCause() instanceof CSVException) {
				// with READ (no escape character, text after a closing quote allowed) the
				// only malformed input is a file that ends inside a quoted field
				throw new InvalidRequestException("%s 第 %d 行：引号没有闭合，文件可能不完整".formatted(file.getFileName(), record), ex);
			}
			throw new IOException("读取 %s 第 %d 行时出错".formatted(file.getFileName(), record), ex.getCause());
		}
	}

	/** Receives the records of a file. */
	@FunctionalInterface
	public interface Records {

		/**
		 * @param number the record's number from 1, as a spreadsheet numbers its rows: a
		 * line break inside a quoted field does not start a record
		 * @param fields the record's fields, as written (not
		 * {@linkplain #unneutralised(String) unneutralised})
		 */
		void accept(long number, List<String> fields);

	}

}
