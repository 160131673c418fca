package org.ceprint.authenticity;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public verification page a verifier reaches by scanning a document's QR code, and
 * the same answer as JSON.
 */
@Controller
class VerificationController {

	private final DocumentVerifier verifier;

	VerificationController(DocumentVerifier verifier) {
		this.verifier = verifier;
	}

	@GetMapping("/v/{kind}/{number}")
	String page(@PathVariable String kind, @PathVariable String number, Model model) {
		model.addAttribute("result", this.verifier.verify(kind(kind), number));
		return "verification";
	}

	@GetMapping("/api/verifications/{kind}/{number}")
	@ResponseBody
	VerificationResult json(@PathVariable String kind, @PathVariable String number) {
		return this.verifier.verify(kind(kind), number);
	}

	private static DocumentKind kind(String code) {
		DocumentKind kind = DocumentKind.fromUrlCode(code);
		if (kind == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "未知的文件类型：" + code);
		}
		return kind;
	}

}
