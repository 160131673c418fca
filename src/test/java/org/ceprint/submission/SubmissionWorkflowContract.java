package org.ceprint.submission;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.accounts.OfficeUsers;
import org.ceprint.demo.DemoRegistryGenerator;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;
import org.ceprint.printing.PrintStyle;
import org.ceprint.printing.internal.PrintingProperties;
import org.ceprint.registry.SubjectType;
import org.ceprint.rendering.PdfProbe;
import org.ceprint.submission.internal.Decision;
import org.ceprint.submission.internal.EntryReview;
import org.ceprint.submission.internal.NotPermittedException;
import org.ceprint.submission.internal.PaperKind;
import org.ceprint.submission.internal.RejectionReason;
import org.ceprint.submission.internal.Submission;
import org.ceprint.submission.internal.SubmissionEvent;
import org.ceprint.submission.internal.SubmissionPapers;
import org.ceprint.submission.internal.SubmissionStatus;
import org.ceprint.testsupport.EventPublications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * A unit's and a base's submission from draft to closing (第十至十四条), and who may do what.
 * The printed papers are read back: seals on the overlay pages sit where the full booklet
 * has them, in the verification cells of the accepted rows and of no other; the three
 * copies of the summary table carry the department's and the office's opinions.
 */
@SpringBootTest
abstract class SubmissionWorkflowContract {

	@Autowired
	DemoRegistryGenerator generator;

	@Autowired
	PrintRuns printRuns;

	@Autowired
	Submissions submissions;

	@Autowired
	SubmissionPapers papers;

	@Autowired
	OfficeUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	PrintingProperties printing;

	@BeforeEach
	void printedProvince() throws Exception {
		this.generator.clearRegistry();
		this.jdbc.sql("DELETE FROM office_user WHERE username LIKE 'hrss-%'").update();
		this.generator.generate(33, 120, LocalDate.of(2026, 6, 30));
		// the booklets exist before anything is verified: new seals need overlay pages
		this.printRuns.run(PrintRequest.all(PrintJob.CERTIFICATES));
	}

	@Test
	void aUnitsSubmissionGoesThroughReviewVerificationAndClosing() throws Exception {
		Map<String, Object> unit = bodyWithPendingEntries("UNIT");
		long unitId = ((Number) unit.get("id")).longValue();
		String channel = (String) unit.get("channel");
		List<Long> entryIds = pendingEntries(unitId, 3);
		assertSamePerson(entryIds.get(0), entryIds.get(1));
		nameProjects(entryIds);
		OfficeUser registrar = account("unit-reg", OfficeRole.UNIT_REGISTRAR, channel, unitId, null);
		OfficeUser reviewer = account("dept-rev", OfficeRole.DEPT_REVIEWER, channel, null,
				((Number) unit.get("department_id")).longValue());
		OfficeUser verifier = account("hrss-clerk", OfficeRole.CLERK, channel, null, null);

		Submission draft = this.submissions.draft(registrar, entryIds);
		assertThat(draft.status()).isEqualTo(SubmissionStatus.DRAFT);
		assertThat(draft.entryCount()).isEqualTo(3);
		assertThat(this.submissions.queue(verifier, null)).as("not yet at the office").isEmpty();
		this.submissions.submit(registrar, draft.id(), null);
		assertThat(this.submissions.queue(verifier, null)).as("a unit's goes to its department first").isEmpty();

		// returned with a reason, corrected and resubmitted: the history keeps both
		// rounds
		Submission returned = this.submissions.review(reviewer, draft.id(), false, "第 2 条学时与通知不符，请核实");
		assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
		Map<String, Object> uncorrected = this.jdbc
			.sql("SELECT hours, subject_type FROM registration_entry WHERE id = :id")
			.param("id", entryIds.get(1))
			.query()
			.singleRow();
		this.submissions.correctEntry(registrar, draft.id(), entryIds.get(1), new BigDecimal("6"),
				SubjectType.PROFESSIONAL);
		this.submissions.submit(registrar, draft.id(), "已按审核意见更正第 2 条");
		Submission approved = this.submissions.review(reviewer, draft.id(), true, "经审核，情况属实，同意报送。");
		assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
		assertThat(this.submissions.queue(verifier, SubmissionStatus.APPROVED)).extracting(Submission::id)
			.containsExactly(draft.id());

		this.submissions.receive(verifier, draft.id());
		List<EntryReview> reviews = this.submissions.reviews(verifier, draft.id());
		assertThat(reviews).hasSize(3);
		assertThat(reviews).allSatisfy((review) -> {
			assertThat(review.certificateNo()).isNotNull();
			assertThat(review.hours().standard()).isEqualTo("江西2012学时标准");
			assertThat(review.yearRequiredHours().value()).isPositive();
		});
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.submissions.close(verifier, draft.id(), null))
			.withMessageContaining("3 条登记未作结论");
		// the rejected entry is in the same booklet as an accepted one, on a page that
		// gets
		// a new seal
		long accepted1 = entryIds.get(0);
		long rejected = entryIds.get(1);
		long accepted2 = entryIds.get(2);
		int rejectedSerial = reviews.stream().map((review) -> review.entry().id()).toList().indexOf(rejected) + 1;
		this.submissions.decide(verifier, draft.id(), accepted1, Decision.VERIFIED, null, null);
		this.submissions.decide(verifier, draft.id(), accepted2, Decision.VERIFIED, null, null);
		this.submissions.decide(verifier, draft.id(), rejected, Decision.REJECTED, RejectionReason.MISSING_EVIDENCE,
				"未附结业证书");

