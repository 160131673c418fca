package org.ceprint.rendering;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Print runs render in several threads at once (one per partition): renderers share
 * templates, fonts and the notes page, and must not corrupt each other's documents.
 */
class ConcurrentRenderingTests {

	@Test
	void certificatesRenderedInParallelThreadsAreEachWhole() throws Exception {
		CertificateRenderer renderer = RenderingFixtures.certificateRenderer();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int task = 0; task < 3; task++) {
				int offset = task;
				results.add(pool.submit(() -> {
					int pages = 0;
					for (int i = 0; i < 4; i++) {
						List<CertificateView> views = new ArrayList<>();
						for (int j = 0; j < 3; j++) {
							String number = "360100201900%05d".formatted(offset * 1000 + i * 10 + j);
							views.add(RenderingFixtures.certificate(number, "欧阳堃", 9,
									"HTTP://LOCALHOST:8080/V/" + number + "ABCDEFGHIJ".repeat(15)));
						}
						ByteArrayOutputStream out = new ByteArrayOutputStream();
						pages += renderer.render(views, out).pageCount();
					}
					return pages;
				}));
			}
			for (Future<Integer> result : results) {
				// each certificate: holder page, notes page, two registration pages of 9
				// rows
				assertThat(result.get()).isEqualTo(4 * 3 * 4);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
