package org.ceprint.submission;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ceprint.testsupport.ChildDatabases;
import org.ceprint.testsupport.TestFolders;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SubmissionPapersKillContract} on the embedded H2 file database: the test's
 * application opens it first and serves it to the child JVMs (AUTO_SERVER).
 */
class SubmissionPapersKillIntegrationTests extends SubmissionPapersKillContract {

	private static final Path WORK = TestFolders.fresh("submission-kill-h2");

	@DynamicPropertySource
	static void sharedFileDatabase(DynamicPropertyRegistry registry) {
		registry.add("ceprint.data-dir", () -> WORK.resolve("data").toString());
		registry.add("ceprint.printing.output-dir", () -> WORK.resolve("print-batches").toString());
		registry.add("spring.datasource.url", () -> ChildDatabases.sharedH2Url(WORK.resolve("data")));
	}

	@Override
	Path dataDir() {
		return WORK.resolve("data");
	}

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

	/** Halted after two of the four papers: the restart prints only the other two. */
	@Test
	void killedAfterTwoPapersTheRestartPrintsOnlyTheOtherTwo() throws Exception {
		closeKillAndRestart(2);
	}

}
