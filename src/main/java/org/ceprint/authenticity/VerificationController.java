package org.ceprint.authenticity;

import java.time.Clock;
import java.time.LocalDateTime;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
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
	String page(@PathVariable String token, HttpServletRequest request, Model model) {
		model.addAttribute("result", this.verifier.verifyToken(token, "QR", this.clients.of(request.getRemoteAddr())));
		return "verification";
	}

	@GetMapping("/api/v1/verify/{token}")
	@ResponseBody
	VerificationResult json(@PathVariable String token, HttpServletRequest request) {
		return this.verifier.verifyToken(token, "API", this.clients.of(request.getRemoteAddr()));
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
			jakarta.servlet.http.HttpServletResponse response) {
		String client = this.clients.of(request.getRemoteAddr());
		model.addAttribute("number", number);
		if (!this.clients.allowLookup(client)) {
			this.scans.record("LOOKUP", DocumentKind.CERTIFICATE, number, "RATE_LIMITED", client);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("limited", true);
			return "lookup";
		}
		model.addAttribute("result", this.verifier.verifyByNumber(number, name, client));
		return "verification";
	}

	@GetMapping("/api/v1/lookup")
	ResponseEntity<VerificationResult> lookupJson(@RequestParam String number, @RequestParam String name,
			HttpServletRequest request) {
		String client = this.clients.of(request.getRemoteAddr());
		if (!this.clients.allowLookup(client)) {
			this.scans.record("API", DocumentKind.CERTIFICATE, number, "RATE_LIMITED", client);
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", "60")
				.body(VerificationResult.refused("RATE_LIMITED", "查询过于频繁，请一分钟后再试"));
		}
		return ResponseEntity.ok(this.verifier.verifyByNumber(number, name, client));
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
