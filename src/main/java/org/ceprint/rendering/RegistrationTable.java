package org.ceprint.rendering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.stream.DoubleStream;

import org.ceprint.rendering.SealLayout.Breach;
import org.ceprint.rendering.SealLayout.Seal;
import org.ceprint.rendering.internal.PageDrawing.Glyph;
import org.ceprint.rendering.internal.PageDrawing.Rule;

/**
 * The registration table as a page shows it, in page points from the top left: its
 * outline, the bottom line of its heading row, the 登记单位 and 验证单位 columns, and the lines
 * between the rows of the 验证单位 column.
 *
 * @param rowLines the horizontal lines across the 验证单位 column, from the heading's bottom
 * line to the table's, top to bottom
 */
public record RegistrationTable(double left, double right, double top, double headingBottom, double bottom,
		double registeringLeft, double registeringRight, double verifyingLeft, double verifyingRight,
		List<Double> rowLines) {

	static final String REGISTERING = "登记单位";

	static final String VERIFYING = "验证单位";

	public RegistrationTable {
		rowLines = List.copyOf(rowLines);
	}

	/**
	 * The table of a page: the cells around the top-most headings 登记单位 and 验证单位, and the
	 * ruling lines that bound them; empty when the page does not show both.
	 */
	static Optional<RegistrationTable> find(List<Rule> rules, List<Glyph> glyphs) {
		Optional<Glyph[]> registering = heading(glyphs, REGISTERING);
		Optional<Glyph[]> verifying = heading(glyphs, VERIFYING);
		if (registering.isEmpty() || verifying.isEmpty()) {
			return Optional.empty();
		}
		double rx = centreX(registering.get());
		double ry = centreY(registering.get());
		double vx = centreX(verifying.get());
		double vy = centreY(verifying.get());
		List<Rule> vertical = rules.stream().filter(Rule::vertical).toList();
		List<Rule> horizontal = rules.stream().filter(Rule::horizontal).toList();
		OptionalDouble registeringLeft = nearest(vertical, ry, (x) -> x < rx, true);
		OptionalDouble registeringRight = nearest(vertical, ry, (x) -> x > rx, false);
		OptionalDouble verifyingLeft = nearest(vertical, vy, (x) -> x < vx, true);
		OptionalDouble verifyingRight = nearest(vertical, vy, (x) -> x > vx, false);
		double glyphTop = vy - verifying.get()[0].size() / 2;
		OptionalDouble top = nearestAcross(horizontal, vx, (y) -> y < glyphTop, true);
		OptionalDouble headingBottom = nearestAcross(horizontal, vx, (y) -> y > vy, false);
		if (registeringLeft.isEmpty() || registeringRight.isEmpty() || verifyingLeft.isEmpty()
				|| verifyingRight.isEmpty() || top.isEmpty() || headingBottom.isEmpty()) {
			return Optional.empty();
		}
		Set<Double> rows = new TreeSet<>();
		for (Rule rule : horizontal) {
			if (spans(rule.x1(), rule.x2(), vx) && rule.y1() >= headingBottom.getAsDouble() - SealLayout.TOLERANCE) {
				rows.add(rule.y1());
			}
		}
		double left = Double.MAX_VALUE;
		double right = -Double.MAX_VALUE;
		for (Rule rule : vertical) {
			if (spans(rule.y1(), rule.y2(), vy)) {
				left = Math.min(left, rule.x1());
				right = Math.max(right, rule.x1());
			}
		}
		double bottom = rows.stream().max(Comparator.naturalOrder()).orElse(headingBottom.getAsDouble());
		return Optional.of(new RegistrationTable(left, right, top.getAsDouble(), headingBottom.getAsDouble(), bottom,
				registeringLeft.getAsDouble(), registeringRight.getAsDouble(), verifyingLeft.getAsDouble(),
				verifyingRight.getAsDouble(), new ArrayList<>(rows)));
	}

	/** What a seal breaks of the table's rule; empty when it lies whole in one cell. */
	Set<Breach> breaches(Seal seal) {
		Set<Breach> breaches = EnumSet.noneOf(Breach.class);
		double reach = seal.radius() - SealLayout.TOLERANCE;
		if (distance(seal, this.registeringLeft, this.registeringRight, this.top, this.bottom) < reach) {
			breaches.add(Breach.REGISTERING_COLUMN);
		}
		if (distance(seal, this.left, this.right, this.top, this.headingBottom) < reach) {
			breaches.add(Breach.HEADING);
		}
		if (seal.x() - reach < this.left || seal.x() + reach > this.right || seal.y() - reach < this.top
				|| seal.y() + reach > this.bottom) {
			breaches.add(Breach.OUTSIDE_TABLE);
		}
		if (clearance(seal) < -SealLayout.TOLERANCE) {
			breaches.add(Breach.OUTSIDE_CELL);
		}
		return breaches;
	}

	/**
	 * How far the seal's ink keeps inside the lines of the 验证单位 cell its centre is in;
	 * negative when it crosses them.
	 */
	double clearance(Seal seal) {
		double above = this.headingBottom;
		double below = this.bottom;
		for (double line : this.rowLines) {
			if (line <= seal.y()) {
				above = Math.max(above, line);
			}
			else {
				below = Math.min(below, line);
			}
		}
		double inside = Math.min(Math.min(seal.x() - this.verifyingLeft, this.verifyingRight - seal.x()),
				Math.min(seal.y() - above, below - seal.y()));
		return inside - seal.radius();
	}

	/** The distance from a seal's centre to a rectangle; 0 inside it. */
	private static double distance(Seal seal, double left, double right, double top, double bottom) {
		double dx = Math.max(Math.max(left - seal.x(), 0), seal.x() - right);
		double dy = Math.max(Math.max(top - seal.y(), 0), seal.y() - bottom);
		return Math.hypot(dx, dy);
	}

	/** The top-most run of glyphs that spells {@code text}. */
	private static Optional<Glyph[]> heading(List<Glyph> glyphs, String text) {
		String[] chars = text.codePoints().mapToObj(Character::toString).toArray(String[]::new);
		Glyph[] best = null;
		for (int i = 0; i + chars.length <= glyphs.size(); i++) {
			boolean match = true;
			for (int j = 0; j < chars.length && match; j++) {
				match = glyphs.get(i + j).text().equals(chars[j]);
			}
			if (match && (best == null || glyphs.get(i).baseline() < best[0].baseline())) {
				best = glyphs.subList(i, i + chars.length).toArray(Glyph[]::new);
			}
		}
		return Optional.ofNullable(best);
	}

	private static double centreX(Glyph[] run) {
		Glyph last = run[run.length - 1];
		return (run[0].x() + last.x() + last.width()) / 2;
	}

	/**
	 * The middle of the characters' em box, about a third of the size above the baseline.
	 */
	private static double centreY(Glyph[] run) {
		return run[0].baseline() - run[0].size() * 0.38;
	}

	/** The x of the vertical line through height {@code y} nearest on one side. */
	private static OptionalDouble nearest(List<Rule> vertical, double y, DoublePredicate side, boolean largest) {
		return pick(vertical.stream().filter((rule) -> spans(rule.y1(), rule.y2(), y)).mapToDouble(Rule::x1), side,
				largest);
	}

	/** The y of the horizontal line across {@code x} nearest on one side. */
	private static OptionalDouble nearestAcross(List<Rule> horizontal, double x, DoublePredicate side,
			boolean largest) {
		return pick(horizontal.stream().filter((rule) -> spans(rule.x1(), rule.x2(), x)).mapToDouble(Rule::y1), side,
				largest);
	}

	private static OptionalDouble pick(DoubleStream values, DoublePredicate side, boolean largest) {
		DoubleStream kept = values.filter(side);
		return largest ? kept.max() : kept.min();
	}

	private static boolean spans(double a, double b, double value) {
		return Math.min(a, b) <= value && value <= Math.max(a, b);
	}

}
