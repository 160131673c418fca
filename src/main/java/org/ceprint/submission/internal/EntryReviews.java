package org.ceprint.submission.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ceprint.hours.AnnualAssessment;
import org.ceprint.hours.AnnualAssessments;
import org.ceprint.hours.CreditItem;
import org.ceprint.hours.HoursCheck;
import org.ceprint.hours.HoursStandard;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.Hours;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonDossier;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectHours;
import org.ceprint.registry.UniqueRows;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.stereotype.Component;

/**
 * The entries of a batch as the verifying clerk sees them: each with its holder, the
 * decision so far, and the checks that come for free (hours against the standard, the
 * year's verified hours against the requirement, possible duplicates, a full booklet).
 */
@Component
public class EntryReviews {

	private final SubmissionRepository repository;

	private final Organisations organisations;

	private final RegistrationEntries entries;

	private final PersonDossiers people;

	private final HoursStandard standard;

	private final AnnualAssessments assessments;

	private final RenderingProperties rendering;

	EntryReviews(SubmissionRepository repository, Organisations organisations, RegistrationEntries entries,
			PersonDossiers people, HoursStandard standard, AnnualAssessments assessments,
			RenderingProperties rendering) {
		this.repository = repository;
		this.organisations = organisations;
		this.entries = entries;
		this.people = people;
		this.standard = standard;
		this.assessments = assessments;
		this.rendering = rendering;
	}

	/** In table order. */
	public List<EntryReview> of(long submissionId) {
		Map<Long, SubmissionRepository.StoredDecision> decisions = this.repository.decisions(submissionId);
		List<RegistrationEntry> members = this.entries.findByIds(decisions.keySet());
		Map<Long, PersonDossier> dossiers = UniqueRows.byKey(this.people
			.findByPersonIds(members.stream().map(RegistrationEntry::personId).distinct().toList(), true),
				(dossier) -> dossier.holder().personId(), "人员");
		Map<Long, List<RegistrationEntry>> duplicates = this.entries.possibleDuplicates(decisions.keySet());
		Set<Long> bases = new HashSet<>();
		this.organisations.findByIds(members.stream().map(RegistrationEntry::registeredById).toList())
			.values()
			.stream()
			.filter((body) -> body.kind() == Organisation.Kind.BASE)
			.forEach((body) -> bases.add(body.id()));
		List<EntryReview> reviews = new ArrayList<>();
		for (RegistrationEntry entry : members) {
			PersonDossier dossier = dossiers.get(entry.personId());
			int year = entry.startDate().getYear();
			List<RegistrationEntry> verifiedThisYear = dossier.entries()
				.stream()
				.filter((other) -> other.verified() && other.id() != entry.id() && other.startDate().getYear() == year)
				.toList();
			Hours sameForm = Hours
				.sum(verifiedThisYear.stream().filter((other) -> other.form() == entry.form()).toList());
			HoursCheck hours = this.standard.check(entry.form(), CreditItem.find(entry.creditItem()).orElse(null),
					entry.startDate(), entry.endDate(), entry.hours(), bases.contains(entry.registeredById()),
					sameForm.value());
			AnnualAssessment assessment = this.assessments.assess(dossier.holder().titleLevel(), year,
					SubjectHours.of(verifiedThisYear));
			long inCurrentVolume = dossier.entries()
				.stream()
				.filter((other) -> other.volumeCertificateId() == null && other.status() != EntryStatus.REJECTED)
				.count();
			SubmissionRepository.StoredDecision decided = decisions.get(entry.id());
			reviews.add(new EntryReview(reviews.size() + 1, entry, dossier.holder().name(), dossier.holder().idNumber(),
					dossier.holder().unitName(),
					(dossier.holder().titleName() != null) ? dossier.holder().titleName()
							: dossier.holder().titleLevel().label(),
					dossier.certificateNo(),
					dossier.certificateNo() != null && inCurrentVolume > this.rendering.rowCapacity(), hours,
					duplicates.getOrDefault(entry.id(), List.of()).stream().map(EntryReviews::describe).toList(),
					Hours.of(assessment.countedHours()), Hours.of(assessment.requiredHours()), assessment.ruleSet(),
					decided.decision(), decided.reason(), decided.note(), decided.by(), decided.at()));
		}
		return reviews;
	}

	private static String describe(RegistrationEntry other) {
		return "#%d %s %s–%s（%s）".formatted(other.id(), other.projectName(), other.startDate(), other.endDate(),
				other.status().label());
	}

}
