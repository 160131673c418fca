package org.ceprint.submission;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A unit submits with its summary table (第十二条): the registrar uploads the file, its valid
 * rows are imported and drafted as a new batch, the others listed with their reasons; the
 * same file again drafts nothing, another body's table is refused before anything is
 * stored, and only registrars may upload.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubmissionImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	String unitCode;

	String otherCode;

	List<Map<String, Object>> staff;

	OfficeUser registrar;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'upload-%'").update();
		this.generator.generate(37, 80, LocalDate.of(2026, 6, 30));
		Map<String, Object> unit = this.jdbc.sql("""
				SELECT o.id, o.credit_code, o.channel_code FROM organisation o
				WHERE o.kind = 'UNIT' AND o.department_id IS NOT NULL
				  AND (SELECT COUNT(*) FROM person p WHERE p.unit_id = o.id) >= 2
				ORDER BY o.id FETCH FIRST 1 ROWS ONLY
				""").query().singleRow();
		long unitId = ((Number) unit.get("id")).longValue();
		this.unitCode = (String) unit.get("credit_code");
		this.otherCode = this.jdbc.sql("SELECT MIN(credit_code) FROM organisation WHERE id <> :id")
			.param("id", unitId)
			.query(String.class)
			.single();
		this.staff = this.jdbc.sql("SELECT name, id_number FROM person WHERE unit_id = :unit ORDER BY id")
			.param("unit", unitId)
			.query()
			.listOfRows();
		this.users.create("upload-unit", "pw-unit", "单位登记员", OfficeRole.UNIT_REGISTRAR,
				(String) unit.get("channel_code"), unitId, null);
		this.registrar = this.users.loadUserByUsername("upload-unit");
	}

	@Test
	void anUploadedTableIsImportedAndDraftedAndItsBadRowsListed() throws Exception {
		MockMultipartFile table = workbook("单位汇总表.xlsx", this.unitCode);
		MvcResult first = this.mvc
			.perform(multipart("/submissions/import").file(table).with(user(this.registrar)).with(csrf()))
			.andReturn();
		String location = first.getResponse().getRedirectedUrl();
		assertThat(location).matches("/submissions/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat((String) first.getFlashMap().get("importSummary")).contains("单位汇总表.xlsx", "共 3 行", "新登记 2 条",
				"未导入 1 行", "已生成报送批次", "（2 条）");
		assertThat((List<?>) first.getFlashMap().get("importProblems")).singleElement()
			.asString()
			.contains("第 6 行", "身份证件号码");
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM submission_entry se JOIN registration_entry e ON e.id = se.entry_id
				WHERE se.submission_id = :id AND e.import_key IS NOT NULL AND e.status = 'PENDING'
				""").param("id", id).query(Integer.class).single()).isEqualTo(2);

		// the draft's page shows what the upload did
		String page = this.mvc.perform(get(location).with(user(this.registrar)).flashAttrs(first.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"import-summary\"", "新登记 2 条", "第 6 行");
		assertThat(this.mvc.perform(get("/submissions").with(user(this.registrar)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"upload\"", "enctype=\"multipart/form-data\"");

		// the same file again: nothing new, no second batch
		MvcResult again = this.mvc
			.perform(multipart("/submissions/import").file(table).with(user(this.registrar)).with(csrf()))
			.andReturn();
		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/submissions");
		assertThat((String) again.getFlashMap().get("importSummary")).contains("已导入过 2 条", "未生成报送批次",
				"2 条已验证、未通过或已在报送批次中");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM submission").query(Integer.class).single()).isOne();

		// another body's table is refused before anything is stored
		int entries = this.jdbc.sql("SELECT COUNT(*) FROM registration_entry").query(Integer.class).single();
		MvcResult foreign = this.mvc
			.perform(multipart("/submissions/import").file(workbook("别家.xlsx", this.otherCode))
				.with(user(this.registrar))
				.with(csrf()))
			.andReturn();
		assertThat((String) foreign.getFlashMap().get("problem")).contains("别家.xlsx", this.otherCode, "不是本单位");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM registration_entry").query(Integer.class).single())
			.isEqualTo(entries);
	}

	@Test
	void theApiAnswersWithTheDraftAndRefusesWhatIsNoTableOrNoRegistrar() throws Exception {
		MvcResult created = this.mvc
			.perform(multipart("/api/v1/submissions/import").file(workbook("表.xlsx", this.unitCode))
				.with(httpBasic("upload-unit", "pw-unit")))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		String body = created.getResponse().getContentAsString();
		assertThat(body).contains("\"imported\":2", "\"status\":\"DRAFT\"", "\"row\":6");
		assertThat(created.getResponse().getHeader("Location")).matches("/api/v1/submissions/\\d+");

		MvcResult text = this.mvc
			.perform(multipart("/api/v1/submissions/import")
				.file(new MockMultipartFile("file", "notes.txt", "text/plain", "张三".getBytes()))
				.with(httpBasic("upload-unit", "pw-unit")))
			.andReturn();
		assertThat(text.getResponse().getStatus()).isEqualTo(400);
		assertThat(text.getResponse().getContentAsString()).contains("只接受 .xlsx");

		this.users.create("upload-hrss", "pw-hrss", "人社", OfficeRole.CLERK, "360100", null, null);
		MvcResult clerk = this.mvc
			.perform(multipart("/api/v1/submissions/import").file(workbook("表.xlsx", this.unitCode))
				.with(httpBasic("upload-hrss", "pw-hrss")))
			.andReturn();
		assertThat(clerk.getResponse().getStatus()).isEqualTo(403);
	}

	/** Two valid rows of the unit's staff and one with a broken ID number (row 6). */
	private MockMultipartFile workbook(String name, String creditCode) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("登记汇总表");
			row(sheet, 1, "报送单位统一社会信用代码", creditCode);
			row(sheet, 2, "姓名", "身份证件号码", "项目名称", "学习内容", "学习形式", "科目类别", "开始日期", "结束日期", "学时");
			row(sheet, 3, (String) this.staff.get(0).get("name"), (String) this.staff.get(0).get("id_number"), "上传的研修甲",
					"内容", "面授培训", "专业科目", "2026-03-02", "2026-03-03", "16");
			row(sheet, 4, (String) this.staff.get(1).get("name"), (String) this.staff.get(1).get("id_number"), "上传的研修乙",
					"内容", "面授培训", "公需科目", "2026-04-02", "2026-04-02", "8");
			row(sheet, 5, "王五", "360102199001011234", "上传的研修丙", "内容", "面授培训", "公需科目", "2026-04-02", "2026-04-02", "8");
			workbook.write(out);
			return new MockMultipartFile("file", name,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
		}
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
