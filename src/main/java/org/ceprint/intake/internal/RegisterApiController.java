package org.ceprint.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.RegisterImports;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 人员名册 through the JSON API: a unit registrar enrols its own unit's people, a city
 * office's clerk the people of any unit of its city, with the checks of a roster's rows.
 */
@RestController
class RegisterApiController {

	private final RegisterImports imports;

	private final Organisations organisations;

	RegisterApiController(RegisterImports imports, Organisations organisations) {
		this.imports = imports;
		this.organisations = organisations;
	}

	/** One person as sent: the roster's columns, by name. */
	record PersonJson(String name, String idNumber, String sex, String birthDate, String unitCreditCode, String title,
			String titleLevel, String specialty) {

		List<String> values() {
			List<String> values = new ArrayList<>();
			for (String value : new String[] { this.name, this.idNumber, this.sex, this.birthDate, this.unitCreditCode,
					this.title, this.titleLevel, this.specialty }) {
				values.add((value != null) ? value.strip() : "");
			}
			return values;
		}

		/** Codes only: no name or ID number may reach a log. */
		@Override
		public String toString() {
			return "PersonJson[unitCreditCode=%s]".formatted(this.unitCreditCode);
		}

	}

	record PeopleRequest(List<PersonJson> people) {

	}

	record Refused(int record, List<String> reasons) {

	}

	record PeopleResponse(int records, int enrolled, int alreadyRegistered, List<Long> personIds,
			List<Refused> rejected) {

	}

	@PostMapping("/api/v1/people")
	ResponseEntity<Object> enrol(@AuthenticationPrincipal OfficeUser user, @RequestBody PeopleRequest request) {
		String office;
		String requiredUnit = null;
		if (user.role() == OfficeRole.UNIT_REGISTRAR) {
			Organisation unit = this.organisations.findById(user.organisationId()).orElseThrow();
			office = unit.channelCode();
			requiredUnit = unit.creditCode();
		}
		else if (user.role().hrssOffice()) {
			office = user.officeChannel();
		}
		else {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("detail", "只有单位登记员和人社部门窗口可以登记人员"));
		}
		List<PersonJson> people = (request != null && request.people() != null) ? request.people() : List.of();
		if (people.isEmpty()) {
			throw new InvalidRequestException("请在 people 中列出要登记的人员");
		}
		RegisterImports.ListReport report = this.imports.enrolList(people.stream()
			.map((person) -> (person != null) ? person.values() : List.of("", "", "", "", "", "", "", ""))
			.toList(), office, requiredUnit, user.getUsername());
		List<Refused> rejected = report.rejected()
			.stream()
			.map((ImportReport.RejectedRow row) -> new Refused(row.rowNumber(), row.reasons()))
			.toList();
		PeopleResponse body = new PeopleResponse(report.records(), report.ids().size(), report.alreadyRegistered(),
				report.ids(), rejected);
		// 422 only when nothing could be enrolled; otherwise the stored ones are listed
		// beside the refused ones
		boolean noneStored = report.ids().isEmpty() && report.alreadyRegistered() == 0;
		return ResponseEntity.status(noneStored ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(body);
	}

}
