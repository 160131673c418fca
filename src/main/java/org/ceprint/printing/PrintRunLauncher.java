package org.ceprint.printing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs print runs started from the admin API in the background, one after another: two
 * runs over overlapping scopes at once could both select a certificate before either
 * marks it printed, so they queue.
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

	private final Map<Long, String> states = new ConcurrentHashMap<>();

	PrintRunLauncher(PrintRuns printRuns) {
		this.printRuns = printRuns;
	}

	/**
	 * Records the run at once (so a refused request is answered at once) and queues it.
	 * @return the run's id
	 */
	long launch(PrintRequest request) {
		long runId = this.printRuns.create(request);
		queue(runId, () -> this.printRuns.execute(runId));
		return runId;
	}

	/** Queues the resumption of an interrupted run. */
	void resume(long runId, boolean force) {
		queue(runId, () -> this.printRuns.resume(runId, force));
	}

	/**
	 * QUEUED, RUNNING, COMPLETED, FAILED or null for a run this process did not start.
	 */
	String state(long runId) {
		return this.states.get(runId);
	}

	private void queue(long runId, Work work) {
		this.states.put(runId, "QUEUED");
		this.executor.execute(() -> {
			this.states.put(runId, "RUNNING");
			try {
				PrintRunResult result = work.run();
				this.states.put(runId, result.complete() ? "COMPLETED" : "FAILED");
			}
			catch (Exception ex) {
				logger.error("打印批次 " + runId + " 失败", ex);
				this.states.put(runId, "FAILED");
			}
		});
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	@FunctionalInterface
	private interface Work {

		PrintRunResult run() throws Exception;

	}

}
