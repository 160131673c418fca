package org.ceprint.rendering.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.ceprint.rendering.CertificateRenderer;
import org.ceprint.rendering.RegistrationRow;

/**
 * Which rows carry a seal. An office stamps once per verification: adjacent rows of one
 * page verified by the same office on the same day share one seal, on the middle row of
 * the group; a row verified alone gets its own. Every verified row is covered, and a page
 * of one submission is not buried under eight overlapping stamps.
 */
public final class SealGroups {

	private SealGroups() {
	}

	/**
	 * @param toSeal the rows that need a seal (verified; for overlays, not sealed yet)
	 * @return for each row, whether the seal of its group is drawn on it
	 */
	public static boolean[] sealedRows(List<RegistrationRow> rows, Predicate<RegistrationRow> toSeal) {
		boolean[] sealed = new boolean[rows.size()];
		int start = 0;
		while (start < rows.size()) {
			if (!toSeal.test(rows.get(start))) {
				start++;
				continue;
			}
			int end = start + 1;
			while (end < rows.size() && end % CertificateRenderer.ROWS_PER_PAGE != 0 && toSeal.test(rows.get(end))
					&& sameVerification(rows.get(start), rows.get(end))) {
				end++;
			}
			sealed[start + (end - start - 1) / 2] = true;
			start = end;
		}
		return sealed;
	}

	private static boolean sameVerification(RegistrationRow a, RegistrationRow b) {
		return Objects.equals(a.verifiedBy(), b.verifiedBy()) && Objects.equals(a.verifiedOn(), b.verifiedOn());
	}

}
