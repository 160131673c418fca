package org.ceprint.rendering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.ceprint.rendering.internal.PageDrawing;
import org.ceprint.rendering.internal.PageDrawing.Ink;

/**
 * Checks where the 验证专用章 fell on printed pages, from the PDF alone: each seal is the ink
 * of a form drawn in the optional-content layer 验证专用章, measured from the page's content
 * stream (its centre and the radius that holds all its ink), and the registration table
 * is found from the page's own ruling lines and the headings 登记单位 and 验证单位. It shares
 * nothing with the code that places the seals, so it can judge it.
 * <p>
 * A seal is in breach when it reaches into the 登记单位 column (where the registering unit
 * stamps), into the heading row, outside the table, or across the lines of its own 验证单位
 * cell, and when two seals of a page overlap by more than the allowed fraction of the
 * smaller one's area. Coordinates are page points from the top left.
 */
public final class SealLayout {

	/** Ink may touch a line this closely without counting as crossing it. */
	static final double TOLERANCE = 0.01;

	private SealLayout() {
	}

	/** A seal: the circle about its centre that holds all of its ink. */
	public record Seal(double x, double y, double radius) {

	}

	/** Why a seal is out of place. */
	public enum Breach {

		OVERLAP("与同页另一枚重叠"), REGISTERING_COLUMN("盖到登记单位栏"), HEADING("盖到表头"), OUTSIDE_TABLE("超出表格"),
		OUTSIDE_CELL("超出所在的验证单位格");

		private final String label;

		Breach(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * One breach: which seal of the page (1-based, in drawing order), why, and in Chinese
	 * for a report.
	 */
	public record Violation(int seal, Breach breach, String description) {

		static Violation of(int seal, Breach breach) {
			return new Violation(seal, breach, "第 %d 枚验证专用章%s".formatted(seal, breach.label()));
		}

		static Violation overlap(int seal, int other, double fraction) {
			return new Violation(seal, Breach.OVERLAP,
					String.format(Locale.ROOT, "第 %d、%d 枚验证专用章重叠，占一枚面积的 %.1f%%", seal, other, fraction * 100));
		}

	}

	/**
	 * A page that shows the registration table or carries seals.
	 *
	 * @param number 1-based page of the file
	 * @param table the table found on the page, else the form given to {@link #read},
	 * else null (then only overlaps are checked)
	 * @param tableOnPage whether the page itself shows the table
	 * @param worstOverlap the largest area two seals share, as a fraction of the smaller
	 * one's area
	 * @param clearance the least distance from a seal's ink to the lines of its cell, in
	 * points (infinite without seals or table)
	 */
	public record Page(int number, List<Seal> seals, RegistrationTable table, boolean tableOnPage, double worstOverlap,
			double clearance, List<Violation> violations) {

	}

	/**
	 * Reads every page of a document and keeps those with the registration table or with
	 * seals.
	 * @param form the table to hold seals against on pages that do not show one (seal
	 * overlays, preprinted stock); null to check only their overlaps
	 * @param allowedOverlap the fraction of a seal's area another may cover
	 */
	public static List<Page> read(PDDocument document, RegistrationTable form, double allowedOverlap)
			throws IOException {
		List<Page> pages = new ArrayList<>();
		Map<COSBase, Ink> formInk = new HashMap<>();
		for (int i = 0; i < document.getNumberOfPages(); i++) {
			PageDrawing drawing = PageDrawing.of(document.getPage(i), formInk);
			RegistrationTable onPage = RegistrationTable.find(drawing.rules(), drawing.glyphs()).orElse(null);
			if (onPage == null && drawing.seals().isEmpty()) {
				continue;
			}
			List<Seal> seals = drawing.seals()
				.stream()
				.map((Ink ink) -> new Seal(ink.x(), ink.y(), ink.radius()))
				.toList();
			RegistrationTable table = (onPage != null) ? onPage : form;
			pages.add(check(i + 1, seals, table, onPage != null, allowedOverlap));
		}
		return pages;
	}

	/**
	 * The registration table of the first page that shows one, to hold the seals of
	 * overlay pages against.
	 */
	public static Optional<RegistrationTable> firstTable(PDDocument document) throws IOException {
		for (int i = 0; i < document.getNumberOfPages(); i++) {
			PageDrawing drawing = PageDrawing.of(document.getPage(i), new HashMap<>());
			Optional<RegistrationTable> table = RegistrationTable.find(drawing.rules(), drawing.glyphs());
			if (table.isPresent()) {
				return table;
			}
		}
		return Optional.empty();
	}

	static Page check(int number, List<Seal> seals, RegistrationTable table, boolean tableOnPage,
			double allowedOverlap) {
		List<Violation> violations = new ArrayList<>();
		double worst = 0;
		double clearance = Double.POSITIVE_INFINITY;
		for (int i = 0; i < seals.size(); i++) {
			Seal seal = seals.get(i);
			if (table != null) {
				for (Breach breach : table.breaches(seal)) {
					violations.add(Violation.of(i + 1, breach));
				}
				clearance = Math.min(clearance, table.clearance(seal));
			}
			for (int j = i + 1; j < seals.size(); j++) {
				double overlap = overlap(seal, seals.get(j));
				worst = Math.max(worst, overlap);
				if (overlap > allowedOverlap) {
					violations.add(Violation.overlap(i + 1, j + 1, overlap));
				}
			}
		}
		return new Page(number, seals, table, tableOnPage, worst, clearance, List.copyOf(violations));
	}

	/** The area two seals share, as a fraction of the smaller one's area. */
	static double overlap(Seal a, Seal b) {
		double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
		double r1 = a.radius();
		double r2 = b.radius();
		double small = Math.min(r1, r2);
		if (d >= r1 + r2) {
			return 0;
		}
		if (d <= Math.abs(r1 - r2)) {
			return 1;
		}
		double alpha = Math.acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
		double beta = Math.acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
		double lens = r1 * r1 * (alpha - Math.sin(2 * alpha) / 2) + r2 * r2 * (beta - Math.sin(2 * beta) / 2);
		return lens / (Math.PI * small * small);
	}

}
