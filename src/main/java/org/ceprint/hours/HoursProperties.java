package org.ceprint.hours;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rule sets of the annual requirement, by date of effect. Without any configured, the
 * Jiangxi 2012 rule applies to every year (DOMAIN.md: later rules apply only once
 * configured).
 *
 * @param ruleSets rule sets in any order; each applies from its date of effect until the
 * next
 */
@ConfigurationProperties("ceprint.hours")
public record HoursProperties(List<AssessmentRuleSet> ruleSets) {

	public HoursProperties {
		ruleSets = (ruleSets == null || ruleSets.isEmpty()) ? List.of(AssessmentRuleSet.JIANGXI_2012)
				: List.copyOf(ruleSets);
	}

}
