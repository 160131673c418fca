package org.ceprint.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's repositories and schema rules, written once and run on H2 and on
 * MariaDB.
 */
@SpringBootTest
abstract class RegistryRepositoriesContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificateDossiers certificates;

	@Autowired
	PersonDossiers people;

	@Autowired
	RegistrationEntries entries;

	static final LocalDateTime REGISTERED_AT = LocalDateTime.of(2026, 6, 30, 9, 30);

	long unitId;

	long baseId;

	@Autowired
	RegistryBulkLoader loader;

	@BeforeEach
	void emptyRegistryWithOneUnitAndOneBase() {
		// through the registry's own clearing, which lets the modules that refer to it
		// (submissions, claims, accounts) let go first, as any other test's registry does
		this.loader.clear();
		this.unitId = organisation("UNIT", "南昌市第一医院", "12360100491012345U");
		this.baseId = organisation("BASE", "江西省继续教育基地（南昌大学）", "12360000491000123W");
	}

	@Test
	void dossiersComeBackInTheRequestedOrderWithEntriesByDate() {
		long zhang = person("张三", "360102199003071234");
		long ouyang = person("欧阳堃", "360102198512120021");
		long first = certificate(zhang, "36010020240000010");
		long second = certificate(ouyang, "36010020240000028");
		entry(zhang, LocalDate.of(2023, 5, 1), "TRAINING", this.baseId);
		entry(zhang, LocalDate.of(2021, 3, 1), "EXAM", this.unitId);

		List<CertificateDossier> dossiers = this.certificates.findByIds(List.of(second, first, 999_999L));

		assertThat(dossiers).extracting(CertificateDossier::certificateNo)
			.containsExactly("36010020240000028", "36010020240000010");
		assertThat(dossiers.get(0).holder().name()).isEqualTo("欧阳堃");
		assertThat(dossiers.get(0).entries()).isEmpty();
		assertThat(dossiers.get(1).entries()).extracting(RegistrationEntry::startDate)
			.containsExactly(LocalDate.of(2021, 3, 1), LocalDate.of(2023, 5, 1));
		assertThat(dossiers.get(1).entries().get(1).registeredByName()).isEqualTo("江西省继续教育基地（南昌大学）");
		assertThat(dossiers.get(1).issuingOffice()).isEqualTo("南昌市人力资源和社会保障局");
	}

	@Test
	void charactersOutsideTheBasicPlaneSurviveTheRoundTrip() {
		long person = person("王𠀾𪚥", "360102199001010011");
		certificate(person, "36010020240000036");

		assertThat(this.certificates.findByNumber("36010020240000036")).get()
			.extracting((dossier) -> dossier.holder().name())
			.isEqualTo("王𠀾𪚥");
	}

	@Test
	void aPersonHoldsAtMostOneValidCertificate() {
		long person = person("李四", "360102199001010038");
		certificate(person, "36010020240000044");

		assertThatThrownBy(() -> certificate(person, "36010020240000052"))
			.isInstanceOf(DataIntegrityViolationException.class);

		this.jdbc.sql("UPDATE certificate SET status = 'SUPERSEDED', current_holder_id = NULL WHERE person_id = :p")
			.param("p", person)
			.update();
		certificate(person, "36010020240000052");
		assertThat(this.people.findByPersonIds(List.of(person), false).get(0).certificateNo())
			.isEqualTo("36010020240000052");
	}

	@Test
	void markPrintedTouchesOnlyTheGivenCertificates() {
		long a = certificate(person("赵一", "360102199001010046"), "36010020240000060");
		long b = certificate(person("钱二", "360102199001010054"), "36010020240000079");

		assertThat(this.certificates.markPrinted(List.of(a), LocalDateTime.of(2024, 1, 2, 3, 4))).isOne();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE printed_at IS NOT NULL")
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("SELECT printed_at FROM certificate WHERE id = :id")
			.param("id", b)
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
	}

	@Test
	void entriesOfABodyAndYearAreItsSummaryTableRows() {
		long person = person("孙三", "360102199001010062");
		entry(person, LocalDate.of(2024, 2, 1), "TRAINING", this.baseId);
		entry(person, LocalDate.of(2024, 9, 1), "CONFERENCE", this.unitId);
		entry(person, LocalDate.of(2023, 9, 1), "TRAINING", this.baseId);

		assertThat(this.entries.findByRegisteringBodyAndYear(this.baseId, 2024)).hasSize(1)
			.first()
			.extracting(RegistrationEntry::form)
			.isEqualTo(LearningForm.TRAINING);
		assertThat(this.entries.latestYear()).hasValue(2024);
	}

	@Test
	void theSchemaRefusesAnEntryEndingBeforeItStarts() {
		long person = person("周四", "360102199001010070");
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO registration_entry (person_id, project_name, content, learning_form, subject_type,
				    start_date, end_date, hours, registered_by_id, registered_at, status)
				VALUES (:p, '培训', '内容', 'TRAINING', 'PUBLIC', '2024-05-02', '2024-05-01', 8, :org, :now, 'PENDING')
				""").param("p", person).param("org", this.unitId).param("now", REGISTERED_AT).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private long organisation(String kind, String name, String creditCode) {
		this.jdbc.sql("""
				INSERT INTO organisation (kind, name, credit_code, channel_code) VALUES (:kind, :name, :code, '360100')
				""").param("kind", kind).param("name", name).param("code", creditCode).update();
		return this.jdbc.sql("SELECT id FROM organisation WHERE credit_code = :code")
			.param("code", creditCode)
			.query(Long.class)
			.single();
	}

	private long person(String name, String idNumber) {
		this.jdbc.sql("""
				INSERT INTO person (name, sex, birth_date, id_number, unit_id, title_level, title_name, specialty)
				VALUES (:name, 'M', '1990-01-01', :id, :unit, 'INTERMEDIATE', '工程师', '土木工程')
				""").param("name", name).param("id", idNumber).param("unit", this.unitId).update();
		return this.jdbc.sql("SELECT id FROM person WHERE id_number = :id")
			.param("id", idNumber)
			.query(Long.class)
			.single();
	}

	private long certificate(long personId, String number) {
		this.jdbc.sql("""
				INSERT INTO certificate (certificate_no, person_id, current_holder_id, channel_code, issue_date, status)
				VALUES (:no, :p, :p, '360100', '2024-03-01', 'VALID')
				""").param("no", number).param("p", personId).update();
		return this.jdbc.sql("SELECT id FROM certificate WHERE certificate_no = :no")
			.param("no", number)
			.query(Long.class)
			.single();
	}

	private void entry(long personId, LocalDate start, String form, long registeredBy) {
		this.jdbc.sql("""
				INSERT INTO registration_entry (person_id, project_name, content, learning_form, subject_type,
				    start_date, end_date, hours, registered_by_id, registered_at, status)
				VALUES (:p, '项目', '内容', :form, 'PROFESSIONAL', :start, :start, :hours, :org, :now, 'PENDING')
				""")
			.param("p", personId)
			.param("form", form)
			.param("start", start)
			.param("hours", BigDecimal.valueOf(8))
			.param("org", registeredBy)
			.param("now", REGISTERED_AT)
			.update();
	}

}
