package org.ceprint.printing.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRuns;
import org.ceprint.printing.PrintStyle;
import org.ceprint.registry.CertificateNumbers;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.rendering.RenderOptions.Stock;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.http.ResponseEntity;
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
 * Every field of a request is checked before a run is recorded (job, city, unit, year
 * within the registry's years, certificate numbers, printer); refusals are problem
 * details in Chinese (web module): 400 bad input, 404 no such run, 409 a run that is
 * complete or already queued here.
 */
@RestController
@RequestMapping("/admin/print-runs")
class PrintRunsController {

	/** More numbers than this go through the command line's --numbers-file. */
	static final int MAX_NUMBERS = 10_000;

	private final PrintRuns printRuns;

	private final PrintRunLauncher launcher;

	private final Channels channels;

	private final Organisations organisations;

	private final RegistrationEntries entries;

	private final RenderingProperties rendering;

	private final Clock clock;

	PrintRunsController(PrintRuns printRuns, PrintRunLauncher launcher, Channels channels, Organisations organisations,
			RegistrationEntries entries, RenderingProperties rendering, Clock clock) {
		this.clock = clock;
		this.printRuns = printRuns;
		this.launcher = launcher;
		this.channels = channels;
		this.organisations = organisations;
		this.entries = entries;
		this.rendering = rendering;
	}

	/**
	 * Starts a run; answers 202 with its id and where to watch it.
	 */
	@PostMapping
	ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) RunRequest body) {
		if (body == null) {
			throw new InvalidRequestException("请求内容为空：须为 JSON 打印请求，至少含 job");
		}
		long runId = this.launcher.launch(body.toPrintRequest(this));
		return ResponseEntity.accepted().location(URI.create("/admin/print-runs/" + runId)).body(view(progress(runId)));
	}

	@PostMapping("/{runId}/resume")
	ResponseEntity<Map<String, Object>> resume(@PathVariable long runId,
			@RequestParam(defaultValue = "false") boolean force) {
		PrintProgress progress = progress(runId);
		if (progress.complete()) {
			throw new ConflictException("打印批次 " + runId + " 已完成，无需续打");
		}
		String state = this.launcher.state(runId);
		if ("QUEUED".equals(state) || "RUNNING".equals(state)) {
			throw new ConflictException("打印批次 " + runId + " 正在本服务中排队或打印，无需续打");
		}
		this.launcher.resume(runId, force);
		return ResponseEntity.accepted().location(URI.create("/admin/print-runs/" + runId)).body(view(progress(runId)));
	}

	@GetMapping("/{runId}")
	Map<String, Object> watch(@PathVariable long runId) {
		return view(progress(runId));
	}

	@GetMapping
	List<Map<String, Object>> recent() {
		return this.printRuns.recent(20).stream().map(this::view).toList();
	}

	private PrintProgress progress(long runId) {
		return this.printRuns.progress(runId).orElseThrow(() -> new NotFoundException("没有打印批次 " + runId));
	}

	private Map<String, Object> view(PrintProgress progress) {
		long runId = progress.runId();
		// the same clock that stamped the run's start
		LocalDateTime now = LocalDateTime.now(this.clock);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("runId", progress.runId());
		view.put("job", progress.job().toLowerCase(Locale.ROOT));
		// the run's folder under the print-batch folder, never a path of the server
		view.put("folder", (progress.folder() != null) ? Path.of(progress.folder()).getFileName().toString() : null);
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
	 * summary-tables, seal-overlays or all. Unknown fields are refused (spring.jackson).
	 */
	record RunRequest(String job, String city, Long unit, Integer year, List<String> numbers, Boolean reprint,
			Boolean preprinted, Boolean maskId, String printer) {

		PrintRequest toPrintRequest(PrintRunsController checks) {
			PrintJob what = job(this.job);
			String cityCode = null;
			if (this.city != null) {
				Checked checked = checks.channels.check(this.city);
				if (!checked.valid()) {
					throw new InvalidRequestException("city「" + cut(this.city) + "」" + checked.problem());
				}
				cityCode = checked.value();
			}
			if (this.unit != null) {
				Organisation organisation = checks.organisations.findById(this.unit)
					.orElseThrow(() -> new InvalidRequestException("unit " + this.unit + "：登记库中没有该单位或基地"));
				if (cityCode != null && !cityCode.equals(organisation.channelCode())) {
					throw new InvalidRequestException(
							"unit %d 属于发证机关 %s，不属于 city %s".formatted(this.unit, organisation.channelCode(), cityCode));
				}
			}
			if (this.year != null) {
				int earliest = checks.entries.earliestYear()
					.orElseThrow(() -> new InvalidRequestException("登记库中还没有登记，不能按 year 打印"));
				int latest = checks.entries.latestYear().orElse(earliest);
				if (this.year < earliest || this.year > latest) {
					throw new InvalidRequestException(
							"year 须在登记库的年度范围 %d–%d 之内，实为 %d".formatted(earliest, latest, this.year));
				}
			}
			List<String> selected = (this.numbers != null) ? numbers(checks) : List.of();
			if (this.printer != null) {
				checks.rendering.calibration(this.printer);
			}
			return new PrintRequest(what, cityCode, this.unit, this.year, Boolean.TRUE.equals(this.reprint),
					new PrintStyle(Boolean.TRUE.equals(this.preprinted) ? Stock.PREPRINTED : Stock.FULL,
							Boolean.TRUE.equals(this.maskId), this.printer),
					selected);
		}

		private List<String> numbers(PrintRunsController checks) {
			if (this.numbers.isEmpty()) {
				throw new InvalidRequestException("numbers 为空：不按证书编号选择时请省略该字段");
			}
			if (this.numbers.size() > MAX_NUMBERS) {
				throw new InvalidRequestException(
						"numbers 最多 %d 个，实为 %d 个；更多请用命令行的 --numbers-file".formatted(MAX_NUMBERS, this.numbers.size()));
			}
			return this.numbers.stream().map((typed) -> {
				Checked checked = CertificateNumbers.check((typed != null) ? typed : "", checks.channels::exists);
				if (!checked.valid()) {
					throw new InvalidRequestException("numbers 中的证书编号「%s」：%s".formatted(cut(typed), checked.problem()));
				}
				return checked.value();
			}).toList();
		}

		private static PrintJob job(String name) {
			for (PrintJob job : PrintJob.values()) {
				if (job.folderLabel().equals(name) || (job == PrintJob.ALL && "all".equals(name))) {
					return job;
				}
			}
			throw new InvalidRequestException("job 须为 certificates、register-cards、summary-tables、seal-overlays 或 all"
					+ ((name != null) ? "，实为「" + cut(name) + "」" : "，请求中没有 job"));
		}

		private static String cut(String text) {
			return (text != null && text.length() > 40) ? text.substring(0, 40) + "…" : String.valueOf(text);
		}

	}

}
