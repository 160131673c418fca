package org.ceprint.reissue;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module event listeners run on Spring Boot's application task executor, so that the
 * counter's request returns once a reissue is stored and the booklet prints behind it.
 * The application needs this once; it lives here until a shared configuration holds it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class ReissueConfiguration {

}
