package org.ceprint.authenticity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.authenticity.internal.AuthenticityProperties;
import org.ceprint.authenticity.internal.ScanLog;
import org.ceprint.authenticity.internal.ScanLogRetention;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The scan log keeps its rows for {@code scan-retention} (180 days by default): pruning
 * deletes older rows and adds those of an office's documents to the daily counts, which
 * the office still sees; newer rows stay. The scheduled pruning exists only while
 * serving.
 */
@SpringBootTest
class ScanLogRetentionTests {

	@Autowired
	ScanLogRetention retention;

	@Autowired
	ScanLog scans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void empty() {
		// rows of earlier checks are written in the background: all in before emptying
		this.scans.flush();
		this.jdbc.sql("DELETE FROM verification_scan").update();
		this.jdbc.sql("DELETE FROM verification_scan_daily").update();
	}

	@Test
	void rowsOlderThanTheRetentionAreDeletedAndTheirDailyCountsKept() {
		LocalDateTime now = LocalDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
		LocalDateTime recent = now.minusHours(1);
		LocalDateTime old = now.minusDays(200).withHour(9);
		insert(old, "36010020240000019", "VALID", "360100");
		insert(old.plusHours(1), "36010020240000019", "VALID", "360100");
		insert(old.plusHours(2), "36010020240000019", "NOT_FOUND", "360100");
		insert(old.plusHours(3), "36040020240000011", "VALID", "360400");
		insert(old.plusHours(4), null, "FORGED", null);
		insert(now.minusDays(181), "36010020240000019", "VALID", "360100");
		insert(now.minusDays(179), "36010020240000019", "VALID", "360100");
		insert(recent, "36010020240000019", "VALID", "360100");

		assertThat(this.retention.prune()).isEqualTo(6);

		assertThat(this.jdbc.sql("SELECT scanned_at FROM verification_scan ORDER BY scanned_at")
			.query(LocalDateTime.class)
			.list()).containsExactly(now.minusDays(179), recent);
		List<ScanLog.DailyCount> nanchang = this.scans.dailyCounts("360100", old.toLocalDate(), now.toLocalDate());
		assertThat(nanchang).containsExactly(
				new ScanLog.DailyCount(recent.toLocalDate(), "CERTIFICATE", "36010020240000019", 1, 0),
				new ScanLog.DailyCount(now.minusDays(179).toLocalDate(), "CERTIFICATE", "36010020240000019", 1, 0),
				new ScanLog.DailyCount(now.minusDays(181).toLocalDate(), "CERTIFICATE", "36010020240000019", 1, 0),
				new ScanLog.DailyCount(old.toLocalDate(), "CERTIFICATE", "36010020240000019", 3, 1));
		assertThat(this.scans.dailyCounts("360400", old.toLocalDate(), now.toLocalDate()))
			.containsExactly(new ScanLog.DailyCount(old.toLocalDate(), "CERTIFICATE", "36040020240000011", 1, 0));

		// nothing left to prune: the counts stay as they are
		assertThat(this.retention.prune()).isZero();
		assertThat(this.scans.dailyCounts("360100", old.toLocalDate(), old.toLocalDate()))
			.extracting(ScanLog.DailyCount::checks)
			.containsExactly(3);
	}

	@Test
	void aDayPrunedInTwoPartsAddsUpAndKeptRowsCountWithTheRolledUpOnes() {
		LocalDate day = LocalDate.now(this.clock).minusDays(300);
		insert(day.atTime(8, 0), "36010020240000019", "VALID", "360100");
		insert(day.atTime(12, 0), "36010020240000019", "VALID", "360100");
		insert(day.atTime(16, 0), "36010020240000019", "FORGED", "360100");

		assertThat(this.scans.prune(day.atTime(10, 0))).isEqualTo(1);
		assertThat(this.scans.dailyCounts("360100", day, day))
			.containsExactly(new ScanLog.DailyCount(day, "CERTIFICATE", "36010020240000019", 3, 1));
		assertThat(this.scans.prune(day.atTime(20, 0))).isEqualTo(2);
		assertThat(this.scans.dailyCounts("360100", day, day))
			.containsExactly(new ScanLog.DailyCount(day, "CERTIFICATE", "36010020240000019", 3, 1));
		assertThat(this.jdbc.sql("SELECT checks FROM verification_scan_daily").query(Integer.class).list())
			.containsExactly(3);
	}

	@Test
	void thePruningIsScheduledOnlyInAWebApplicationAndCanBeSwitchedOff() {
		AutoConfigurations placeholders = AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class);
		new WebApplicationContextRunner().withConfiguration(placeholders)
			.withUserConfiguration(ScanLogRetention.class)
			.withBean(ScanLog.class, () -> mock(ScanLog.class))
			.withBean(AuthenticityProperties.class, AuthenticityPropertiesFixture::defaults)
			.withBean(Clock.class, Clock::systemUTC)
			.run((context) -> assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks()).hasSize(1));
		new WebApplicationContextRunner().withConfiguration(placeholders)
			.withPropertyValues("ceprint.authenticity.prune-cron=-")
			.withUserConfiguration(ScanLogRetention.class)
			.withBean(ScanLog.class, () -> mock(ScanLog.class))
			.withBean(AuthenticityProperties.class, AuthenticityPropertiesFixture::defaults)
			.withBean(Clock.class, Clock::systemUTC)
			.run((context) -> assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks()).isEmpty());
		new ApplicationContextRunner().withConfiguration(placeholders)
			.withUserConfiguration(ScanLogRetention.class)
			.withBean(ScanLog.class, () -> mock(ScanLog.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ScanLogRetention.class);
				assertThat(context).doesNotHaveBean(ScheduledTaskHolder.class);
			});
	}

	private void insert(LocalDateTime at, String documentNo, String outcome, String office) {
		this.jdbc.sql("""
				INSERT INTO verification_scan (scanned_at, channel, document_kind, document_no, outcome, client_key,
				                               office_channel)
				VALUES (:at, 'QR', :kind, :no, :outcome, '0123456789abcdef', :office)
				""")
			.param("at", at)
			.param("kind", (documentNo != null) ? "CERTIFICATE" : null)
			.param("no", documentNo)
			.param("outcome", outcome)
			.param("office", office)
			.update();
	}

	/** The settings with their defaults. */
	static final class AuthenticityPropertiesFixture {

		static AuthenticityProperties defaults() {
			return new AuthenticityProperties("http://localhost:8080", java.nio.file.Path.of("keys"), null, false,
					java.util.Set.of(), 10, 60, java.time.Duration.ofDays(180), "0 30 3 * * *");
		}

	}

}
