package org.ceprint.commandline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.ceprint.commandline.internal.ProgressBar;
import org.ceprint.printing.PrintProgress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line shows done/total, the rate this bar measured and the time left.
 */
class ProgressBarTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void showsDoneOfPlannedRateAndTimeLeftFromWhatItHasSeen() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressBar bar = new ProgressBar(null, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
		LocalDateTime start = LocalDateTime.of(2026, 11, 25, 9, 0);

		bar.draw(progress(start, 200, 0), 0);
		bar.draw(progress(start, 1200, 3), 10 * SECOND);

		String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(2);
		// 1,203 - 200 = 1,003 documents in the 10 s this bar watched: 100.3 a second and
		// 18,797 / 100.3 = 187 s left
		assertThat(lines[1])
			.isEqualTo("打印批次 7 [##----------------------------] 1203/20000  100.3 份/秒  剩余 03:07  未打印 3");
	}

	@Test
	void redrawsOneLineOnATerminal() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressBar bar = new ProgressBar(null, new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
		LocalDateTime start = LocalDateTime.of(2026, 11, 25, 9, 0);

		bar.draw(progress(start, 100, 0), 0);
		bar.draw(progress(start, 20000, 0), 100 * SECOND);

		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(out).doesNotContain("\n").startsWith("\r");
		assertThat(out.substring(out.lastIndexOf('\r'))).contains("[##############################] 20000/20000")
			.contains("199.0 份/秒")
			.contains("剩余 00:00");
	}

	@Test
	void saysItIsPreparingUntilTheFirstFileIsWrittenAndMeasuresTheRateFromThere() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressBar bar = new ProgressBar(null, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
		LocalDateTime start = LocalDateTime.of(2026, 11, 25, 9, 0);

		bar.draw(progress(start, 0, 0), 0);
		bar.draw(progress(start, 0, 0), 30 * SECOND);
		bar.draw(progress(start, 200, 0), 40 * SECOND);
		bar.draw(progress(start, 1200, 0), 50 * SECOND);

		String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines[0]).startsWith("打印批次 7 准备中").contains("共 20000 份").doesNotContain("份/秒");
		assertThat(lines[1]).startsWith("打印批次 7 准备中");
		// the first file is written: progress, but no rate until the bar has watched a
		// while
		assertThat(lines[2]).isEqualTo("打印批次 7 [------------------------------] 200/20000");
		// 1,000 documents in the 10 s since the first file, not 1,200 in 50 s
		assertThat(lines[3]).contains("1200/20000  100.0 份/秒  剩余 03:08");
	}

	private static PrintProgress progress(LocalDateTime start, int printed, int rejected) {
		return new PrintProgress(7, "CERTIFICATES", "2026-11-25-certificates-all-7", 20000, printed, rejected, start,
				null);
	}

}
