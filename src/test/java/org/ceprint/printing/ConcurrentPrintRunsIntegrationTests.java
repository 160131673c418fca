package org.ceprint.printing;

import java.nio.file.Path;
import java.util.List;

import org.ceprint.testsupport.ChildDatabases;
import org.ceprint.testsupport.TestFolders;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ConcurrentPrintRunsContract} on the embedded H2 file database: the test's
 * application opens it first and serves it to the child JVMs (AUTO_SERVER), as a second
 * terminal reaches the database of a running demo.
 */
class ConcurrentPrintRunsIntegrationTests extends ConcurrentPrintRunsContract {

	private static final Path WORK = TestFolders.fresh("concurrent-runs-h2");

	@DynamicPropertySource
	static void sharedFileDatabase(DynamicPropertyRegistry registry) {
		registry.add("ceprint.data-dir", () -> WORK.resolve("data").toString());
		registry.add("ceprint.printing.output-dir", () -> WORK.resolve("print-batches").toString());
		// the URL of application.yml, which the children use, on the same folder
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
