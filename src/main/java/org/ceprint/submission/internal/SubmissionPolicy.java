package org.ceprint.submission.internal;

import java.util.List;

import org.ceprint.ConflictException;
import org.ceprint.accounts.OfficeRole;
import org.ceprint.accounts.OfficeUser;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.RegistrationEntry;

import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a batch (第十至十三条): registrars act for their own base or
 * unit, reviewers for their own department's units, HRSS staff for batches of their own
 * channel once at the office, and nobody decides on entries of their own organisation. A
 * refusal names a batch by its id only: an account refused a batch may not learn its
 * number, submitter or status.
 */
@Component
public class SubmissionPolicy {

	/** Which batches an account's queue holds. */
	record QueueScope(Kind kind, Object key) {

		enum Kind {

			/** the HRSS office's channel */
			OFFICE,
			/** the reviewer's department */
			DEPARTMENT,
			/** the registrar's own body */
			SUBMITTER

		}

	}

	private final Organisations organisations;

	private final PersonDossiers people;

	SubmissionPolicy(Organisations organisations, PersonDossiers people) {
		this.organisations = organisations;
		this.people = people;
	}

	/**
	 * The base or unit the registrar submits for, if it may submit at all.
	 * @throws NotPermittedException for an account that is no registrar
	 * @throws ConflictException for a unit without its supervising department
	 */
	public Organisation submitterOf(OfficeUser actor) {
		Organisation submitter = registrarsOrganisation(actor);
		if (submitter.kind() == Organisation.Kind.UNIT && submitter.departmentId() == null) {
			throw new ConflictException("单位「%s」（%s）未登记主管部门（organisation.department_id）：按第十一条，单位须经主管部门审核后报送"
				.formatted(submitter.name(), submitter.creditCode()));
		}
		return submitter;
	}

	Organisation registrarsOrganisation(OfficeUser actor) {
		if ((actor.role() != OfficeRole.UNIT_REGISTRAR && actor.role() != OfficeRole.BASE_REGISTRAR)
				|| actor.organisationId() == null) {
			throw new NotPermittedException(
					"账号 %s（%s）不能报送：只有单位或继续教育基地的登记员可以报送".formatted(actor.username(), actor.role().label()));
		}
		Organisation organisation = this.organisations.findById(actor.organisationId())
			.orElseThrow(() -> new ConflictException(
					"账号 %s 的所属单位 #%d 不存在".formatted(actor.username(), actor.organisationId())));
		Organisation.Kind expected = (actor.role() == OfficeRole.UNIT_REGISTRAR) ? Organisation.Kind.UNIT
				: Organisation.Kind.BASE;
		if (organisation.kind() != expected) {
			throw new NotPermittedException("账号 %s 是%s，但「%s」是%s".formatted(actor.username(), actor.role().label(),
					organisation.name(), organisation.kind().label()));
		}
		return organisation;
	}

	/** Only the submitting body changes a draft or a returned batch. */
	public void requireEditable(OfficeUser actor, Submission submission) {
		if (registrarsOrganisation(actor).id() != submission.submitterId()) {
			throw notPermitted(actor, submission, "只有报送单位本身可以修改和报送");
		}
		if (submission.status() != SubmissionStatus.DRAFT && submission.status() != SubmissionStatus.RETURNED) {
			throw new ConflictException(
					"报送批次 %s 现为「%s」，只有草稿或已退回的批次可以修改和报送".formatted(submission.batchNo(), submission.status().label()));
		}
	}

	public void requireReviewer(OfficeUser actor, Submission submission) {
		if (actor.role() != OfficeRole.DEPT_REVIEWER || actor.departmentId() == null
				|| !actor.departmentId().equals(submission.departmentId())) {
			throw notPermitted(actor, submission, "只有报送单位的主管部门可以审核");
		}
	}

	/** Only the HRSS office of the batch's channel, once the batch has reached it. */
	public void requireOwnOffice(OfficeUser actor, Submission submission) {
		if (!actor.role().hrssOffice()) {
			throw notPermitted(actor, submission, "只有人力资源社会保障部门可以受理和验证（第十三条）");
		}
		if (!actor.officeChannel().equals(submission.channelCode())) {
			throw notPermitted(actor, submission, "该批次不属于您的发证机关");
		}
		if (!submission.atOffice()) {
			throw new ConflictException(
					"报送批次 %s 现为「%s」，尚未报送到人社部门".formatted(submission.batchNo(), submission.status().label()));
		}
	}

	/** Nobody decides on an entry of the organisation they belong to. */
	public void requireOutsider(OfficeUser actor, Submission submission, RegistrationEntry entry) {
		if (actor.organisationId() == null) {
			return;
		}
		long holderUnit = this.people.findByPersonIds(List.of(entry.personId()), false).get(0).holder().unitId();
		if (actor.organisationId() == entry.registeredById() || actor.organisationId() == holderUnit) {
			throw notPermitted(actor, submission, "登记 #%d 属于您本单位（登记单位或持证人所在单位），须由其他经办人验证".formatted(entry.id()));
		}
	}

	public void requireVisible(OfficeUser actor, Submission submission) {
		if (!visible(actor, submission)) {
			throw notPermitted(actor, submission, "该批次不属于您的单位、部门或发证机关");
		}
	}

	public QueueScope queueScope(OfficeUser actor) {
		if (actor.role().hrssOffice()) {
			return new QueueScope(QueueScope.Kind.OFFICE, actor.officeChannel());
		}
		if (actor.role() == OfficeRole.DEPT_REVIEWER) {
			return new QueueScope(QueueScope.Kind.DEPARTMENT, actor.departmentId());
		}
		return new QueueScope(QueueScope.Kind.SUBMITTER, actor.organisationId());
	}

	private boolean visible(OfficeUser actor, Submission submission) {
		if (actor.role().hrssOffice()) {
			return actor.officeChannel().equals(submission.channelCode()) && submission.atOffice();
		}
		if (actor.role() == OfficeRole.DEPT_REVIEWER) {
			return actor.departmentId() != null && actor.departmentId().equals(submission.departmentId())
					&& submission.status() != SubmissionStatus.DRAFT;
		}
		return actor.organisationId() != null && actor.organisationId() == submission.submitterId();
	}

	private static NotPermittedException notPermitted(OfficeUser actor, Submission submission, String why) {
		return new NotPermittedException(
				"账号 %s（%s）不能处理报送批次 #%d：%s".formatted(actor.username(), actor.role().label(), submission.id(), why));
	}

}
