package org.ceprint.printing.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.hours.AnnualAssessments;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.Holder;
import org.ceprint.registry.Hours;
import org.ceprint.registry.PersonDossier;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectHours;
import org.ceprint.registry.UniqueRows;
import org.ceprint.rendering.RegisterCardRenderer;
import org.ceprint.rendering.RegisterCardView;
import org.ceprint.rendering.RegisterCardYear;
import org.ceprint.rendering.RenderOptions;
import org.ceprint.rendering.RenderResult;

import org.springframework.stereotype.Component;

/**
 * Register cards (继续教育登记卡): keys are person ids. A year's row counts verified learning
 * only (第十四条); the current year is not assessed yet.
 */
@Component
class RegisterCardSource implements DocumentSource<RegisterCardView> {

	private final PersonDossiers dossiers;

	private final RegisterCardRenderer renderer;

	private final AuthenticityCodes codes;

	private final AnnualAssessments assessments;

	private final Clock clock;

	RegisterCardSource(PersonDossiers dossiers, RegisterCardRenderer renderer, AuthenticityCodes codes,
			AnnualAssessments assessments, Clock clock) {
		this.dossiers = dossiers;
		this.renderer = renderer;
		this.codes = codes;
		this.assessments = assessments;
		this.clock = clock;
	}

	@Override
	public DocumentStep step() {
		return DocumentStep.REGISTER_CARDS;
	}

	@Override
	public String kind() {
		return DocumentKind.REGISTER_CARD.name();
	}

	@Override
	public String fileStem() {
		return "register-cards";
	}

	@Override
	public List<Printable<RegisterCardView>> load(List<Long> keys, PrintRunRecord run) {
		Map<Long, PersonDossier> found = UniqueRows.byKey(this.dossiers.findByPersonIds(keys, true),
				(dossier) -> dossier.holder().personId(), "人员");
		return keys.stream().map((key) -> {
			PersonDossier dossier = found.get(key);
			if (dossier == null) {
				return Printable.<RegisterCardView>rejected(key, "人员#" + key, "人员记录已不存在");
			}
			if (dossier.certificateNo() == null) {
				// by the person's id: the reason goes to the log as well as to
				// rejects.csv
				return Printable.<RegisterCardView>rejected(key, "人员#" + key, "没有有效的继续教育证书，登记卡无证书编号可填");
			}
			return Printable.of(key, dossier.certificateNo(), view(dossier), dossier.holder(), List.of());
		}).toList();
	}

	@Override
	public RenderResult render(List<RegisterCardView> views, RenderOptions options, OutputStream out) {
		return this.renderer.render(views, options, out);
	}

	private RegisterCardView view(PersonDossier dossier) {
		Holder holder = dossier.holder();
		List<RegisterCardYear> years = years(holder, dossier.entries());
		return new RegisterCardView(dossier.certificateNo(), holder.name(), holder.sex().label(), holder.birthDate(),
				holder.idNumber(), holder.unitName(), holder.titleLevel().label(), holder.titleName(),
				holder.specialty(), qrContent(dossier), years);
	}

	/**
	 * A card is issued when it is printed; its QR code signs the verified hours it shows,
	 * the years' totals added up.
	 */
	private String qrContent(PersonDossier dossier) {
		Hours total = Hours.sum(dossier.entries().stream().filter(RegistrationEntry::verified).toList());
		return this.codes.qrContent(SignedDocument.of(DocumentKind.REGISTER_CARD, dossier.certificateNo(),
				dossier.holder().name(), dossier.holder().idNumber(), LocalDate.now(this.clock), total.value()));
	}

	private List<RegisterCardYear> years(Holder holder, List<RegistrationEntry> entries) {
		Map<Integer, List<RegistrationEntry>> byYear = new TreeMap<>(
				entries.stream().collect(Collectors.groupingBy((entry) -> entry.startDate().getYear())));
		int currentYear = Year.now(this.clock).getValue();
		List<RegisterCardYear> years = new ArrayList<>();
		byYear.forEach((year, ofYear) -> {
			List<RegistrationEntry> verified = ofYear.stream().filter(RegistrationEntry::verified).toList();
			SubjectHours hours = SubjectHours.of(verified);
			String assessment = (year >= currentYear) ? "年度未结束"
					: this.assessments.assess(holder.titleLevel(), year, hours).label();
			years.add(new RegisterCardYear(year, hours.publicHours().value(), hours.professionalHours().value(),
					hours.total().value(), mainItems(verified), verification(ofYear), assessment));
		});
		return years;
	}

	private static String mainItems(List<RegistrationEntry> verified) {
		return verified.stream()
			.sorted(Comparator.comparing(RegistrationEntry::hours).reversed())
			.limit(3)
			.map(RegistrationEntry::projectName)
			.collect(Collectors.joining("、"));
	}

	private static String verification(List<RegistrationEntry> ofYear) {
		Map<EntryStatus, Long> counts = ofYear.stream()
			.collect(Collectors.groupingBy(RegistrationEntry::status, Collectors.counting()));
		StringBuilder text = new StringBuilder("已验证 " + counts.getOrDefault(EntryStatus.VERIFIED, 0L) + " 项");
		long pending = counts.getOrDefault(EntryStatus.PENDING, 0L);
		long rejected = counts.getOrDefault(EntryStatus.REJECTED, 0L);
		if (pending > 0) {
			text.append("，待验证 ").append(pending).append(" 项");
		}
		if (rejected > 0) {
			text.append("，未通过 ").append(rejected).append(" 项");
		}
		return text.toString();
	}

}
