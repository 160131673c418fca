package org.ceprint.submission.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.ceprint.hours.HoursCheck;
import org.ceprint.registry.Hours;
import org.ceprint.registry.RegistrationEntry;

/**
 * One entry of a submission as the verifying clerk sees it: the entry, its holder, the
 * decision so far, and the checks that come for free.
 *
 * @param certificateNo the holder's current certificate, null when there is none
 * @param certificateFull the current booklet's registration rows are used up
 * @param duplicates the person's other verified or pending entries for the same project
 * over overlapping dates
 * @param yearVerifiedHours hours already verified for the person in the entry's year
 * (public hours counted only up to the cap)
 * @param yearRequiredHours the year's requirement for the person's title level
 */
public record EntryReview(int seq, RegistrationEntry entry, String holderName, String idNumber, String unitName,
		String title, String certificateNo, boolean certificateFull, HoursCheck hours, List<String> duplicates,
		Hours yearVerifiedHours, Hours yearRequiredHours, String ruleSet, Decision decision, RejectionReason reason,
		String reasonNote, String decidedBy, LocalDateTime decidedAt) {

	/**
	 * The most the entry can earn, null when the standard takes the registered hours as
	 * they are.
	 */
	public Hours allowedHours() {
		return (this.hours.allowed() != null) ? Hours.of(this.hours.allowed()) : null;
	}

	/**
	 * What the clerk should look at before deciding, in words; empty when nothing stands
	 * out.
	 */
	public List<String> flags() {
		List<String> flags = new java.util.ArrayList<>();
		if (this.hours.over()) {
			flags.add("学时超标：登记 %s，按%s至多 %s（%s）".formatted(Hours.of(this.hours.registered()), this.hours.standard(),
					allowedHours(), this.hours.rule()));
		}
		if (!this.duplicates.isEmpty()) {
			flags.add("可能重复：" + String.join("；", this.duplicates));
		}
		if (this.certificateNo == null) {
			flags.add("持证人无有效证书");
		}
		else if (this.certificateFull) {
			flags.add("证书 " + this.certificateNo + " 登记栏已填满，须先换发（第十八条）");
		}
		return flags;
	}

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "EntryReview[seq=%d, entryId=%d, certificateNo=%s, decision=%s]".formatted(this.seq, this.entry.id(),
				this.certificateNo, this.decision);
	}

}
