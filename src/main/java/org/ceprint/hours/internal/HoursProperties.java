package org.ceprint.hours.internal;

import java.util.List;

import org.ceprint.hours.AssessmentRuleSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The rule sets of the annual requirement, by date of effect. Without any configured, the
 * Jiangxi 2012 rule applies to every year (docs/domain.md: later rules apply only once
 * configured).
 *
 * @param ruleSets rule sets in any order; each applies from its date of effect until the
 * next
 * @param creditingStandards versions of the hours-crediting standard (第六条), likewise
 */
@ConfigurationProperties("ceprint.hours")
public record HoursProperties(List<AssessmentRuleSet> ruleSets, List<CreditingStandard> creditingStandards) {

	@ConstructorBinding
	public HoursProperties {
		ruleSets = (ruleSets == null || ruleSets.isEmpty()) ? List.of(AssessmentRuleSet.JIANGXI_2012)
				: List.copyOf(ruleSets);
		creditingStandards = (creditingStandards == null || creditingStandards.isEmpty())
				? List.of(CreditingStandard.JIANGXI_2012) : List.copyOf(creditingStandards);
	}

	public HoursProperties(List<AssessmentRuleSet> ruleSets) {
		this(ruleSets, null);
	}

}
