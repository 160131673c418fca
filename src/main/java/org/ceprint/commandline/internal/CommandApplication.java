package org.ceprint.commandline.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts the application for a command already parsed and checked, and exits with the
 * command's exit code, unless it keeps serving.
 * <p>
 * {@code demo} and {@code serve} start everything: the web server and every bean, so that
 * the first request finds them ready. Every other command runs once and exits: it starts
 * without a web server, creates beans only when the command asks for them, and leaves out
 * what only a running server uses (metrics, health, pages), measured to take a large
 * share of a short command's start (README, "Command line").
 */
public final class CommandApplication {

	/**
	 * Auto-configurations a command that runs once never uses. Names of classes absent
	 * from the class path are ignored by Spring Boot.
	 */
	/** Spring Modulith's event publication registry, by its bean name. */
	private static final String EVENT_REGISTRY = "eventPublicationRegistry";

	static final List<String> NOT_FOR_ONE_COMMAND = List.of(
			"org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration",
			"org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
			"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
			"org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
			"org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
			"org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
			"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
			// the Jackson 3 serializer stores events; this one's condition alone loads
			// Jackson 2
			"org.springframework.modulith.events.jackson2.Jackson2EventSerializationConfiguration");

	private CommandApplication() {
	}

	/**
	 * @param commandApplication the configuration the command starts with: the whole
	 * application or a narrower one ({@link StartChecks#application()}); on a database
	 * that lacks migrations the whole application starts instead, with Flyway
	 */
	public static void run(Class<?> applicationClass, Class<?> commandApplication, String[] args, boolean serving) {
		if (!serving) {
			// its thread warms up Jackson, Tomcat and message converters: work a
			// short command pays for on a small machine and never uses. Read when the
			// listener is made, in SpringApplication's constructor: set before it
			System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		}
		ConfigurableApplicationContext context;
		try {
			context = start(commandApplication, args, serving, false);
		}
		catch (SpringApplication.AbandonedRunException ex) {
			// the database lacks migrations (SchemaCheck): again, with Flyway. The first
			// start closes once the tables are there, since its event registry reads
			// them when it closes
			context = start(applicationClass, args, serving, true);
			ex.getApplicationContext().getBean(PlatformTransactionManager.class);
			ex.getApplicationContext().close();
		}
		CommandExitCode exitCode = context.getBean(CommandExitCode.class);
		if (!serving && context.getBeanFactory().containsSingleton(EVENT_REGISTRY)) {
			// Spring Modulith's event registry reads its table when the context closes; a
			// command that never touched the database (samples) made it lazily without
			// the
			// transaction manager, which a closing context can no longer create: Spring
			// then printed its own English error on the way out
			context.getBean(PlatformTransactionManager.class);
		}
		if (!serving || exitCode.value() != 0 || !exitCode.keepServing()) {
			System.exit(SpringApplication.exit(context, exitCode::value));
		}
	}

	private static ConfigurableApplicationContext start(Class<?> applicationClass, String[] args, boolean serving,
			boolean migrate) {
		SpringApplication application = new SpringApplication(applicationClass);
		application.setWebApplicationType(serving ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		// operators read the command's own summary; Spring's start-up log only at WARN
		// unless asked for
		application
			.setDefaultProperties(Map.of(CommandLineRunnerConfiguration.ENABLED_PROPERTY, "true", "logging.level.root",
					"WARN", "logging.level.org.ceprint", "INFO", "spring.main.log-startup-info", "false",
					// the console shows one line a message; the file keeps the details
					// (logback-spring.xml)
					"logging.file.name", "${ceprint.data-dir}/logs/ceprint.log"));
		if (!serving) {
			// a --spring.main.lazy-initialization=false on the command line still wins
			application.setLazyInitialization(true);
			application
				.addInitializers((context) -> oneCommand(context.getEnvironment().getPropertySources(), migrate));
		}
		return application.run(args);
	}

	/**
	 * Settings of a command that runs once, above application.yml and below the command
	 * line's own {@code --spring.…} arguments.
	 */
	private static void oneCommand(MutablePropertySources sources, boolean migrate) {
		MapPropertySource settings = new MapPropertySource("ceprintOneCommand",
				Map.of("spring.autoconfigure.exclude", String.join(",", NOT_FOR_ONE_COMMAND),
						// events left incomplete by a crash are the server's to resume
						// (serve, demo): a verify or an import started beside a running
						// server must not run its listeners a second time
						"spring.modulith.events.republish-outstanding-events-on-restart", "false",
						// Flyway only when the database lacks migrations (SchemaCheck)
						"spring.flyway.enabled", String.valueOf(migrate),
						CommandLineRunnerConfiguration.SCHEMA_CHECK_PROPERTY, String.valueOf(!migrate)));
		if (sources.contains("commandLineArgs")) {
			sources.addAfter("commandLineArgs", settings);
		}
		else {
			sources.addFirst(settings);
		}
	}

}
