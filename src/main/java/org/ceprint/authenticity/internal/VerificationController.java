package org.ceprint.authenticity.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.authenticity.ScanChannel;
import org.ceprint.authenticity.VerificationResult;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public verification page a verifier reaches by scanning a document's QR code, the
 * look-up by number and full name for a number typed by hand, the same answers as JSON,
 * and the clerk's page of the scan log.
 */
@Controller
class VerificationController {

	/** A number checked this often within a day is listed on the clerk's page. */
	static final int SUSPICIOUS_CHECKS_PER_DAY = 20;

	private final DocumentVerifier verifier;

	private final ClientKeys clients;

	private final ScanLog scans;

	private final Clock clock;

	VerificationController(DocumentVerifier verifier, ClientKeys clients, ScanLog scans, Clock clock) {
		this.verifier = verifier;
		this.clients = clients;
		this.scans = scans;
		this.clock = clock;
	}

	@GetMapping({ "/V/{token}", "/v/{token}" })
	String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		String client = this.clients.of(request.getRemoteAddr());
		ClientLimits.Admission admission = this.clients.admitVerification(client);
		if (!admission.allowed()) {
			refuse(admission, ScanChannel.QR, client, response);
			model.addAttribute("result", tooFrequent(admission));
			return "verification";
		}
		model.addAttribute("result", this.verifier.verifyToken(token, ScanChannel.QR, client));
		return "verification";
	}

	@GetMapping("/api/v1/verify/{token}")
	ResponseEntity<VerificationResult> json(@PathVariable String token, HttpServletRequest request,
			HttpServletResponse response) {
		String client = this.clients.of(request.getRemoteAddr());
		ClientLimits.Admission admission = this.clients.admitVerification(client);
		if (!admission.allowed()) {
			refuse(admission, ScanChannel.API, client, response);
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(tooFrequent(admission));
		}
		return ResponseEntity.ok(this.verifier.verifyToken(token, ScanChannel.API, client));
	}

	/**
	 * Unsigned links of the first printings lead to the look-up: a bare number proves
	 * nothing.
	 */
	@GetMapping("/v/{kind:[a-z]}/{number}")
	String unsigned(@PathVariable String kind, @PathVariable String number) {
		return "redirect:"
				+ UriComponentsBuilder.fromPath("/v/lookup").queryParam("number", number).build().toUriString();
	}

	@GetMapping("/v/lookup")
	String lookupForm(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number);
		return "lookup";
	}

	@PostMapping("/v/lookup")
	String lookup(@RequestParam String number, @RequestParam String name, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		String client = this.clients.of(request.getRemoteAddr());
		model.addAttribute("number", number);
		ClientLimits.Admission admission = this.clients.admitLookup(client);
		if (!admission.allowed()) {
			refuseLookup(admission, ScanChannel.LOOKUP, number, client, response);
			model.addAttribute("limited", "查询过于频繁，请 %d 秒后再试。".formatted(admission.retryAfterSeconds()));
			return "lookup";
		}
		model.addAttribute("result", this.verifier.verifyByNumber(number, name, client));
		return "verification";
	}

	@GetMapping("/api/v1/lookup")
	ResponseEntity<VerificationResult> lookupJson(@RequestParam String number, @RequestParam String name,
			HttpServletRequest request, HttpServletResponse response) {
		String client = this.clients.of(request.getRemoteAddr());
		ClientLimits.Admission admission = this.clients.admitLookup(client);
		if (!admission.allowed()) {
			refuseLookup(admission, ScanChannel.API, number, client, response);
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.body(VerificationResult.refused("RATE_LIMITED",
						"查询过于频繁，请 %d 秒后再试".formatted(admission.retryAfterSeconds())));
		}
		return ResponseEntity.ok(this.verifier.verifyByNumber(number, name, client));
	}

	/**
	 * 429 with Retry-After; the scan log records the first refusal of a run only, so a
	 * flood cannot fill it.
	 */
	private void refuse(ClientLimits.Admission admission, ScanChannel channel, String client,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
		if (admission.firstRefusal()) {
			this.verifier.recordRefusal(channel, null, null, client);
		}
	}

	private void refuseLookup(ClientLimits.Admission admission, ScanChannel channel, String number, String client,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
		if (admission.firstRefusal()) {
			this.verifier.recordRefusal(channel, DocumentKind.CERTIFICATE, number, client);
		}
	}

	private static VerificationResult tooFrequent(ClientLimits.Admission admission) {
		return VerificationResult.refused("RATE_LIMITED", "查验过于频繁，请 %d 秒后再试".formatted(admission.retryAfterSeconds()));
	}

	@GetMapping("/clerk/scans")
	String clerkScans(Model model) {
		model.addAttribute("recent", this.scans.recent(200));
		model.addAttribute("frequent",
				this.scans.frequent(LocalDateTime.now(this.clock).minusDays(1), SUSPICIOUS_CHECKS_PER_DAY));
		model.addAttribute("threshold", SUSPICIOUS_CHECKS_PER_DAY);
		return "scans";
	}

}
