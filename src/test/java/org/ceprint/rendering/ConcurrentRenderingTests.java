package org.ceprint.rendering;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Print runs render in several threads at once (one per partition): renderers share
 * templates, fonts and the notes page, and must not corrupt each other's documents.
 */
class ConcurrentRenderingTests {

	private static final int THREADS = 3;

	private static final int DOCUMENTS = 2;

	private static final int CERTIFICATES = 3;

	@Test
	void certificatesRenderedInParallelThreadsAreEachWhole() throws Exception {
		CertificateRenderer renderer = RenderingFixtures.certificateRenderer();
		CyclicBarrier together = new CyclicBarrier(THREADS);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<List<byte[]>>> results = new ArrayList<>();
		try {
			for (int task = 0; task < THREADS; task++) {
				int thread = task;
				results.add(pool.submit(() -> {
					List<byte[]> documents = new ArrayList<>();
					for (int document = 0; document < DOCUMENTS; document++) {
						// each render starts with the other threads'
						together.await(1, TimeUnit.MINUTES);
						documents.add(render(renderer, views(thread, document)));
					}
					return documents;
				}));
			}
			for (int thread = 0; thread < THREADS; thread++) {
				List<byte[]> documents = results.get(thread).get(2, TimeUnit.MINUTES);
				for (int document = 0; document < DOCUMENTS; document++) {
					// what one thread alone renders from the same certificates
					byte[] alone = render(renderer, views(thread, document));
					assertSamePages(documents.get(document), alone, thread, document);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void assertSamePages(byte[] concurrent, byte[] alone, int thread, int document) throws Exception {
		try (PDDocument rendered = Loader.loadPDF(concurrent); PDDocument expected = Loader.loadPDF(alone)) {
			// each certificate: holder page, notes page, two registration pages of 9 rows
			assertThat(rendered.getNumberOfPages()).as("pages of thread %d's document %d", thread, document)
				.isEqualTo(CERTIFICATES * 4)
				.isEqualTo(expected.getNumberOfPages());
			for (int page = 1; page <= rendered.getNumberOfPages(); page++) {
				assertThat(RenderingFixtures.text(rendered, page))
					.as("text of page %d of thread %d's document %d", page, thread, document)
					.isEqualTo(RenderingFixtures.text(expected, page));
				assertThat(fonts(rendered, page - 1))
					.as("fonts of page %d of thread %d's document %d", page, thread, document)
					.isEqualTo(fonts(expected, page - 1));
			}
			for (int certificate = 0; certificate < CERTIFICATES; certificate++) {
				assertThat(RenderingFixtures.flatText(rendered, certificate * 4 + 1))
					.as("holder page of certificate %d of thread %d's document %d", certificate, thread, document)
					.contains(number(thread, document, certificate), "欧阳堃");
			}
		}
	}

	/** The base fonts of a 0-based page, without the subset tags. */
	private static List<String> fonts(PDDocument document, int page) throws Exception {
		return RenderingFixtures.fontNames(document, page)
			.stream()
			.map((name) -> name.replaceFirst("^[A-Z]{6}\\+", ""))
			.sorted()
			.toList();
	}

	private static List<CertificateView> views(int thread, int document) {
		List<CertificateView> views = new ArrayList<>();
		for (int certificate = 0; certificate < CERTIFICATES; certificate++) {
			String number = number(thread, document, certificate);
			views.add(RenderingFixtures.certificate(number, "欧阳堃", 9,
					"HTTP://LOCALHOST:8080/V/" + number + "ABCDEFGHIJ".repeat(15)));
		}
		return views;
	}

	private static String number(int thread, int document, int certificate) {
		return "360100201900%05d".formatted(thread * 1000 + document * 10 + certificate);
	}

	private static byte[] render(CertificateRenderer renderer, List<CertificateView> views) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		renderer.render(views, out);
		return out.toByteArray();
	}

}
