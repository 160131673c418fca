package org.ceprint.rendering.internal;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.util.ArrayList;
import java.util.List;

import org.ceprint.rendering.internal.PageDrawing.Ink;

/**
 * Circles around the ink of seal forms: points as (x, y, half the line width they were
 * stroked with).
 */
final class InkCircles {

	private InkCircles() {
	}

	/**
	 * The circle that holds a form's ink, in the form's own space: drawn again under
	 * another matrix, it maps to a circle that holds the ink again, exactly so for a
	 * rotated and scaled stamp.
	 */
	static Ink inFormSpace(List<double[]> ink, AffineTransform ctm) {
		if (ink.isEmpty()) {
			return new Ink(0, 0, 0);
		}
		AffineTransform back;
		try {
			back = ctm.createInverse();
		}
		catch (NoninvertibleTransformException ex) {
			return new Ink(0, 0, 0);
		}
		double shrink = stretch(back);
		List<double[]> inForm = new ArrayList<>(ink.size());
		for (double[] p : ink) {
			double[] q = new double[3];
			back.transform(p, 0, q, 0, 1);
			q[2] = p[2] * shrink;
			inForm.add(q);
		}
		return circle(inForm);
	}

	/** The most a matrix lengthens a line: its largest singular value. */
	static double stretch(AffineTransform m) {
		double a = m.getScaleX();
		double b = m.getShearX();
		double c = m.getShearY();
		double d = m.getScaleY();
		double sum = a * a + b * b + c * c + d * d;
		double det = a * d - b * c;
		return Math.sqrt((sum + Math.sqrt(Math.max(0, sum * sum - 4 * det * det))) / 2);
	}

	/**
	 * Centred on the middle of the ink's extent, the radius reaching its farthest point:
	 * exact for a round seal.
	 */
	static Ink circle(List<double[]> ink) {
		double minX = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (double[] p : ink) {
			minX = Math.min(minX, p[0] - p[2]);
			maxX = Math.max(maxX, p[0] + p[2]);
			minY = Math.min(minY, p[1] - p[2]);
			maxY = Math.max(maxY, p[1] + p[2]);
		}
		double x = (minX + maxX) / 2;
		double y = (minY + maxY) / 2;
		double radius = 0;
		for (double[] p : ink) {
			radius = Math.max(radius, Math.hypot(p[0] - x, p[1] - y) + p[2]);
		}
		return new Ink(x, y, radius);
	}

}
