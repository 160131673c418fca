package org.ceprint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * ceprint: printing service for Jiangxi's continuing-education registration. The jar's
 * entry point is the command line ({@code commandline.CeprintCommandLine}), which parses
 * a command before it starts this application; this package holds only the application
 * and the refusals every module may throw, so that it depends on no module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CeprintApplication {

	/**
	 * The clock of every date and time ceprint records or prints, in the province's time
	 * zone. With {@code ceprint.clock.start} (tests, reproducible demonstrations) it
	 * reads that instant when the application starts and runs on from there: dates are
	 * pinned, while waits, rates and throttles still see time pass.
	 */
	@Bean
	Clock clock(@Value("${ceprint.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${ceprint.clock.start:}") String start) {
		Clock system = Clock.system(zone);
		if (start.isBlank()) {
			return system;
		}
		Instant pinned = OffsetDateTime.parse(start.strip()).toInstant();
		return Clock.offset(system, Duration.between(Instant.now(system), pinned));
	}

}
