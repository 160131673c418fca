package org.ceprint.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.ceprint.registry.NewRecords.NewCertificate;
import org.ceprint.registry.NewRecords.NewEntry;
import org.ceprint.registry.NewRecords.NewPerson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's records that carry a person's name or ID number print as ids and numbers
 * only, so that an exception message or a log line that carries one (in a string, a
 * collection, a library's message) cannot dump the person.
 */
class PersonalDataRecordsTests {

	private static final String NAME = "欧阳明华";

	private static final String ID_NUMBER = "36010219800101001X";

	private static final Holder HOLDER = new Holder(7, NAME, Sex.M, LocalDate.of(1980, 1, 1), ID_NUMBER,
			TitleLevel.SENIOR, "主任医师", "心血管内科", 3, "南昌市第一人民医院", "360100");

	private static final RegistrationEntry ENTRY = new RegistrationEntry(11, 7, "心血管新进展", "讲座", LearningForm.TRAINING,
			SubjectType.PROFESSIONAL, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), new BigDecimal("16"), "合格",
			null, 3, "南昌市第一人民医院", EntryStatus.VERIFIED, "南昌市人力资源和社会保障局", "nanchang", LocalDateTime.of(2025, 4, 1, 9, 0),
			null, null, null, null, null);

	@Test
	void recordsWithAPersonPrintTheirIdsAndNumbersOnly() {
		List<Object> records = List.of(HOLDER, new PersonDossier(HOLDER, "36010020190000178", List.of(ENTRY)),
				new PersonDossier(HOLDER, null, null),
				new CertificateDossier(5, "36010020190000178", "360100", "南昌市人力资源和社会保障局", LocalDate.of(2019, 5, 1),
						CertificateStatus.VALID, HOLDER, List.of(ENTRY), List.of()),
				new NewPerson(NAME, Sex.M, LocalDate.of(1980, 1, 1), ID_NUMBER, "12360100491012345U", TitleLevel.SENIOR,
						"主任医师", "心血管内科"),
				new NewCertificate("36010020190000178", ID_NUMBER, "360100", LocalDate.of(2019, 5, 1)),
				new NewEntry(ID_NUMBER, "心血管新进展", "讲座", LearningForm.TRAINING, SubjectType.PROFESSIONAL,
						LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), new BigDecimal("16"), "合格", null,
						"12360100491012345U", LocalDateTime.of(2025, 3, 3, 9, 0), EntryStatus.PENDING, null, null, null,
						null, null, null));

		for (Object record : records) {
			assertThat(record.toString()).as(record.getClass().getSimpleName())
				.doesNotContain(NAME, ID_NUMBER, ID_NUMBER.substring(0, 17), "1980-01-01", "心血管内科", "心血管新进展");
		}
		assertThat(records.get(1)).hasToString("PersonDossier[personId=7, certificateNo=36010020190000178, entries=1]");
		assertThat(records.get(3))
			.hasToString("CertificateDossier[certificateId=5, certificateNo=36010020190000178, personId=7]");
	}

}
