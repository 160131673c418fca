package org.ceprint.demo;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.demo.internal.DemoSummary;
import org.ceprint.registry.CertificateNumbers;
import org.ceprint.registry.Channels;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.ResidentIdNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo province is valid by the registry's own rules, realistic and repeatable.
 */
@SpringBootTest
class DemoRegistryGeneratorTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Channels channels;

	@BeforeEach
	void empty() {
		this.generator.clearRegistry();
	}

	@Test
	void everyGeneratedCodeIsValid() {
		DemoSummary summary = this.generator.generate(2012, 2_000, AS_OF);

		assertThat(summary.people()).isEqualTo(2_000);
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(2_000);
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE status = 'VALID'")).isEqualTo(2_000);
		assertThat(strings("SELECT id_number FROM person"))
			.allSatisfy((id) -> assertThat(ResidentIdNumbers.check(id, AS_OF).valid()).as(id).isTrue());
		assertThat(strings("SELECT credit_code FROM organisation"))
			.allSatisfy((code) -> assertThat(CreditCodes.check(code).valid()).as(code).isTrue());
		assertThat(strings("SELECT certificate_no FROM certificate")).allSatisfy(
				(no) -> assertThat(CertificateNumbers.check(no, this.channels::exists).valid()).as(no).isTrue());
		assertThat(strings("SELECT sex FROM person p WHERE MOD(CAST(SUBSTRING(id_number, 17, 1) AS INT), 2) = 1"))
			.containsOnly("M");
	}

	@Test
	void theProvinceIsRealistic() {
		this.generator.generate(2012, 2_000, AS_OF);

		assertThat(strings("SELECT DISTINCT channel_code FROM organisation")).hasSize(12);
		assertThat(count("SELECT COUNT(*) FROM organisation WHERE kind = 'UNIT'")).isEqualTo(200);
		List<String> names = strings("SELECT name FROM person");
		assertThat(names).anyMatch((name) -> name.startsWith("欧阳") || name.startsWith("司马") || name.startsWith("上官")
				|| name.startsWith("诸葛"));
		for (String rare : List.of("堃", "昇", "喆", "珺", "赟")) {
			assertThat(names).as(rare).anyMatch((name) -> name.contains(rare));
		}
		assertThat(strings("SELECT DISTINCT learning_form FROM registration_entry")).containsExactlyInAnyOrder(
				"TRAINING", "CONFERENCE", "EXAM", "SECONDMENT", "SELF_STUDY", "DEGREE", "DISTANCE", "ACHIEVEMENT");
		assertThat(count(
				"SELECT COUNT(*) FROM registration_entry WHERE status = 'VERIFIED' AND start_date >= '2026-01-01'"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM registration_entry WHERE status = 'PENDING'")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM registration_entry WHERE end_date > '2026-06-30'")).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM registration_entry e JOIN organisation o ON o.id = e.registered_by_id
				WHERE (e.learning_form = 'TRAINING') <> (o.kind = 'BASE')
				""")).isZero();
		long publicEntries = count("SELECT COUNT(*) FROM registration_entry WHERE subject_type = 'PUBLIC'");
		assertThat(publicEntries * 100 / count("SELECT COUNT(*) FROM registration_entry")).isBetween(10L, 40L);
	}

	@Test
	void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
		this.generator.generate(7, 300, AS_OF);
		String first = canonicalHash();
		this.generator.clearRegistry();
		this.generator.generate(7, 300, AS_OF);
		assertThat(canonicalHash()).isEqualTo(first);
		this.generator.clearRegistry();
		this.generator.generate(8, 300, AS_OF);
		assertThat(canonicalHash()).isNotEqualTo(first);
	}

	@Test
	void refusesToGenerateIntoAFilledRegistryOrBeyondItsSize() {
		this.generator.generate(1, 5, AS_OF);
		assertThatThrownBy(() -> this.generator.generate(1, 5, AS_OF)).hasMessageContaining("已有人员");
		assertThatThrownBy(() -> this.generator.generate(1, 100_001, AS_OF)).hasMessageContaining("1 到 100000");
	}

	private String canonicalHash() throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (String query : List.of(
				"SELECT CONCAT(name, '|', credit_code, '|', channel_code) FROM organisation ORDER BY credit_code",
				"SELECT CONCAT(name, '|', id_number, '|', title_level, '|', birth_date) FROM person ORDER BY id_number",
				"SELECT CONCAT(certificate_no, '|', issue_date) FROM certificate ORDER BY certificate_no", """
						SELECT CONCAT(p.id_number, '|', e.project_name, '|', e.start_date, '|', e.hours, '|', e.status)
						FROM registration_entry e JOIN person p ON p.id = e.person_id
						ORDER BY p.id_number, e.start_date, e.project_name, e.hours, e.status
						""")) {
			strings(query).forEach((row) -> digest.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private List<String> strings(String sql) {
		return this.jdbc.sql(sql).query(String.class).list();
	}

}
