package org.ceprint;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ceprint: printing service for Jiangxi's continuing-education registration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CeprintApplication {

	public static void main(String[] args) {
		org.springframework.boot.SpringApplication.run(CeprintApplication.class, args);
	}

}
