package org.ceprint.intake;

import java.nio.file.Path;
import java.util.List;

import org.ceprint.testsupport.ChildDatabases;
import org.ceprint.testsupport.TestFolders;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ImportOutcomeContract} on the embedded H2 file database, which the test's
 * application opens first and serves to the child JVM (AUTO_SERVER).
 */
class ImportOutcomeIntegrationTests extends ImportOutcomeContract {

	private static final Path WORK = TestFolders.fresh("import-outcome-h2");

	@DynamicPropertySource
	static void sharedFileDatabase(DynamicPropertyRegistry registry) {
		registry.add("ceprint.data-dir", () -> WORK.resolve("data").toString());
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

}