		Submission closed = this.submissions.close(verifier, draft.id(), null, false);
		// the papers print after the closing's commit, on another thread
		EventPublications.awaitCompletion(this.jdbcTemplate);
		Map<PaperKind, Long> runs = this.papers.outputs(verifier, draft.id());

		assertThat(closed.status()).isEqualTo(SubmissionStatus.CLOSED);
		assertThat(this.submissions.idOfBatch(closed.batchNo())).as("print summary-tables --batch")
			.hasValue(draft.id());
		for (long id : List.of(accepted1, accepted2)) {
			Map<String, Object> entry = entryRow(id);
			assertThat(entry.get("status")).isEqualTo("VERIFIED");
			assertThat(entry.get("verified_by_channel")).isEqualTo(channel);
			assertThat(entry.get("verified_by_clerk")).isEqualTo("hrss-clerk");
			assertThat(entry.get("verified_at")).isNotNull();
			assertThat(entry.get("sealed_at")).as("the overlay run sealed it").isNotNull();
		}
		Map<String, Object> refused = entryRow(rejected);
		assertThat(refused.get("status")).isEqualTo("REJECTED");
		assertThat((String) refused.get("rejection_reason")).isEqualTo("缺少证明材料：未附结业证书");
		assertThat(refused.get("sealed_at")).isNull();
		assertThat(this.submissions.history(verifier, draft.id())).extracting(SubmissionEvent::action)
			.containsExactly("DRAFT", "SUBMIT", "RETURN", "CORRECT", "RESUBMIT", "APPROVE", "RECEIVE", "DECIDE",
					"DECIDE", "DECIDE", "CLOSE");
		// the correction is logged with the hours as documents write them (8, not 8.0)
		assertThat(this.submissions.history(verifier, draft.id()))
			.filteredOn((event) -> event.action().equals("CORRECT"))
			.extracting(SubmissionEvent::note)
			.containsExactly("登记 #%d：%s %s 学时 → 专业科目 6 学时".formatted(entryIds.get(1),
					SubjectType.valueOf((String) uncorrected.get("subject_type")).label(),
					((BigDecimal) uncorrected.get("hours")).stripTrailingZeros().toPlainString()));

