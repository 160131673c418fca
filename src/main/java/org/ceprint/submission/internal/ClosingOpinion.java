package org.ceprint.submission.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ceprint.registry.Hours;

/**
 * The office's wording at closing: the verification opinion written when the clerk gives
 * none, and a rejection's reason as the registry and the return slip print it.
 */
public final class ClosingOpinion {

	private ClosingOpinion() {
	}

	/** Counts, hours, and each rejection's reason. */
	public static String composed(List<EntryReview> reviews) {
		List<EntryReview> verified = reviews.stream()
			.filter((review) -> review.decision() == Decision.VERIFIED)
			.toList();
		Hours hours = Hours.sum(verified.stream().map(EntryReview::entry).toList());
		String rejected = reviews.stream()
			.filter((review) -> review.decision() == Decision.REJECTED)
			.map((review) -> "序号 %d %s".formatted(review.seq(), review.reason().label()))
			.collect(Collectors.joining("；"));
		// short lines: the summary table's opinion box breaks anywhere, and a printed
		// Chinese line must not start with 。 or ；
		List<String> parts = new ArrayList<>();
		if (!verified.isEmpty()) {
			parts.add("%d 条符合规定，予以验证，计 %s".formatted(verified.size(), hours.withUnit()));
		}
		if (!rejected.isEmpty()) {
			parts.add("%d 条不予验证：%s".formatted(reviews.size() - verified.size(), rejected));
		}
		return "经验证，本批登记 %d 条：\n%s。".formatted(reviews.size(), String.join("；\n", parts));
	}

	/** The reason, with the clerk's note after a colon when there is one. */
	public static String rejection(EntryReview review) {
		return review.reason().label() + ((review.reasonNote() != null) ? "：" + review.reasonNote() : "");
	}

}
