package org.ceprint.printing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.ceprint.testsupport.ChildDatabases;
import org.ceprint.testsupport.TestFolders;

/**
 * {@link PrintRunKillContract} on the embedded H2 file database, which the killed process
 * owns as the demo does: the kill stops the database engine too, and the resumption
 * recovers the file.
 */
class PrintRunKillIntegrationTests extends PrintRunKillContract {

	@Override
	Path workFolder() {
		return TestFolders.fresh("print-kill-h2");
	}

	@Override
	List<String> databaseSettings() {
		return List.of();
	}

	@Override
	Connection connect(Path dataDir) throws SQLException {
		return DriverManager.getConnection(ChildDatabases.sharedH2Url(dataDir), "sa", "");
	}

	@Override
	boolean commitsSurviveACrash() {
		return false;
	}

}
