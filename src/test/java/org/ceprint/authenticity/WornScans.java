package org.ceprint.authenticity;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * What a desk scanner or a phone does to a page: blur, sensor noise, a slight tilt and
 * JPEG compression, each repeatable (noise from a seeded generator).
 */
final class WornScans {

	private WornScans() {
	}

	/** A Gaussian blur of {@code sigma} pixels. */
	static BufferedImage blurred(BufferedImage image, double sigma) {
		int radius = (int) Math.ceil(3 * sigma);
		int size = 2 * radius + 1;
		float[] weights = new float[size * size];
		double sum = 0;
		for (int y = -radius; y <= radius; y++) {
			for (int x = -radius; x <= radius; x++) {
				double weight = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
				weights[(y + radius) * size + x + radius] = (float) weight;
				sum += weight;
			}
		}
		for (int i = 0; i < weights.length; i++) {
			weights[i] /= (float) sum;
		}
		return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(rgb(image), null);
	}

	/**
	 * Gaussian noise of {@code deviation} grey levels on every pixel, the same on R, G,
	 * B.
	 */
	static BufferedImage noisy(BufferedImage image, double deviation, long seed) {
		BufferedImage noisy = rgb(image);
		WritableRaster raster = noisy.getRaster();
		Random random = new Random(seed);
		int[] pixel = new int[3];
		for (int y = 0; y < raster.getHeight(); y++) {
			for (int x = 0; x < raster.getWidth(); x++) {
				raster.getPixel(x, y, pixel);
				int noise = (int) Math.round(random.nextGaussian() * deviation);
				for (int band = 0; band < 3; band++) {
					pixel[band] = Math.max(0, Math.min(255, pixel[band] + noise));
				}
				raster.setPixel(x, y, pixel);
			}
		}
		return noisy;
	}

	/** Turned about its centre, on white paper. */
	static BufferedImage turned(BufferedImage image, double degrees) {
		BufferedImage turned = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = turned.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, turned.getWidth(), turned.getHeight());
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
					image.getHeight() / 2.0), null);
		}
		finally {
			graphics.dispose();
		}
		return turned;
	}

	/** Written as a JPEG file of the given quality (0 to 1). */
	static Path jpeg(BufferedImage image, float quality, Path file) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(quality);
			writer.setOutput(out);
			writer.write(null, new IIOImage(rgb(image), null, null), parameters);
		}
		finally {
			writer.dispose();
		}
		return file;
	}

	/** A copy in RGB: the page it came from stays as it was. */
	private static BufferedImage rgb(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = rgb.createGraphics();
		graphics.drawImage(image, 0, 0, null);
		graphics.dispose();
		return rgb;
	}

}
