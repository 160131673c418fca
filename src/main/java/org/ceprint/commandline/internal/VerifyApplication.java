package org.ceprint.commandline.internal;

import org.ceprint.Clocks;
import org.ceprint.authenticity.DocumentVerifier;
import org.ceprint.registry.CertificateDossiers;

import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The application of {@code verify FILE}: what checking a printed code needs and nothing
 * else. The registry and the authenticity module (their beans made only when used), the
 * database with its transactions, the clock, and the command runner; no Flyway, Batch,
 * Modulith events, security, web or metrics, whose configuration took most of the
 * command's start. A database that lacks migrations makes the command start the whole
 * application instead, which migrates ({@link CommandApplication}).
 * <p>
 * Not a {@code @Configuration}: it is only ever the source of its own application, and
 * the whole application's component scan must not take it in (its scan would bring the
 * two modules' classes in again, unfiltered, tests' configurations among them). Its scan
 * leaves out what the whole application's leaves out.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
		DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class })
@ComponentScan(basePackageClasses = { DocumentVerifier.class, CertificateDossiers.class },
		excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class) })
@ConfigurationPropertiesScan(basePackageClasses = DocumentVerifier.class)
@Import({ Clocks.class, CommandLineRunnerConfiguration.class })
class VerifyApplication {

}
