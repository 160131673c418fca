package org.ceprint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock of every date and time ceprint records or prints, in the province's time
 * zone; in its own configuration so that an application narrower than
 * {@link CeprintApplication} (the command line's {@code verify}) can import it.
 */
@Configuration(proxyBeanMethods = false)
public class Clocks {

	/**
	 * With {@code ceprint.clock.start} (tests, reproducible demonstrations) it reads that
	 * instant when the application starts and runs on from there: dates are pinned, while
	 * waits, rates and throttles still see time pass.
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
