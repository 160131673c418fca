package org.ceprint.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvFilesTests {

	private static final String TABLE = "姓名,工作单位\r\n张三,江西省南昌市第一中学\r\n李四,赣州市人民医院\r\n";

	private static final List<List<String>> TABLE_RECORDS = List.of(List.of("姓名", "工作单位"), List.of("张三", "江西省南昌市第一中学"),
			List.of("李四", "赣州市人民医院"));

	@TempDir
	Path folder;

	@Test
	void readsUtf8WithOrWithoutAByteOrderMarkOrGb18030AsTheBytesSay() throws IOException {
		byte[] gb18030 = TABLE.getBytes(Charset.forName("GB18030"));
		assertThat(new String(gb18030, StandardCharsets.UTF_8)).as("not valid UTF-8").contains("\uFFFD");

		assertThat(records(write("utf8.csv", TABLE.getBytes(StandardCharsets.UTF_8)))).isEqualTo(TABLE_RECORDS);
		assertThat(records(write("bom.csv", ("\uFEFF" + TABLE).getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(TABLE_RECORDS);
		assertThat(records(write("gbk.csv", gb18030))).isEqualTo(TABLE_RECORDS);
		// Excel's 「Unicode 文本」: UTF-16 with its byte-order mark, either order
		assertThat(records(write("utf16le.csv", ("\uFEFF" + TABLE).getBytes(StandardCharsets.UTF_16LE))))
			.isEqualTo(TABLE_RECORDS);
		assertThat(records(write("utf16be.csv", ("\uFEFF" + TABLE).getBytes(StandardCharsets.UTF_16BE))))
			.isEqualTo(TABLE_RECORDS);
	}

	@Test
	void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
		Path file = write("quoted.csv",
				"研修班，第一期,\"南昌,九江\",\"他说\"\"好\"\"\",\"第一行\r\n第二行\"\n\"含\"案例,\n".getBytes(StandardCharsets.UTF_8));
		List<Long> numbers = new ArrayList<>();
		List<List<String>> records = new ArrayList<>();
		CsvFiles.read(file, 10, (number, fields) -> {
			numbers.add(number);
			records.add(fields);
		});
		assertThat(records).containsExactly(List.of("研修班，第一期", "南昌,九江", "他说\"好\"", "第一行\r\n第二行"), List.of("含案例", ""));
		assertThat(numbers).as("a line break inside quotes starts no record").containsExactly(1L, 2L);
	}

	@Test
	void anUnclosedQuoteIsRefusedInChineseNamingTheRecord() throws IOException {
		Path file = write("名单.csv", "姓名,备注\r\n张三,\"第一行\r\n第二行\r\n李四,无\r\n".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> records(file))
			.withMessage("名单.csv 第 2 行：引号没有闭合，文件可能不完整");
	}

	@Test
	void aFileWithMoreRecordsThanAllowedIsRefused() throws IOException {
		Path file = write("大表.csv", TABLE.getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> CsvFiles.read(file, 2, (number, fields) -> {
			}))
			.withMessage("大表.csv 超过 2 行，请分成多个文件导入");
	}

	@Test
	void writesOrdinaryValuesUnquotedAndFormulasNeutralised() throws IOException {
		StringBuilder out = new StringBuilder();
		CsvFiles.writeRecord(out, "36010020240000019", "CERTIFICATE", "certificates-0001.pdf", "3", "证书已作废");
		CsvFiles.writeRecord(out, "=1+1", "+86", "-5", "@x", "\tx", "a,b", "'=2");
		assertThat(out).hasToString("36010020240000019,CERTIFICATE,certificates-0001.pdf,3,证书已作废\n"
				+ "'=1+1,'+86,'-5,'@x,'\tx,\"a,b\",''=2\n");
	}

	@Test
	void valuesWrittenAndReadBackUnneutralisedAreTheOriginals() throws IOException {
		List<String> values = List.of("=1+1", "+86", "-5", "@x", "a,b", "he said \"hi\"", "第一行\n第二行", "\tx", "'=2", "'",
				"it's", "");
		Path file = this.folder.resolve("round-trip.csv");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			CsvFiles.writeRecord(out, values.toArray(String[]::new));
			CsvFiles.writeRecord(out, "36010020240000019", "CERTIFICATE");
		}
		List<List<String>> records = records(file);
		assertThat(records).hasSize(2);
		assertThat(records.get(0)).isNotEqualTo(values);
		assertThat(records.get(0).stream().map(CsvFiles::unneutralised).toList()).isEqualTo(values);
		assertThat(records.get(1)).containsExactly("36010020240000019", "CERTIFICATE");
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(this.folder.resolve(name), bytes);
	}

	private static List<List<String>> records(Path file) throws IOException {
		List<List<String>> records = new ArrayList<>();
		CsvFiles.read(file, 100, (number, fields) -> records.add(fields));
		return records;
	}

}
