package org.ceprint.rendering;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.TreeSet;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF's PDF/A-2b validation, in-process, with its own PDF parser (not PDFBox): what
 * an archive would run on a copy it receives.
 */
public final class PdfAValidation {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private PdfAValidation() {
	}

	/**
	 * The rules the PDF fails, one line each ("6.2.11.4.2-1 (3×): the message"), sorted;
	 * empty when it is PDF/A-2b.
	 */
	public static List<String> failedRules(byte[] pdf) {
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B)) {
			PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
			ValidationResult result = validator.validate(parser);
			TreeSet<String> failed = new TreeSet<>();
			result.getFailedChecks().forEach((rule, count) -> {
				String message = result.getTestAssertions()
					.stream()
					.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED
							&& assertion.getRuleId().equals(rule))
					.map((assertion) -> assertion.getMessage() + " @ " + assertion.getLocation().getContext())
					.findFirst()
					.orElse("");
				failed.add("%s-%d (%d×): %s".formatted(rule.getClause(), rule.getTestNumber(), count, message));
			});
			if (failed.isEmpty() && !result.isCompliant()) {
				failed.add("not compliant: " + result.getJobEndStatus());
			}
			return List.copyOf(failed);
		}
		catch (Exception ex) {
			throw new IllegalStateException("veraPDF could not validate the PDF", ex);
		}
	}

}
