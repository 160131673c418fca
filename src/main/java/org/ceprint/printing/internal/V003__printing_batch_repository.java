package org.ceprint.printing.internal;

import java.sql.Connection;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables from the schema script that ships inside
 * spring-batch-core for the database at hand, so the tables always match the Batch
 * version and are created by the same migration run as ours.
 */
@Component
class V003__printing_batch_repository extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		String platform = product.contains("h2") ? "h2" : product.contains("mariadb") ? "mariadb" : "mysql";
		ScriptUtils.executeSqlScript(connection,
				new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
	}

}
