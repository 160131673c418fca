package org.ceprint.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.registry.Issuance;
import org.ceprint.testsupport.SampleCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code POST /api/v1/people}: a unit registrar enrols its own unit's people, and only
 * those; a city clerk any unit's of its city; every refused record is named with its
 * field and reason, the others stored.
 */
@SpringBootTest(properties = "ceprint.test.context=people-api")
@AutoConfigureMockMvc
class PeopleApiTests {

	static final String OFFICE = "360600";

	static final String OWN = SampleCodes.creditCode(OFFICE, 5001);

	static final String NEIGHBOUR = SampleCodes.creditCode(OFFICE, 5002);

	@Autowired
	MockMvc mvc;

	@Autowired
	RegisterImports imports;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Issuance issuance;

	@Autowired
	DocumentVerifier verifier;

	@TempDir
	Path work;

	/** The two units and their accounts, made by whichever test comes first. */
	@BeforeEach
	void unitsAndAccounts() throws Exception {
		Path units = this.work.resolve("units.csv");
		Files.writeString(units, "\uFEFF名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话\n鹰潭接口测试单位,%s,单位,,,,\n鹰潭邻近单位,%s,单位,,,,\n"
			.formatted(OWN, NEIGHBOUR), StandardCharsets.UTF_8);
		ImportReport report = this.imports.importUnits(units, this.work.resolve("u.xlsx"), OFFICE, "测试");
		assertThat(report.imported() + report.alreadyImported()).isEqualTo(2);
		if (this.users.exists("api-registrar")) {
			return;
		}
		long unitId = this.jdbc.sql("SELECT id FROM organisation WHERE credit_code = :code")
			.param("code", OWN)
			.query(Long.class)
			.single();
		this.users.create("api-registrar", "api-registrar-pw", "接口登记员", OfficeRole.UNIT_REGISTRAR, OFFICE, unitId,
				null);
		this.users.create("api-clerk", "api-clerk-pw", "鹰潭窗口", OfficeRole.CLERK, OFFICE);
	}

	@Test
	void aRegistrarEnrolsItsOwnUnitsPeopleOnlyAndAClerkAnyUnitOfItsCity() throws Exception {
		String mine = SampleCodes.idNumber("360602", "19910101", 1, true);
		String theirs = SampleCodes.idNumber("360602", "19910101", 2, false);

		String body = """
				{"people": [
				  {"name": "程鹰", "idNumber": "%s", "unitCreditCode": "%s", "title": "工程师", "titleLevel": "中级"},
				  {"name": "潭・晴", "idNumber": "%s", "unitCreditCode": "%s"}
				]}""".formatted(mine, OWN, theirs, NEIGHBOUR);
		String answer = this.mvc
			.perform(post("/api/v1/people").with(httpBasic("api-registrar", "api-registrar-pw"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).contains("\"enrolled\":1", "\"record\":2", "第 2 条的「所在单位统一社会信用代码」", "单位登记员只能登记本单位的人员");
		assertThat(unitOf(mine)).isEqualTo(OWN);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM person WHERE id_number = :id")
			.param("id", theirs)
			.query(Long.class)
			.single()).isZero();

		int status = this.mvc
			.perform(post("/api/v1/people").with(httpBasic("api-clerk", "api-clerk-pw"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(200);
		assertThat(unitOf(theirs)).isEqualTo(NEIGHBOUR);
		assertThat(this.jdbc.sql("SELECT name FROM person WHERE id_number = :id")
			.param("id", theirs)
			.query(String.class)
			.single()).isEqualTo("潭·晴");

		// the public look-up by number and name applies the name rule too: the dot as
		// typed
		String number = this.issuance.issueForPerson(OFFICE, theirs, java.time.LocalDate.of(2026, 6, 30), "测试");
		assertThat(this.verifier.verifyByNumber(number, "潭•晴", "test-client").verdict()).isEqualTo("VALID");
		assertThat(this.verifier.verifyByNumber(number, "潭晴", "test-client").verdict()).isEqualTo("NOT_FOUND");

		String refused = this.mvc
			.perform(post("/api/v1/people").with(httpBasic("api-clerk", "api-clerk-pw"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"people\": [{\"name\": \"O'Brien\", \"idNumber\": \"123\", \"unitCreditCode\": \"%s\"}]}"
					.formatted(OWN)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("第 1 条的「姓名」", "U+004F", "第 1 条的「身份证件号码」");
	}

	/** The registrar's own page takes a roster too, and only of its own unit. */
	@Test
	void aRegistrarUploadsItsUnitsRosterOnItsPage() throws Exception {
		OfficeUser registrar = this.users.loadUserByUsername("api-registrar");
		String own = SampleCodes.idNumber("360602", "19920202", 11, true);
		String other = SampleCodes.idNumber("360602", "19920202", 12, false);
		byte[] roster = ("\uFEFF姓名,身份证件号码,性别,出生日期,所在单位统一社会信用代码,职称,职称级别,专业\n" + "页鹰,%s,,,%s,,,\n".formatted(own, OWN)
				+ "页潭,%s,,,%s,,,\n".formatted(other, NEIGHBOUR))
			.getBytes(StandardCharsets.UTF_8);
		MvcResult result = this.mvc
			.perform(multipart("/submissions/roster")
				.file(new MockMultipartFile("file", "本单位人员名册.csv", "text/csv", roster))
				.with(user(registrar))
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/submissions");
		assertThat((String) result.getFlashMap().get("importSummary")).contains("共 2 行，登记 1 条", "未导入 1 行");
		assertThat(String.valueOf(result.getFlashMap().get("importProblems"))).contains("第 3 行", "单位登记员只能登记本单位的人员");
		assertThat(unitOf(own)).isEqualTo(OWN);
	}

	private String unitOf(String idNumber) {
		return this.jdbc
			.sql("SELECT o.credit_code FROM person p JOIN organisation o ON o.id = p.unit_id WHERE p.id_number = :id")
			.param("id", idNumber)
			.query(String.class)
			.single();
	}

}
