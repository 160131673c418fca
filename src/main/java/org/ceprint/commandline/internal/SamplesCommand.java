package org.ceprint.commandline.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ceprint.rendering.Calibration;
import org.ceprint.rendering.RenderingProperties;
import org.ceprint.rendering.SampleDocuments;

/**
 * {@code samples}: sample documents of every kind, for a look at the templates, the
 * previews under docs/, or a test print to calibrate a printer.
 */
@Command(name = "samples", mixinStandardHelpOptions = true, description = "样张：各类文书的示例 PDF（可附 PNG 预览），用于查看模板或校准打印机")
class SamplesCommand implements Callable<Integer> {

	private final SampleDocuments samples;

	private final RenderingProperties rendering;

	@Option(names = "--out", paramLabel = "目录", defaultValue = "print-batches/samples",
			description = "输出目录（默认 print-batches/samples）")
	Path out;

	@Option(names = "--png", paramLabel = "dpi", arity = "0..1", fallbackValue = "80", defaultValue = "0",
			description = "同时生成每类文书一页的 PNG 预览（默认 80 dpi）")
	int previewDpi;

	@Option(names = "--printer", paramLabel = "打印机", description = "套打样张使用该打印机的校准偏移")
	String printer;

	SamplesCommand(SampleDocuments samples, RenderingProperties rendering) {
		this.samples = samples;
		this.rendering = rendering;
	}

	@Override
	public Integer call() {
		Calibration calibration = this.rendering.calibration(this.printer);
		List<Path> written = this.samples.write(this.out, this.previewDpi, calibration);
		written.forEach((file) -> System.out.println(file));
		System.out.println("已生成样张 " + written.size() + " 个文件：" + this.out.toAbsolutePath());
		return 0;
	}

}
