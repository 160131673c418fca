package org.ceprint.rendering.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Dimension2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.BitSet;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.SimpleDimension2D;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.DimensionRenderable;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * QR codes for documents: error correction M (ZXing's default L is too weak for paper
 * that gets folded and stamped) and a 4-module quiet zone, drawn as vector shapes. A
 * raster image of the symbol is resampled by whatever prints or displays the page, and at
 * 150 dpi about one symbol in a hundred came out unreadable; filled squares stay sharp at
 * any resolution and on any printer.
 */
public final class QrCodes {

	static final int QUIET_ZONE_MODULES = 4;

	private QrCodes() {
	}

	/** The symbol for {@code content}, for an image element of a template. */
	public static Symbol symbol(String content) {
		try {
			BitMatrix modules = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN,
							QUIET_ZONE_MODULES, EncodeHintType.CHARACTER_SET, "UTF-8"));
			int size = modules.getWidth();
			BitSet dark = new BitSet(size * size);
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					if (modules.get(x, y)) {
						dark.set(y * size + x);
					}
				}
			}
			return new Symbol(size, dark);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("二维码内容过长：" + content, ex);
		}
	}

	/**
	 * A QR symbol, quiet zone included, that JasperReports draws into its element's box:
	 * the dark modules of each row are merged into runs and filled as one path, so that
	 * no seam shows between neighbouring modules.
	 */
	public static final class Symbol extends AbstractRenderer implements Graphics2DRenderable, DimensionRenderable {

		private static final long serialVersionUID = 1L;

		private final int size;

		private final BitSet dark;

		Symbol(int size, BitSet dark) {
			this.size = size;
			this.dark = dark;
		}

		/** Modules across, quiet zone included. */
		public int size() {
			return this.size;
		}

		boolean isDark(int x, int y) {
			return this.dark.get(y * this.size + x);
		}

		/** The dark modules as one path, in module units. */
		Path2D.Double path() {
			Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
			for (int y = 0; y < this.size; y++) {
				int x = 0;
				while (x < this.size) {
					if (!isDark(x, y)) {
						x++;
						continue;
					}
					int start = x;
					while (x < this.size && isDark(x, y)) {
						x++;
					}
					path.append(new Rectangle2D.Double(start, y, x - start, 1), false);
				}
			}
			return path;
		}

		@Override
		public Dimension2D getDimension(JasperReportsContext context) {
			return new SimpleDimension2D(this.size, this.size);
		}

		@Override
		public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D box) {
			double module = Math.min(box.getWidth(), box.getHeight()) / this.size;
			Graphics2D g = (Graphics2D) graphics.create();
			try {
				g.translate(box.getX() + (box.getWidth() - module * this.size) / 2,
						box.getY() + (box.getHeight() - module * this.size) / 2);
				g.scale(module, module);
				g.setColor(Color.WHITE);
				g.fill(new Rectangle2D.Double(0, 0, this.size, this.size));
				g.setColor(Color.BLACK);
				g.fill(path());
			}
			finally {
				g.dispose();
			}
		}

	}

}
