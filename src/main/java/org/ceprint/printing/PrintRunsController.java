package org.ceprint.printing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.rendering.RenderOptions.Stock;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of print runs: start a run, resume one, and watch their progress. Every
 * request needs the admin token ({@code ceprint.admin.token}, see the admin module).
 */
@RestController
@RequestMapping("/admin/print-runs")
class PrintRunsController {

	private final PrintRuns printRuns;

	private final PrintRunLauncher launcher;

	private final Channels channels;

	private final Clock clock;

	PrintRunsController(PrintRuns printRuns, PrintRunLauncher launcher, Channels channels, Clock clock) {
		this.clock = clock;
		this.printRuns = printRuns;
		this.launcher = launcher;
		this.channels = channels;
	}

	/**
	 * Starts a run; answers 202 with its id and where to watch it.
	 */
	@PostMapping
	ResponseEntity<Map<String, Object>> start(@RequestBody RunRequest body) {
		long runId = this.launcher.launch(body.toPrintRequest(this.channels));
		return ResponseEntity.accepted().location(URI.create("/admin/print-runs/" + runId)).body(view(progress(runId)));
	}

	@PostMapping("/{runId}/resume")
	ResponseEntity<Map<String, Object>> resume(@PathVariable long runId,
			@RequestParam(defaultValue = "false") boolean force) {
		progress(runId);
		this.launcher.resume(runId, force);
		return ResponseEntity.accepted().location(URI.create("/admin/print-runs/" + runId)).body(view(progress(runId)));
	}

	@GetMapping("/{runId}")
	ResponseEntity<Map<String, Object>> watch(@PathVariable long runId) {
		return this.printRuns.progress(runId)
			.map((progress) -> ResponseEntity.ok(view(progress)))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "没有打印批次 " + runId)));
	}

	@GetMapping
	List<Map<String, Object>> recent() {
		return this.printRuns.recent(20).stream().map(this::view).toList();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> refused(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "请求内容不是有效的 JSON 打印请求：" + ex.getMostSpecificCause().getMessage()));
	}

	private PrintProgress progress(long runId) {
		return this.printRuns.progress(runId).orElseThrow(() -> new IllegalArgumentException("没有打印批次 " + runId));
	}

	private Map<String, Object> view(PrintProgress progress) {
		long runId = progress.runId();
		// the same clock that stamped the run's start
		LocalDateTime now = LocalDateTime.now(this.clock);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("runId", progress.runId());
		view.put("job", progress.job().toLowerCase(Locale.ROOT));
		view.put("folder", progress.folder());
		String state = this.launcher.state(runId);
		view.put("state", progress.complete() ? "COMPLETED" : (state != null) ? state : "NOT_RUNNING_HERE");
		view.put("planned", progress.planned());
		view.put("printed", progress.printed());
		view.put("rejected", progress.rejected());
		view.put("done", progress.done());
		view.put("perSecond", Math.round(progress.rate(now) * 10) / 10.0);
		Duration left = progress.remaining(now);
		view.put("secondsLeft", (left != null) ? left.toSeconds() : null);
		view.put("complete", progress.complete());
		return view;
	}

	/**
	 * What to print, as JSON: {@code job} is certificates, register-cards,
	 * summary-tables, seal-overlays or all.
	 */
	record RunRequest(String job, String city, Long unit, Integer year, List<String> numbers, Boolean reprint,
			Boolean preprinted, Boolean maskId, String printer) {

		PrintRequest toPrintRequest(Channels channels) {
			PrintJob what = job(this.job);
			String cityCode = null;
			if (this.city != null) {
				Checked checked = channels.check(this.city);
				if (!checked.valid()) {
					throw new IllegalArgumentException("city " + this.city + "：" + checked.problem());
				}
				cityCode = checked.value();
			}
			List<String> selected = (this.numbers != null)
					? this.numbers.stream().map((no) -> no.strip().toUpperCase(Locale.ROOT)).toList() : List.of();
			return new PrintRequest(what, cityCode, this.unit, this.year, Boolean.TRUE.equals(this.reprint),
					new PrintStyle(Boolean.TRUE.equals(this.preprinted) ? Stock.PREPRINTED : Stock.FULL,
							Boolean.TRUE.equals(this.maskId), this.printer),
					selected);
		}

		private static PrintJob job(String name) {
			for (PrintJob job : PrintJob.values()) {
				if (job.folderLabel().equals(name) || (job == PrintJob.ALL && "all".equals(name))) {
					return job;
				}
			}
			throw new IllegalArgumentException(
					"job 须为 certificates、register-cards、summary-tables、seal-overlays 或 all：" + name);
		}

	}

}
