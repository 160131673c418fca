package org.ceprint.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A clerk downloads the exports of their own city, or of one unit of it, and of no other
 * city; a bad year is answered in Chinese.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OfficeExportsControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	OfficeUser nanchangClerk;

	@BeforeEach
	void registry() {
		this.generator.clearRegistry();
		this.generator.generate(33, 80, LocalDate.of(2026, 6, 30));
		this.nanchangClerk = this.users.loadUserByUsername("nanchang");
	}

	@Test
	void aClerkDownloadsTheAssessmentsOfTheirCityAndOfOneOfItsUnitsOnly() throws Exception {
		MockHttpServletResponse city = this.mvc
			.perform(get("/office/exports/assessments.xlsx").param("year", "2025").with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse();
		assertThat(city.getStatus()).isEqualTo(200);
		assertThat(city.getHeader("Content-Disposition")).contains("attachment").contains("360100");
		int people = this.jdbc.sql("""
				SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.unit_id WHERE o.channel_code = '360100'
				""").query(Integer.class).single();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(city.getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheet(IntakeExports.ASSESSMENT_SHEET);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("南昌市 2025 年度");
			assertThat(sheet.getLastRowNum() - 2).isEqualTo(people).isPositive();
		}

		String ownUnit = this.jdbc
			.sql("SELECT MIN(credit_code) FROM organisation WHERE channel_code = '360100' AND kind = 'UNIT'")
			.query(String.class)
			.single();
		MockHttpServletResponse unit = this.mvc
			.perform(get("/office/exports/summary-tables.xlsx").param("year", "2025")
				.param("unit", ownUnit)
				.with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse();
		assertThat(unit.getStatus()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(unit.getContentAsByteArray()))) {
			assertThat(workbook.getSheet("登记汇总表").getRow(1).getCell(1).getStringCellValue()).isEqualTo(ownUnit);
		}

		String otherUnit = this.jdbc
			.sql("SELECT MIN(credit_code) FROM organisation WHERE channel_code = '360400' AND kind = 'UNIT'")
			.query(String.class)
			.single();
		MockHttpServletResponse other = this.mvc
			.perform(get("/office/exports/assessments.xlsx").param("year", "2025")
				.param("unit", otherUnit)
				.with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse();
		assertThat(other.getStatus()).isEqualTo(403);
		assertThat(other.getContentAsString(StandardCharsets.UTF_8)).contains("不属于本机关");

		MockHttpServletResponse badYear = this.mvc
			.perform(get("/office/exports/assessments.xlsx").param("year", "2999").with(user(this.nanchangClerk)))
			.andReturn()
			.getResponse();
		assertThat(badYear.getStatus()).isEqualTo(400);
		assertThat(badYear.getContentAsString(StandardCharsets.UTF_8)).contains("年份 2999");
	}

	@Test
	void nobodySignedOutGetsAnExport() throws Exception {
		assertThat(this.mvc.perform(get("/office/exports/assessments.xlsx").param("year", "2025"))
			.andReturn()
			.getResponse()
			.getStatus()).isIn(302, 401);
	}

}
