package org.ceprint.commandline;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code import}: reserved for the Excel intake of summary tables, which is not built
 * yet; it says so instead of pretending to import.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "导入登记汇总表（Excel）：尚未提供")
class ImportCommand implements Callable<Integer> {

	@Parameters(paramLabel = "文件", description = ".xlsx / .xls / .csv 文件")
	Path file;

	@Override
	public Integer call() {
		System.err.println("导入功能尚未提供：" + this.file + " 未被读取，未写入任何记录。");
		return 2;
	}

}
