package org.ceprint;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ceprint: printing service for Jiangxi's continuing-education registration. The jar's
 * entry point is the command line ({@code commandline.CeprintCommandLine}), which parses
 * a command before it starts this application; this package holds only the application,
 * its clock and the refusals every module may throw, so that it depends on no module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CeprintApplication {

}
