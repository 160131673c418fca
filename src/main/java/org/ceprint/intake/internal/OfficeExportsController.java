package org.ceprint.intake.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.IntakeExports.Scope;
import org.ceprint.intake.IntakeExports;
import org.ceprint.web.Problems;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exports for a signed-in clerk of an HRSS office: the office's own city, or one unit
 * or base of it, as .xlsx downloads.
 */
@Controller
class OfficeExportsController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final IntakeExports exports;

	OfficeExportsController(IntakeExports exports) {
		this.exports = exports;
	}

	@GetMapping("/office/exports/{kind:assessments|summary-tables}.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal OfficeUser user, @PathVariable String kind,
			@RequestParam int year, @RequestParam(required = false) String unit) throws IOException {
		Scope scope;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			scope = (unit == null || unit.isBlank()) ? this.exports.city(user.officeChannel())
					: this.exports.unit(unit);
			String channel = (scope.unit() != null) ? scope.unit().channelCode() : scope.code();
			if (!channel.equals(user.officeChannel())) {
				return plain(HttpStatus.FORBIDDEN, "「%s」不属于本机关（%s）".formatted(scope.name(), user.officeChannel()));
			}
			if (kind.equals("assessments")) {
				this.exports.writeAssessments(scope, year, out);
			}
			else {
				this.exports.writeSummaryTables(scope, year, out);
			}
		}
		catch (InvalidRequestException ex) {
			return plain(HttpStatus.BAD_REQUEST, Problems.userMessage(ex, "请求有误，请检查单位代码和年度"));
		}
		String name = scope.fileStem() + "-" + year + "-" + (kind.equals("assessments") ? "年度考核结果" : "登记汇总表") + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

	private static ResponseEntity<byte[]> plain(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

}
