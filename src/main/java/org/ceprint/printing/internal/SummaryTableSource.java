package org.ceprint.printing.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.printing.SubmissionTables;
import org.ceprint.registry.Holder;
import org.ceprint.registry.Hours;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonDossier;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectType;
import org.ceprint.rendering.RenderOptions;
import org.ceprint.rendering.RenderResult;
import org.ceprint.rendering.SummaryTableRenderer;
import org.ceprint.rendering.SummaryTableRow;
import org.ceprint.rendering.SummaryTableView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Summary tables (登记汇总表). For a submission's run the key is the submission and its table,
 * opinions included, comes from {@link SubmissionTables}. Otherwise keys are registering
 * bodies: one yearly table per body lists the entries it registered in the run's year,
 * under the batch number of its credit code and the year.
 */
@Component
class SummaryTableSource implements DocumentSource<SummaryTableView> {

	private final Organisations organisations;

	private final RegistrationEntries entries;

	private final PersonDossiers people;

	private final AuthenticityCodes codes;

	private final Clock clock;

	private final SummaryTableRenderer renderer;

	private final ObjectProvider<SubmissionTables> submissions;

	SummaryTableSource(Organisations organisations, RegistrationEntries entries, PersonDossiers people,
			AuthenticityCodes codes, Clock clock, SummaryTableRenderer renderer,
			ObjectProvider<SubmissionTables> submissions) {
		this.submissions = submissions;
		this.organisations = organisations;
		this.entries = entries;
		this.people = people;
		this.codes = codes;
		this.clock = clock;
		this.renderer = renderer;
	}

	@Override
	public DocumentStep step() {
		return DocumentStep.SUMMARY_TABLES;
	}

	@Override
	public String kind() {
		return DocumentKind.SUMMARY_TABLE.name();
	}

	@Override
	public String fileStem() {
		return "summary-tables";
	}

	@Override
	public List<Printable<SummaryTableView>> load(List<Long> keys, PrintRunRecord run) {
		List<Printable<SummaryTableView>> loaded = new ArrayList<>();
		if (run.submissionId() != null) {
			SubmissionTables tables = this.submissions.getIfAvailable();
			for (Long key : keys) {
				loaded.add((tables == null) ? Printable.rejected(key, "报送#" + key, "未配置报送批次模块")
						: tables.summaryTable(key)
							.map((view) -> Printable.of(key, view.batchNo(), view))
							.orElseGet(() -> Printable.rejected(key, "报送#" + key, "报送批次不存在")));
			}
			return loaded;
		}
		for (Long key : keys) {
			Organisation body = this.organisations.findById(key).orElse(null);
			if (body == null) {
				loaded.add(Printable.rejected(key, "单位#" + key, "登记单位记录已不存在"));
				continue;
			}
			String batchNo = body.creditCode() + "-" + run.entryYear();
			List<RegistrationEntry> registered = this.entries.findByRegisteringBodyAndYear(key, run.entryYear());
			loaded.add(Printable.of(key, batchNo, view(body, batchNo, registered)));
		}
		return loaded;
	}

	@Override
	public RenderResult render(List<SummaryTableView> views, RenderOptions options, OutputStream out) {
		return this.renderer.render(views, options, out);
	}

	private SummaryTableView view(Organisation body, String batchNo, List<RegistrationEntry> registered) {
		Map<Long, Holder> holders = new HashMap<>();
		Map<Long, String> certificateNos = new HashMap<>();
		for (PersonDossier person : this.people
			.findByPersonIds(registered.stream().map(RegistrationEntry::personId).distinct().toList(), false)) {
			holders.put(person.holder().personId(), person.holder());
			certificateNos.put(person.holder().personId(), person.certificateNo());
		}
		List<SummaryTableRow> rows = new ArrayList<>();
		for (RegistrationEntry entry : registered) {
			Holder holder = holders.get(entry.personId());
			boolean isPublic = entry.subjectType() == SubjectType.PUBLIC;
			rows.add(new SummaryTableRow(rows.size() + 1, holder.name(), holder.idNumber(),
					certificateNos.getOrDefault(entry.personId(), ""), holder.unitName(), title(holder),
					entry.projectName(), entry.form().label(), entry.startDate(), entry.endDate(),
					isPublic ? entry.hours() : BigDecimal.ZERO, isPublic ? BigDecimal.ZERO : entry.hours(),
					entry.result()));
		}
		LocalDate filledOn = LocalDate.now(this.clock);
		return new SummaryTableView(batchNo, body.name(), body.creditCode(), body.departmentName(),
				body.channelOfficeName(), filledOn, this.codes.qrContent(SignedDocument.of(DocumentKind.SUMMARY_TABLE,
						batchNo, body.name(), null, filledOn, Hours.sum(registered).value())),
				rows);
	}

	private static String title(Holder holder) {
		return (holder.titleName() != null) ? holder.titleName() : holder.titleLevel().label();
	}

}
