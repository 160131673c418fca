package org.ceprint.printing.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs print runs started from the admin API in the background, one after another: two
 * runs over overlapping scopes at once could both select a certificate before either
 * marks it printed, so they queue.
 * <p>
 * What became of a run is read from the job repository; only what the repository cannot
 * know is kept here: which runs wait in this process's queue, which one its worker is
 * running, and which runs it took (a run started elsewhere is not this service's to
 * report).
 */
@Component
class PrintRunLauncher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PrintRunLauncher.class);

	private final PrintRuns printRuns;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "admin-print-run");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Long> taken = ConcurrentHashMap.newKeySet();

	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	/** The run the single worker is running, or null. */
	private volatile Long running;

	PrintRunLauncher(PrintRuns printRuns) {
		this.printRuns = printRuns;
	}

	/**
	 * Records the run at once (so a refused request is answered at once) and queues it.
	 * @return the run's id
	 */
	long launch(PrintRequest request) {
		long runId = this.printRuns.create(request);
		queue(runId, this.printRuns::execute);
		return runId;
	}

	/** Queues the resumption of an interrupted run. */
	void resume(long runId, boolean force) {
		queue(runId, (id) -> this.printRuns.resume(id, force));
	}

	/**
	 * QUEUED, RUNNING, COMPLETED, FAILED or null for a run this process did not take.
	 */
	String state(long runId) {
		if (this.queued.contains(runId)) {
			return "QUEUED";
		}
		Long current = this.running;
		if (current != null && current == runId) {
			return "RUNNING";
		}
		if (!this.taken.contains(runId)) {
			return null;
		}
		// a run refused before its job started has no execution, or an old one
		return (this.printRuns.lastJobStatus(runId).orElse(BatchStatus.FAILED) == BatchStatus.COMPLETED) ? "COMPLETED"
				: "FAILED";
	}

	private void queue(long runId, LongFunction<PrintRunResult> work) {
		this.taken.add(runId);
		this.queued.add(runId);
		this.executor.execute(() -> {
			this.running = runId;
			this.queued.remove(runId);
			try {
				work.apply(runId);
			}
			catch (RuntimeException ex) {
				logger.error("打印批次 " + runId + " 失败", ex);
			}
			finally {
				this.running = null;
			}
		});
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
