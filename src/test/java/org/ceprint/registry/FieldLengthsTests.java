package org.ceprint.registry;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lengths intake checks are the schema's: a migration that changes a column and not
 * {@link FieldLengths} fails here.
 */
@SpringBootTest
class FieldLengthsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCheckedLengthsAreTheColumnsLengths() {
		Map<String, Integer> expected = Map.of("project_name", FieldLengths.PROJECT_NAME, "content",
				FieldLengths.CONTENT, "result", FieldLengths.RESULT, "outcome", FieldLengths.OUTCOME);
		expected.forEach((column, length) -> assertThat(this.jdbc.sql("""
				SELECT character_maximum_length FROM information_schema.columns
				WHERE LOWER(table_schema) = LOWER(SCHEMA()) AND LOWER(table_name) = 'registration_entry'
				  AND LOWER(column_name) = ?
				""").param(column).query(Integer.class).single()).as(column).isEqualTo(length));
		assertThat(this.jdbc.sql("""
				SELECT character_maximum_length FROM information_schema.columns
				WHERE LOWER(table_schema) = LOWER(SCHEMA()) AND LOWER(table_name) = 'person'
				  AND LOWER(column_name) = 'name'
				""").query(Integer.class).single()).as("person.name").isEqualTo(FieldLengths.PERSON_NAME);
	}

}