		assertSealsOnlyInAcceptedRows(runs.get(PaperKind.SEAL_OVERLAYS), List.of(accepted1, accepted2),
				List.of(rejected));
		String table = text(runs.get(PaperKind.SUMMARY_TABLE));
		assertThat(table).contains("第一联", "第二联", "第三联", closed.batchNo(), "经审核，情况属实，同意报送。", "经验证，本批登记 3 条：",
				"2 条符合规定，予以验证，计", "1 条不予验证：序号 " + rejectedSerial + " 缺少证明材料。");
		// each line of the composed opinion starts with a character a line may start with
		assertThat(table.lines().map(String::strip)).noneMatch((line) -> line.startsWith("。") || line.startsWith("；"));
		assertThat(count(table, "经审核，情况属实，同意报送。")).as("one opinion per copy").isEqualTo(3);
		assertThat(this.printRuns.progress(runs.get(PaperKind.REGISTER_CARDS)).orElseThrow().printed()).isPositive();
		assertThat(this.papers.outputs(verifier, draft.id())).containsOnlyKeys(PaperKind.SUMMARY_TABLE,
				PaperKind.RETURN_SLIP, PaperKind.SEAL_OVERLAYS, PaperKind.REGISTER_CARDS);
		// cells wrap long reasons onto a second line
		String slip = text(runs.get(PaperKind.RETURN_SLIP)).replace("\n", "");
		assertThat(slip).contains("继续教育登记验证退回单", closed.batchNo(), project(rejected), "缺少证明材料：未附结业证书", "其中 1 条不予验证");
		assertThat(slip).doesNotContain(project(accepted1), project(accepted2));
	}

	@Test
	void aBasesSubmissionGoesStraightToTheOffice() throws Exception {
		Map<String, Object> base = bodyWithPendingEntries("BASE");
		long baseId = ((Number) base.get("id")).longValue();
		String channel = (String) base.get("channel");
		List<Long> entryIds = pendingEntries(baseId, 2);
		assertSamePerson(entryIds.get(0), entryIds.get(1));
		nameProjects(entryIds);
		OfficeUser registrar = account("base-reg", OfficeRole.BASE_REGISTRAR, channel, baseId, null);
		OfficeUser verifier = account("hrss-clerk", OfficeRole.CLERK, channel, null, null);

		Submission submission = this.submissions.draft(registrar, entryIds);
		assertThat(submission.departmentId()).isNull();
		this.submissions.submit(registrar, submission.id(), null);
		assertThat(this.submissions.queue(verifier, SubmissionStatus.SUBMITTED)).extracting(Submission::id)
			.containsExactly(submission.id());
		this.submissions.receive(verifier, submission.id());
		this.submissions.decide(verifier, submission.id(), entryIds.get(0), Decision.VERIFIED, null, null);
		this.submissions.decide(verifier, submission.id(), entryIds.get(1), Decision.REJECTED,
				RejectionReason.HOURS_OVER_STANDARD, null);
		this.submissions.close(verifier, submission.id(), null, false);
		EventPublications.awaitCompletion(this.jdbcTemplate);
		Map<PaperKind, Long> runs = this.papers.outputs(verifier, submission.id());

		assertThat(entryRow(entryIds.get(0)).get("status")).isEqualTo("VERIFIED");
		assertThat(entryRow(entryIds.get(1)).get("status")).isEqualTo("REJECTED");
		assertThat(this.submissions.history(verifier, submission.id())).extracting(SubmissionEvent::action)
			.containsExactly("DRAFT", "SUBMIT", "RECEIVE", "DECIDE", "DECIDE", "CLOSE");
		assertSealsOnlyInAcceptedRows(runs.get(PaperKind.SEAL_OVERLAYS), List.of(entryIds.get(0)),
				List.of(entryIds.get(1)));
		assertThat(text(runs.get(PaperKind.SUMMARY_TABLE))).contains("继续教育基地直接报送", "经验证，本批登记 2 条：", "1 条符合规定",
				"序号 2 学时超过登记标准");
	}

	@Test
	void eachRoleActsOnlyWithinItsOwnScope() {
		Map<String, Object> unit = bodyWithPendingEntries("UNIT");
		long unitId = ((Number) unit.get("id")).longValue();
		String channel = (String) unit.get("channel");
		String otherChannel = channel.equals("360100") ? "360400" : "360100";
		long departmentId = ((Number) unit.get("department_id")).longValue();
		List<Long> entryIds = pendingEntries(unitId, 2);
		OfficeUser registrar = account("unit-reg", OfficeRole.UNIT_REGISTRAR, channel, unitId, null);
		OfficeUser reviewer = account("dept-rev", OfficeRole.DEPT_REVIEWER, channel, null, departmentId);
		long otherDepartment = this.jdbc.sql("SELECT MIN(id) FROM department WHERE id <> :id")
			.param("id", departmentId)
			.query(Long.class)
			.single();
		OfficeUser otherReviewer = account("dept-other", OfficeRole.DEPT_REVIEWER, channel, null, otherDepartment);
		OfficeUser verifier = account("hrss-clerk", OfficeRole.CLERK, channel, null, null);
		OfficeUser otherCity = account("hrss-other", OfficeRole.CLERK, otherChannel, null, null);
		// an HRSS clerk who is on the staff of the submitting unit itself
		OfficeUser ownUnitClerk = account("hrss-own", OfficeRole.CLERK, channel, unitId, null);

		Submission submission = this.submissions.draft(registrar, entryIds);
		this.submissions.submit(registrar, submission.id(), null);
		long id = submission.id();
		long entry = entryIds.get(0);

		assertThatExceptionOfType(NotPermittedException.class)
			.isThrownBy(() -> this.submissions.review(otherReviewer, id, true, null))
			.withMessageContaining("只有报送单位的主管部门可以审核");
		assertThatExceptionOfType(NotPermittedException.class)
			.isThrownBy(() -> this.submissions.review(verifier, id, true, null));
		this.submissions.review(reviewer, id, true, null);
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.submissions.receive(otherCity, id))
			.withMessageContaining("不属于您的发证机关");
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.submissions.find(otherCity, id));
		this.submissions.receive(verifier, id);

		assertThatExceptionOfType(NotPermittedException.class).as("a unit cannot verify")
			.isThrownBy(() -> this.submissions.decide(registrar, id, entry, Decision.VERIFIED, null, null));
		assertThatExceptionOfType(NotPermittedException.class).as("a department cannot verify")
			.isThrownBy(() -> this.submissions.decide(reviewer, id, entry, Decision.VERIFIED, null, null));
		assertThatExceptionOfType(NotPermittedException.class).as("another city's office cannot touch it")
			.isThrownBy(() -> this.submissions.decide(otherCity, id, entry, Decision.VERIFIED, null, null));
		assertThatExceptionOfType(NotPermittedException.class).as("nobody verifies their own organisation's entries")
			.isThrownBy(() -> this.submissions.decide(ownUnitClerk, id, entry, Decision.VERIFIED, null, null))
			.withMessageContaining("本单位");
		assertThatExceptionOfType(NotPermittedException.class)
			.isThrownBy(() -> this.submissions.close(registrar, id, null));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM submission_entry WHERE decision IS NOT NULL")
			.query(Long.class)
			.single()).as("no refused attempt left a decision").isZero();
		this.submissions.decide(verifier, id, entry, Decision.VERIFIED, null, null);
		assertThat(this.submissions.reviews(verifier, id).get(0).decision()).isEqualTo(Decision.VERIFIED);
	}

	@Test
	void anEntryIsSubmittedOnceAndOnlyByTheBodyThatRegisteredIt() {
		Map<String, Object> unit = bodyWithPendingEntries("UNIT");
		long unitId = ((Number) unit.get("id")).longValue();
		String channel = (String) unit.get("channel");
		List<Long> entryIds = pendingEntries(unitId, 2);
		OfficeUser registrar = account("unit-reg", OfficeRole.UNIT_REGISTRAR, channel, unitId, null);
		Submission first = this.submissions.draft(registrar, List.of(entryIds.get(0)));
		assertThatExceptionOfType(ConflictException.class).as("409: the entry is in a batch already")
			.isThrownBy(() -> this.submissions.draft(registrar, List.of(entryIds.get(0))))
			.withMessage("登记记录 #%d 已在报送批次 %s 中，不能再加入其他批次", entryIds.get(0), first.batchNo());
		long foreign = this.jdbc.sql("SELECT MIN(id) FROM registration_entry WHERE registered_by_id <> :unit")
			.param("unit", unitId)
			.query(Long.class)
			.single();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.submissions.draft(registrar, List.of(foreign)))
			.withMessageContaining("#" + foreign);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM submission").query(Long.class).single())
			.as("a refused draft stores nothing")
			.isEqualTo(1);
	}

	@Test
	void aRefusalNamesAnotherBodysBatchByItsIdOnly() {
		Map<String, Object> unit = bodyWithPendingEntries("UNIT");
		long unitId = ((Number) unit.get("id")).longValue();
		String channel = (String) unit.get("channel");
		Map<String, Object> other = this.jdbc.sql("""
				SELECT o.id, o.channel_code AS channel FROM organisation o
				WHERE o.kind = 'UNIT' AND o.id <> :unit AND o.department_id IS NOT NULL ORDER BY o.id
				""").param("unit", unitId).query().listOfRows().get(0);
		OfficeUser registrar = account("unit-reg", OfficeRole.UNIT_REGISTRAR, channel, unitId, null);
		OfficeUser otherRegistrar = account("unit-other", OfficeRole.UNIT_REGISTRAR, (String) other.get("channel"),
				((Number) other.get("id")).longValue(), null);
		OfficeUser otherCity = account("hrss-other", OfficeRole.CLERK, channel.equals("360100") ? "360400" : "360100",
				null, null);
		Submission submission = this.submissions.draft(registrar, pendingEntries(unitId, 2));
		long id = submission.id();
		List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> refused = List.of(
				() -> this.submissions.find(otherRegistrar, id), () -> this.submissions.history(otherRegistrar, id),
				() -> this.submissions.submit(otherRegistrar, id, null),
				() -> this.submissions.removeEntry(otherRegistrar, id, 1), () -> this.submissions.find(otherCity, id),
				() -> this.submissions.receive(otherCity, id));
		for (var call : refused) {
			assertThatExceptionOfType(NotPermittedException.class).isThrownBy(call)
				.withMessageContaining("报送批次 #" + id + "：")
				.satisfies((ex) -> assertThat(ex.getMessage()).as("nothing of the batch but its id")
					.doesNotContain(submission.batchNo(), submission.submitterName(), submission.submitterCreditCode(),
							submission.status().label(), submission.officeName()));
		}
	}

	@Test
	void tenConcurrentDraftsOfTheSameEntriesMakeOneBatchAndRefuseTheRestWithAReason() throws Exception {
		Map<String, Object> unit = bodyWithPendingEntries("UNIT");
		long unitId = ((Number) unit.get("id")).longValue();
		List<Long> entryIds = pendingEntries(unitId, 3);
		OfficeUser registrar = account("unit-reg", OfficeRole.UNIT_REGISTRAR, (String) unit.get("channel"), unitId,
				null);

		List<Object> outcomes = concurrently(10, (attempt) -> this.submissions.draft(registrar, entryIds));

		assertThat(outcomes).as("one draft, nine refusals as 409, no 500")
			.map(SubmissionWorkflowContract::status)
			.containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409, 409, 409, 409, 409);
		Submission draft = (Submission) outcomes.stream()
			.filter(Submission.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(draft.entryCount()).isEqualTo(3);
		String expected = "登记记录 %s 已在报送批次 %s 中，不能再加入其他批次".formatted(
				String.join("、", entryIds.stream().sorted().map((entry) -> "#" + entry).toList()), draft.batchNo());
		assertThat(outcomes).filteredOn(ConflictException.class::isInstance)
			.allSatisfy((refusal) -> assertThat(((Exception) refusal).getMessage()).isEqualTo(expected));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM submission").query(Long.class).single())
			.as("the refused drafts stored nothing")
			.isEqualTo(1);
	}

	@Test
	void tenConcurrentDraftsOfDifferentEntriesGetTenBatchNumbers() throws Exception {
		Map<String, Object> unit = bodyWithPendingEntries("UNIT");
		long unitId = ((Number) unit.get("id")).longValue();
		List<Long> entryIds = pendingEntries(unitId, 10);
		OfficeUser registrar = account("unit-reg", OfficeRole.UNIT_REGISTRAR, (String) unit.get("channel"), unitId,
				null);

		List<Object> outcomes = concurrently(10,
				(attempt) -> this.submissions.draft(registrar, List.of(entryIds.get(attempt))));

		assertThat(outcomes).map(SubmissionWorkflowContract::status).as(outcomes.toString()).containsOnly(201);
		List<String> batchNumbers = outcomes.stream().map((draft) -> ((Submission) draft).batchNo()).toList();
		assertThat(batchNumbers).doesNotHaveDuplicates()
			.allSatisfy((batchNo) -> assertThat(batchNo).matches(unit.get("credit_code") + "-\\d{4}-\\d{2,}"));
	}

	/**
	 * Runs the call on as many threads, released together; each outcome is the call's
	 * result or what it threw.
	 */
	private static List<Object> concurrently(int threads, java.util.function.IntFunction<Object> call)
			throws Exception {
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			List<java.util.concurrent.Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int attempt = i;
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return call.apply(attempt);
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			List<Object> outcomes = new ArrayList<>();
			for (var future : futures) {
				outcomes.add(future.get(2, java.util.concurrent.TimeUnit.MINUTES));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The status the API answers for an outcome (web's Refusals); 500 for anything it
	 * does not map.
	 */
	private static int status(Object outcome) {
		if (outcome instanceof Submission) {
			return 201;
		}
		if (outcome instanceof NotPermittedException) {
			return 403;
		}
		if (outcome instanceof ConflictException) {
			return 409;
		}
		if (outcome instanceof InvalidRequestException) {
			return 400;
		}
		return 500;
	}

	private void assertSealsOnlyInAcceptedRows(long overlays, List<Long> accepted, List<Long> rejected)
			throws Exception {
		assertComplete(overlays);
		String certificateNo = this.jdbc.sql("""
				SELECT c.certificate_no FROM certificate c JOIN registration_entry e ON e.person_id = c.person_id
				WHERE e.id = :id AND c.status = 'VALID'
				""").param("id", accepted.get(0)).query(String.class).single();
		PrintRunResult booklet = this.printRuns
			.run(PrintRequest.certificates(List.of(certificateNo), true, PrintStyle.DEFAULT));
		Path overlayFile = only(overlays);
		Path bookletFile = only(booklet.runId());
		int sealsChecked = 0;
		int rejectedRowsChecked = 0;
		try (PDDocument overlay = Loader.loadPDF(overlayFile.toFile());
				PDDocument full = Loader.loadPDF(bookletFile.toFile())) {
			List<PDOutlineItem> pages = new ArrayList<>();
			overlay.getDocumentCatalog().getDocumentOutline().children().forEach(pages::add);
			for (int i = 0; i < overlay.getNumberOfPages(); i++) {
				String title = pages.get(i).getTitle();
				if (!title.startsWith("证书 " + certificateNo)) {
					continue;
				}
				int registrationPage = Integer.parseInt(title.replaceAll(".*登记第 (\\d+) 页.*", "$1"));
				int bookletIndex = registrationPage + 1;
				List<Rectangle2D.Float> headers = PdfProbe.find(full, bookletIndex + 1, "验证单位");
				assertThat(headers)
					.as("page %d of %s (%d pages) is registration page %d", bookletIndex + 1, bookletFile,
							full.getNumberOfPages(), registrationPage)
					.isNotEmpty();
				Rectangle2D.Float header = headers.get(0);
				List<PdfProbe.Seal> onBooklet = PdfProbe.seals(full, bookletIndex);
				for (PdfProbe.Seal seal : PdfProbe.seals(overlay, i)) {
					Point2D.Float centre = seal.centre();
					assertThat(onBooklet).as("the overlay seal lies where the booklet has it").anySatisfy((printed) -> {
						assertThat(printed.centre().x).isCloseTo(centre.x, within(0.01f));
						assertThat(printed.centre().y).isCloseTo(centre.y, within(0.01f));
					});
					assertThat(centre.x).as("in the 验证单位 column").isCloseTo((float) header.getCenterX(), within(32f));
					boolean onAcceptedRow = false;
					for (long id : accepted) {
						for (Rectangle2D.Float row : PdfProbe.find(full, bookletIndex + 1, project(id))) {
							onAcceptedRow |= Math.abs(row.getCenterY() - centre.y) < 26;
						}
					}
					assertThat(onAcceptedRow).as("on the row of an accepted entry").isTrue();
					sealsChecked++;
				}
				List<PdfProbe.Seal> onOverlay = PdfProbe.seals(overlay, i);
				for (long id : rejected) {
					for (Rectangle2D.Float row : PdfProbe.find(full, bookletIndex + 1, project(id))) {
						assertThat(onBooklet).as("no seal on the rejected row of the booklet")
							.noneSatisfy((printed) -> assertThat(Math.abs(printed.centre().y - row.getCenterY()))
								.isLessThan(26f));
						assertThat(onOverlay).as("no seal on the rejected row of the overlay")
							.noneSatisfy((printed) -> assertThat(Math.abs(printed.centre().y - row.getCenterY()))
								.isLessThan(26f));
						rejectedRowsChecked++;
					}
				}
			}
		}
		long acceptedInBooklet = accepted.stream().filter((id) -> certificateNo.equals(this.jdbc.sql("""
				SELECT c.certificate_no FROM certificate c JOIN registration_entry e ON e.person_id = c.person_id
				WHERE e.id = :id AND c.status = 'VALID'
				""").param("id", id).query(String.class).single())).count();
		// adjacent rows verified together share one stamp, on their middle row
		// (SealGroups)
		assertThat(sealsChecked).as("new seals on the booklet's overlay pages").isBetween(1, (int) acceptedInBooklet);
		assertThat(rejectedRowsChecked).as("rejected rows read on the overlay's pages").isEqualTo(rejected.size());
	}

	/**
	 * A run complete as PrintRunResult.complete() tells it: recorded complete in the
	 * database, with the marker in its folder.
	 */
	private void assertComplete(long runId) {
		PrintProgress run = this.printRuns.progress(runId).orElseThrow();
		assertThat(run.complete()).as("run %d complete", runId).isTrue();
		assertThat(this.printing.outputDir().resolve(run.folder()).resolve("_COMPLETE")).exists();
	}

	/** The one file a run printed into, as the database records it. */
	private Path only(long run) {
		List<Path> files = this.printRuns.documentFiles(run);
		assertThat(files).as("files of run %d", run).hasSize(1);
		return files.get(0);
	}

	private String text(long run) throws IOException {
		try (PDDocument document = Loader.loadPDF(only(run).toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static int count(String text, String part) {
		int found = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			found++;
		}
		return found;
	}

	/**
	 * A base or unit with at least three pending entries whose holders all hold a printed
	 * booklet.
	 */
	private Map<String, Object> bodyWithPendingEntries(String kind) {
		return this.jdbc.sql("""
				SELECT o.id, o.channel_code AS channel, o.department_id, o.credit_code, COUNT(*) AS n
				FROM organisation o JOIN registration_entry e ON e.registered_by_id = o.id
				WHERE o.kind = :kind AND e.status = 'PENDING'
				GROUP BY o.id, o.channel_code, o.department_id, o.credit_code HAVING COUNT(*) >= 3
				ORDER BY COUNT(*) DESC, o.id
				""").param("kind", kind).query().listOfRows().get(0);
	}

	/**
	 * The body's pending entries, those of the person with the most of them first, so
	 * that the first two are in one booklet.
	 */
	private List<Long> pendingEntries(long bodyId, int count) {
		return this.jdbc.sql("""
				SELECT e.id FROM registration_entry e
				WHERE e.registered_by_id = :body AND e.status = 'PENDING'
				ORDER BY (SELECT COUNT(*) FROM registration_entry o
				          WHERE o.person_id = e.person_id AND o.registered_by_id = :body AND o.status = 'PENDING') DESC,
				         e.person_id, e.start_date, e.id
				""").param("body", bodyId).query(Long.class).list().subList(0, count);
	}

	private void assertSamePerson(long entry, long other) {
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT person_id) FROM registration_entry WHERE id IN (:ids)")
			.param("ids", List.of(entry, other))
			.query(Long.class)
			.single()).as("entries #%d and #%d belong to one person", entry, other).isEqualTo(1);
	}

	/**
	 * Gives each entry a project name of its own, so its row can be found on the page.
	 */
	private void nameProjects(List<Long> entryIds) {
		for (long id : entryIds) {
			this.jdbc.sql("UPDATE registration_entry SET project_name = :name WHERE id = :id")
				.param("name", project(id))
				.param("id", id)
				.update();
		}
	}

	private static String project(long entryId) {
		return "送审项目" + entryId;
	}

	private Map<String, Object> entryRow(long id) {
		return this.jdbc.sql("""
				SELECT status, verified_by_channel, verified_by_clerk, verified_at, sealed_at, rejection_reason
				FROM registration_entry WHERE id = :id
				""").param("id", id).query((rs, row) -> {
			Map<String, Object> columns = new java.util.HashMap<>();
			for (String column : List.of("status", "verified_by_channel", "verified_by_clerk", "verified_at",
					"sealed_at", "rejection_reason")) {
				columns.put(column, rs.getObject(column));
			}
			return columns;
		}).single();
	}

	private OfficeUser account(String username, OfficeRole role, String channel, Long organisationId,
			Long departmentId) {
		this.users.create(username, "test-" + username, username, role, channel, organisationId, departmentId);
		return this.users.loadUserByUsername(username);
	}

}
