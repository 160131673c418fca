package org.ceprint.reissue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.IntakeImports;
import org.ceprint.intake.RegisterImports;
import org.ceprint.printing.PrintStyle;
import org.ceprint.registry.Transfers;
import org.ceprint.registry.Issuance;
import org.ceprint.reissue.Reissues.LookupQuery;
import org.ceprint.testsupport.SampleCodes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * 第十八条: a person moves to another unit or city; the certificate stays valid and
 * unchanged, and the office that serves them, at the counter too, follows the move.
 */
@SpringBootTest(properties = "ceprint.accounts.demo-accounts=false")
class TransferTests {

	static final String NANCHANG = "360100";

	static final String JIUJIANG = "360400";

	static final String HOSPITAL = SampleCodes.creditCode(NANCHANG, 7001);

	static final String INSTITUTE = SampleCodes.creditCode(NANCHANG, 7002);

	static final String JIUJIANG_UNIT = SampleCodes.creditCode(JIUJIANG, 7003);

	@Autowired
	RegisterImports imports;

	@Autowired
	Transfers transfers;

	@Autowired
	Issuance issuance;

	@Autowired
	Reissues reissues;

	@Autowired
	IntakeImports summaryTables;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path work;

	@BeforeEach
	void units() throws Exception {
		// a second import of the same units is counted, not stored again
		importUnits(NANCHANG, "名称,统一社会信用代码,类别\n南昌调动测试医院,%s,单位\n南昌调动测试研究院,%s,单位\n".formatted(HOSPITAL, INSTITUTE));
		importUnits(JIUJIANG, "名称,统一社会信用代码,类别\n九江调动测试学校,%s,单位\n".formatted(JIUJIANG_UNIT));
	}

	/** Enrols a person of the hospital and issues their certificate. */
	private String enrolAndIssue(String idNumber) throws Exception {
		Path roster = this.work.resolve("roster.csv");
		Files.writeString(roster, "\uFEFF姓名,身份证件号码,性别,出生日期,所在单位统一社会信用代码,职称,职称级别,专业\n调动甲,%s,女,,%s,护师,初级,护理\n"
			.formatted(idNumber, HOSPITAL), StandardCharsets.UTF_8);
		assertThat(this.imports.importRoster(roster, this.work.resolve("e.xlsx"), NANCHANG, "测试").imported())
			.isEqualTo(1);
		return this.issuance.issueForPerson(NANCHANG, idNumber, LocalDate.of(2026, 6, 1), "测试");
	}

	private void importUnits(String office, String csv) throws Exception {
		Path units = this.work.resolve("units-" + office + ".csv");
		Files.writeString(units, "\uFEFF"
				+ csv.replace("名称,统一社会信用代码,类别", "名称,统一社会信用代码,类别,主管部门,地址,联系人,联系电话").replaceAll("(单位)\n", "$1,,,,\n"),
				StandardCharsets.UTF_8);
		assertThat(this.imports.importUnits(units, this.work.resolve("e.xlsx"), office, "测试").rejected()).isEmpty();
	}

