package org.ceprint.submission.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;
import org.ceprint.submission.Submissions;

import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A paper that cannot be printed leaves the closing's event incomplete (to be handed over
 * again) and records why, in words the batch page can show; printed at a later try, the
 * reason goes.
 */
class SubmissionPapersFailureTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	final Submissions submissions = mock(Submissions.class);

	final SubmissionOutputs outputs = mock(SubmissionOutputs.class);

	final PrintRuns printRuns = mock(PrintRuns.class);

	final SubmissionPapers papers = new SubmissionPapers(this.submissions, this.outputs, this.printRuns,
			mock(PlatformTransactionManager.class), CLOCK, -1);

	@Test
	void aRunThatFailsIsRecordedInWordsAndTheEventStaysIncomplete() {
		when(this.submissions.reviews(7L)).thenReturn(List.of());
		when(this.outputs.run(7L, PaperKind.SUMMARY_TABLE)).thenReturn(Optional.empty());
		when(this.printRuns.create(any())).thenReturn(41L);
		when(this.printRuns.execute(41L)).thenThrow(new IllegalStateException("No space left on device"));

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.papers.print(new SubmissionClosed(7L, false)));
		verify(this.outputs).recordFailure(7L, "报送批次 #7 的登记汇总表（一式三份）未能打印（打印批次 41）", LocalDateTime.now(CLOCK));
		verify(this.outputs, never()).clearFailure(7L);
	}

	@Test
	void anUnexpectedFailureIsRecordedWithoutTheLibrarysText() {
		when(this.submissions.reviews(8L)).thenThrow(new IllegalStateException("Connection is not available"));

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.papers.print(new SubmissionClosed(8L, false)));
		verify(this.outputs).recordFailure(8L, "报送批次 #8 的办结文书打印出错", LocalDateTime.now(CLOCK));
	}

	@Test
	void papersPrintedAtALaterTryClearTheReason() {
		when(this.submissions.reviews(9L)).thenReturn(List.of());
		when(this.outputs.run(9L, PaperKind.SUMMARY_TABLE)).thenReturn(Optional.empty());
		when(this.printRuns.create(any())).thenReturn(42L);
		PrintRunResult done = mock(PrintRunResult.class);
		when(done.complete()).thenReturn(true);
		when(this.printRuns.execute(42L)).thenReturn(done);

		this.papers.print(new SubmissionClosed(9L, false));
		verify(this.outputs).clearFailure(9L);
		verify(this.outputs, never()).recordFailure(any(Long.class), any(), any());
	}

	@Test
	void aBatchHasFailedOnlyWhilePapersAreMissing() {
		SubmissionPapers.Paper printed = new SubmissionPapers.Paper(PaperKind.SUMMARY_TABLE, 1, "f", 3, 3, 0, true);
		SubmissionPapers.Paper unfinished = new SubmissionPapers.Paper(PaperKind.REGISTER_CARDS, 2, "g", 3, 1, 0,
				false);
		assertThat(new SubmissionPapers.ClosingPapers(List.of(printed, unfinished), 0, "原因").failed()).isTrue();
		assertThat(new SubmissionPapers.ClosingPapers(List.of(printed), 1, "原因").failed()).isTrue();
		assertThat(new SubmissionPapers.ClosingPapers(List.of(printed), 0, "原因").failed())
			.as("printed since, by print resume")
			.isFalse();
		assertThat(new SubmissionPapers.ClosingPapers(List.of(printed, unfinished), 0, null).failed()).isFalse();
	}

}
