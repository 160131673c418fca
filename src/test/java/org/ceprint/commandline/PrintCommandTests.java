package org.ceprint.commandline;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.ceprint.InvalidRequestException;
import org.ceprint.commandline.internal.PrintCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How print commands read what the offices type or export.
 */
class PrintCommandTests {

	@Test
	void readsNumbersFromAListOrAnExportedSpreadsheet(@TempDir Path folder) throws Exception {
		Path exported = folder.resolve("待补打.csv");
		Files.writeString(exported,
				"\uFEFF证书编号,姓名\n\"36010020240000019\",张三\n\n36010020240000027,李四\n# 下列为手工补充\n3601002024000003x\n",
				StandardCharsets.UTF_8);
		PrintCommand.Certificates command = new PrintCommand.Certificates(null, null);
		command.numbers.add(" 36010020240000043 ");
		command.numbersFile = exported;

		assertThat(command.request().certificateNumbers()).containsExactly("36010020240000043", "36010020240000019",
				"36010020240000027", "3601002024000003X");
	}

	@Test
	void readsAListSavedByExcelOnAChineseWindows(@TempDir Path folder) throws Exception {
		Path exported = folder.resolve("补打名单.csv");
		String list = "证书编号,姓名,备注\r\n\"36010020240000019\",张三,\"单位更名，\r\n需补打\"\r\n36010020240000027,李四,\r\n";
		Files.write(exported, list.getBytes(Charset.forName("GB18030")));
		PrintCommand.Certificates command = new PrintCommand.Certificates(null, null);
		command.numbersFile = exported;

		assertThat(command.request().certificateNumbers()).containsExactly("36010020240000019", "36010020240000027");
	}

	@Test
	void archiveAsksTheRunForPdfACopies() {
		PrintCommand.Certificates command = new PrintCommand.Certificates(null, null);
		new CommandLine(command).parseArgs("--archive", "--numbers", "36010020240000019");
		assertThat(command.request().style().archiveCopies()).isTrue();

		PrintCommand.Certificates plain = new PrintCommand.Certificates(null, null);
		new CommandLine(plain).parseArgs("--numbers", "36010020240000019");
		assertThat(plain.request().style().archiveCopies()).isFalse();
	}

	@Test
	void refusesAFileWithoutNumbersAndAMalformedBatch(@TempDir Path folder) throws Exception {
		Path empty = folder.resolve("empty.txt");
		Files.writeString(empty, "证书编号\n\n");
		PrintCommand.Certificates certificates = new PrintCommand.Certificates(null, null);
		certificates.numbersFile = empty;
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(certificates::request)
			.withMessageContaining("没有证书编号");

		PrintCommand.SummaryTables tables = new PrintCommand.SummaryTables(null, null, null, null);
		tables.batch = "91360100MA35XXXX";
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(tables::request)
			.withMessageContaining("统一社会信用代码-年度");
	}

}
