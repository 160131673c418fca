package org.ceprint.submission;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ceprint.testsupport.ChildDatabases;
import org.ceprint.testsupport.MariaDbTest;
import org.ceprint.testsupport.TestFolders;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SubmissionPapersKillContract} on a real MariaDB server, the children connecting
 * to the same database as the test.
 */
@MariaDbTest
class SubmissionPapersKillMariaDbIntegrationTests extends SubmissionPapersKillContract {

	private static final Path WORK = TestFolders.fresh("submission-kill-mariadb");

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void sharedFolders(DynamicPropertyRegistry registry) {
		registry.add("ceprint.data-dir", () -> WORK.resolve("data").toString());
		registry.add("ceprint.printing.output-dir", () -> WORK.resolve("print-batches").toString());
	}

	@Override
	Path dataDir() {
		return WORK.resolve("data");
	}

	@Override
	List<String> databaseArguments() {
		return ChildDatabases.mariaDbArguments(this.environment);
	}

	/** Halted right after the closing's commit: the restart prints each paper once. */
	@Test
	void killedRightAfterTheClosingsCommitTheRestartPrintsEachPaperOnce() throws Exception {
		closeKillAndRestart(0);
	}

}