	@Test
	void aMoveWithinTheCityKeepsTheCertificateAndTheOffice() throws Exception {
		String mover = SampleCodes.idNumber("360102", "19850315", 71, false);
		String certificate = enrolAndIssue(mover);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.issuance.issueForPerson(NANCHANG, mover, LocalDate.of(2026, 6, 2), "测试"))
			.withMessageContaining("已持有有效证书 " + certificate);
		Transfers.Transfer moved = this.transfers.transfer(NANCHANG, mover, INSTITUTE, LocalDate.of(2026, 6, 10), "测试");
		assertThat(moved.betweenCities()).isFalse();
		assertThat(unitOf(mover)).isEqualTo(INSTITUTE);
		assertThat(validCertificate(mover)).isEqualTo(certificate);
		assertThat(this.reissues.lookup(new Clerk("南昌窗口", NANCHANG), byId(mover))).hasSize(1);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM registry_audit WHERE action = 'PERSON_TRANSFERRED' AND subject = :subject")
			.param("subject", "person:" + moved.personId())
			.query(Long.class)
			.single()).isOne();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.transfers.transfer(NANCHANG, mover, HOSPITAL, LocalDate.of(2026, 6, 9), "测试"))
			.withMessageContaining("早于此人上一次调动");

		// the old unit keeps its history: it still registers what came before the move,
		// and what came after is the new unit's
		Path table = this.work.resolve("汇总表.csv");
		Files.writeString(table,
				String.join("\r\n", "\uFEFF专业技术人员继续教育情况登记汇总表,,,", "报送单位统一社会信用代码," + HOSPITAL,
						"姓名,身份证件号码,项目名称,学习内容,学习形式,科目类别,开始日期,结束日期,学时,考试考核成绩,继续教育成果",
						"调动甲,%s,调动前的培训,护理,面授培训,专业科目,2026-06-01,2026-06-02,8,合格,".formatted(mover),
						"调动甲,%s,调动后的培训,护理,面授培训,专业科目,2026-06-15,2026-06-16,8,合格,".formatted(mover), ""),
				StandardCharsets.UTF_8);
		ImportReport report = this.summaryTables.importFile(table, this.work.resolve("汇总表-未导入.xlsx"));
		assertThat(report.imported()).isOne();
		assertThat(report.rejected()).singleElement()
			.satisfies((row) -> assertThat(String.join("", row.reasons())).contains("第 5 行", "2026-06-10", "南昌调动测试研究院",
					"由调入单位登记报送"));
	}

	@Test
	void aMoveToAnotherCityMovesTheCounterWithIt() throws Exception {
		String mover = SampleCodes.idNumber("360102", "19850315", 72, false);
		String certificate = enrolAndIssue(mover);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.transfers.transfer("360200", mover, JIUJIANG_UNIT, LocalDate.of(2026, 6, 20), "测试"))
			.withMessageContaining("调出或调入单位所在地");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.transfers.transfer(NANCHANG, mover, JIUJIANG_UNIT, LocalDate.of(2027, 1, 1), "测试"))
			.withMessageContaining("晚于今天");
		Transfers.Transfer moved = this.transfers.transfer(JIUJIANG, mover, JIUJIANG_UNIT, LocalDate.of(2026, 6, 20),
				"测试");
		assertThat(moved.betweenCities()).isTrue();
		assertThat(validCertificate(mover)).as("the certificate stays valid and unchanged").isEqualTo(certificate);
		assertThat(this.transfers.transfers(moved.personId())).last()
			.satisfies((last) -> assertThat(last.to().creditCode()).isEqualTo(JIUJIANG_UNIT));

		// Nanchang's counter no longer serves the person; Jiujiang's does
		assertThat(this.reissues.lookup(new Clerk("南昌窗口", NANCHANG), byId(mover))).isEmpty();
		assertThat(this.reissues.lookup(new Clerk("九江窗口", JIUJIANG), byId(mover))).hasSize(1);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.reissues.reissue(new Clerk("南昌窗口", NANCHANG), certificate, ReissueReason.DAMAGED,
					null, PrintStyle.DEFAULT))
			.withMessageContaining("已调到其他设区市");
		Reissues.ReissueResult replaced = this.reissues.reissue(new Clerk("九江窗口", JIUJIANG), certificate,
				ReissueReason.DAMAGED, null, PrintStyle.DEFAULT);
		assertThat(replaced.newNumber()).startsWith(JIUJIANG);
		assertThat(this.jdbc.sql("SELECT channel_code FROM certificate WHERE certificate_no = :no")
			.param("no", replaced.newNumber())
			.query(String.class)
			.single()).isEqualTo(JIUJIANG);
	}

	private static LookupQuery byId(String mover) {
		return new LookupQuery(mover, null, null, null, "测试");
	}

	private String unitOf(String mover) {
		return this.jdbc
			.sql("SELECT o.credit_code FROM person p JOIN organisation o ON o.id = p.unit_id WHERE p.id_number = :id")
			.param("id", mover)
			.query(String.class)
			.single();
	}

	private String validCertificate(String mover) {
		return this.jdbc.sql("""
				SELECT c.certificate_no FROM certificate c JOIN person p ON p.id = c.current_holder_id
				WHERE p.id_number = :id
				""").param("id", mover).query(String.class).single();
	}

}
