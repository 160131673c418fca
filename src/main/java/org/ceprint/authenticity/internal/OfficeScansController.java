package org.ceprint.authenticity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.ceprint.registry.OfficeScope;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * For an HRSS office's clerks and supervisors: how often each of the office's own
 * documents was checked, per day, including days whose scan-log rows have been pruned.
 * Only the signed-in account's office, never another's: read from the principal as its
 * {@link OfficeScope}, since this module knows no accounts.
 */
@Controller
class OfficeScansController {

	/** The longest period one page shows. */
	static final int MAX_DAYS = 366;

	private final ScanLog scans;

	private final Clock clock;

	OfficeScansController(ScanLog scans, Clock clock) {
		this.scans = scans;
		this.clock = clock;
	}

	@GetMapping("/office/scans")
	String page(@AuthenticationPrincipal OfficeScope user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		Period period = period(from, to);
		List<ScanLog.DailyCount> counts = counts(user, period);
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("counts", counts);
		model.addAttribute("total", counts.stream().mapToInt(ScanLog.DailyCount::checks).sum());
		model.addAttribute("office", user.officeChannel());
		return "office-scans";
	}

	@GetMapping("/office/scans.json")
	@ResponseBody
	List<ScanLog.DailyCount> json(@AuthenticationPrincipal OfficeScope user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return counts(user, period(from, to));
	}

	private List<ScanLog.DailyCount> counts(OfficeScope user, Period period) {
		if (user == null || !user.hrssOffice()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有人社部门的经办人和负责人可以查看");
		}
		return this.scans.dailyCounts(user.officeChannel(), period.from(), period.to());
	}

	/** The last 30 days by default; at most {@value #MAX_DAYS} days. */
	private Period period(LocalDate from, LocalDate to) {
		LocalDate end = (to != null) ? to : LocalDate.now(this.clock);
		LocalDate start = (from != null) ? from : end.minusDays(29);
		if (start.isAfter(end)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "起始日期不能晚于截止日期");
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "一次最多查看 " + MAX_DAYS + " 天");
		}
		return new Period(start, end);
	}

	private record Period(LocalDate from, LocalDate to) {

	}

}
