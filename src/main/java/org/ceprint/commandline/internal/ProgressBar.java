package org.ceprint.commandline.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRuns;

/**
 * Shows a running print run's progress on standard error: done/total, rate and time left.
 * On a terminal it redraws one line every second; otherwise (a log file, CI) it writes a
 * line every ten seconds. Progress is read from the database, as the admin API reads it,
 * and the rate is measured from what this bar has seen, so a resumed run shows its own
 * pace rather than its average since the first start.
 */
public final class ProgressBar implements AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintRuns printRuns;

	private final PrintStream out;

	private final boolean terminal;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "progress-bar");
		thread.setDaemon(true);
		return thread;
	});

	private volatile long runId = -1;

	private long watchedSince = -1;

	private long firstSeenAt = -1;

	private int firstSeenDone;

	private boolean drawn;

	public ProgressBar(PrintRuns printRuns, PrintStream out, boolean terminal) {
		this.printRuns = printRuns;
		this.out = out;
		this.terminal = terminal;
	}

	static ProgressBar onStandardError(PrintRuns printRuns) {
		return new ProgressBar(printRuns, System.err, System.console() != null);
	}

	/** Starts watching the run; called once its id is known. */
	void watch(long runId) {
		this.runId = runId;
		this.watchedSince = System.nanoTime();
		long period = this.terminal ? 1 : 10;
		this.ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.SECONDS);
	}

	private synchronized void tick() {
		try {
			this.printRuns.progress(this.runId).ifPresent((progress) -> draw(progress, System.nanoTime()));
		}
		catch (RuntimeException ex) {
			// a progress read that fails (the database busy or closing) must not stop the
			// run
		}
	}

	public synchronized void draw(PrintProgress progress, long nowNanos) {
		// the rate counts from the first finished file, not from the set-up before it
		if (this.firstSeenAt < 0 && progress.done() > 0) {
			this.firstSeenAt = nowNanos;
			this.firstSeenDone = progress.done();
		}
		this.out.print((this.terminal ? "\r" : "") + line(progress, nowNanos) + (this.terminal ? "" : "\n"));
		this.out.flush();
		this.drawn = true;
	}

	String line(PrintProgress progress, long nowNanos) {
		if (this.firstSeenAt < 0) {
			long since = (this.watchedSince >= 0) ? this.watchedSince : nowNanos;
			return "打印批次 %d 准备中：载入模板和字体，生成第一个文件……  共 %s 份  已用 %s".formatted(progress.runId(),
					(progress.planned() != null) ? progress.planned() : "?",
					clock(Duration.ofNanos(Math.max(0, nowNanos - since))));
		}
		double seconds = (nowNanos - this.firstSeenAt) / 1e9;
		// no rate until this bar has watched files being written for a moment
		double rate = (seconds > 0.5) ? (progress.done() - this.firstSeenDone) / seconds : 0;
		Integer planned = progress.planned();
		StringBuilder line = new StringBuilder("打印批次 ").append(progress.runId()).append(' ');
		if (planned != null && planned > 0) {
			int filled = (int) Math.min(WIDTH, Math.round(WIDTH * (double) progress.done() / planned));
			line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
			line.append(progress.done()).append('/').append(planned);
		}
		else {
			line.append(progress.done());
		}
		if (rate > 0) {
			line.append("  %.1f 份/秒".formatted(rate));
		}
		if (planned != null && rate > 0) {
			long left = Math.round(Math.max(0, planned - progress.done()) / rate);
			line.append("  剩余 ").append(clock(Duration.ofSeconds(left)));
		}
		if (progress.rejected() > 0) {
			line.append("  未打印 ").append(progress.rejected());
		}
		return line.toString();
	}

	private static String clock(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds >= 3600) ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
				: "%02d:%02d".formatted(seconds / 60, seconds % 60);
	}

	/** Stops the bar and draws the final state, so the last line shows the whole run. */
	@Override
	public void close() {
		this.ticker.shutdownNow();
		if (this.runId >= 0) {
			tick();
		}
		if (this.drawn && this.terminal) {
			this.out.println();
		}
	}

}
