package org.ceprint.registry;

import java.util.Collection;

/**
 * Hours split by subject type (第四条), as the register card, the summary table and the
 * annual assessment (第五条: public subjects count for at most a share of the requirement)
 * need them.
 */
public record SubjectHours(Hours publicHours, Hours professionalHours) {

	public static final SubjectHours NONE = new SubjectHours(Hours.ZERO, Hours.ZERO);

	/**
	 * The entries' hours by their subject type; the caller chooses which entries count.
	 */
	public static SubjectHours of(Collection<RegistrationEntry> entries) {
		SubjectHours sum = NONE;
		for (RegistrationEntry entry : entries) {
			sum = sum.plus(entry.subjectType(), Hours.orZero(entry.hours()));
		}
		return sum;
	}

	public SubjectHours plus(SubjectType type, Hours hours) {
		return (type == SubjectType.PUBLIC) ? new SubjectHours(this.publicHours.plus(hours), this.professionalHours)
				: new SubjectHours(this.publicHours, this.professionalHours.plus(hours));
	}

	public Hours total() {
		return this.publicHours.plus(this.professionalHours);
	}

	/**
	 * The hours that count toward a requirement when public subjects count only up to
	 * {@code publicCap}: the public hours above it still show on documents but do not
	 * count.
	 */
	public Hours counted(Hours publicCap) {
		return this.publicHours.min(publicCap).plus(this.professionalHours);
	}

}
