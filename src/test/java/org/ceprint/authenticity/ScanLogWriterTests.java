package org.ceprint.authenticity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.ceprint.CeprintApplication;
import org.ceprint.authenticity.internal.ScanLog;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan log is written in the background, in batches: every check from many threads is
 * a row once flushed, and the rows still queued when the application context closes are
 * written before the database goes. The application runs in a context of its own, closed
 * by the test; its database outlives it ({@code DB_CLOSE_DELAY=-1}), so the rows are
 * counted afterwards.
 */
class ScanLogWriterTests {

	static final String URL = "jdbc:h2:mem:scan-log-writer-tests;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	private static final int THREADS = 8;

	private static final int CHECKS = 400;

	@Test
	void everyCheckIsARowOnceFlushedAndWhenTheContextCloses() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CeprintApplication.class)
			.run("--spring.datasource.url=" + URL, "--server.port=0");
		try {
			int before = rows();
			check(context.getBean(DocumentVerifier.class));
			context.getBean(ScanLog.class).flush();
			assertThat(rows()).isEqualTo(before + THREADS * CHECKS);

			check(context.getBean(DocumentVerifier.class));
			context.close();
			assertThat(rows()).isEqualTo(before + 2 * THREADS * CHECKS);
		}
		finally {
			context.close();
		}
	}

	/** Checks from several threads at once, each a forged token, so each a row. */
	private static void check(DocumentVerifier verifier) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < CHECKS; i++) {
						verifier.verifyToken("NOTATOKEN", ScanChannel.API, "0123456789abcdef");
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static int rows() throws Exception {
		try (Connection connection = DriverManager.getConnection(URL, "sa", "");
				ResultSet count = connection.createStatement()
					.executeQuery("SELECT COUNT(*) FROM verification_scan WHERE outcome = 'FORGED'")) {
			count.next();
			return count.getInt(1);
		}
	}

}
