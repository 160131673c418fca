package org.ceprint;

import java.time.Clock;
import java.time.ZoneId;

import org.ceprint.commandline.CeprintCommandLine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * ceprint: printing service for Jiangxi's continuing-education registration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CeprintApplication {

	/**
	 * The clock of every date and time ceprint records or prints, in the province's time
	 * zone.
	 */
	@Bean
	Clock clock(@Value("${ceprint.time-zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

	public static void main(String[] args) {
		CeprintCommandLine.launch(CeprintApplication.class, args);
	}

}
