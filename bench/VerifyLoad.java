import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load generator of bench/verify.sh: CONCURRENCY clients, each asking the JSON API to verify
 * the tokens of a file in turn for SECONDS after a warm-up, then prints requests per second and
 * latency percentiles. Run as a single-file program: java bench/VerifyLoad.java FILE C S WARMUP
 */
public class VerifyLoad {

	public static void main(String[] args) throws Exception {
		List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter((line) -> !line.isBlank()).toList();
		int concurrency = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		int warmup = Integer.parseInt(args[3]);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		run(client, urls, concurrency, warmup, false);
		run(client, urls, concurrency, seconds, true);
	}

	private static void run(HttpClient client, List<String> urls, int concurrency, int seconds, boolean report)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		AtomicBoolean stop = new AtomicBoolean();
		List<Future<long[]>> results = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < concurrency; c++) {
			int offset = c;
			results.add(pool.submit(() -> {
				long[] latencies = new long[1 << 20];
				int n = 0;
				int errors = 0;
				for (int i = offset; !stop.get(); i++) {
					HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(i % urls.size()))).build();
					long t0 = System.nanoTime();
					HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
					long t1 = System.nanoTime();
					if (response.statusCode() != 200 || !response.body().contains("\"genuine\":true")) {
						errors++;
					}
					if (n < latencies.length) {
						latencies[n++] = t1 - t0;
					}
				}
				long[] out = Arrays.copyOf(latencies, n + 1);
				out[n] = errors;
				return out;
			}));
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		List<Long> all = new ArrayList<>();
		long errors = 0;
		for (Future<long[]> result : results) {
			long[] values = result.get();
			for (int i = 0; i < values.length - 1; i++) {
				all.add(values[i]);
			}
			errors += values[values.length - 1];
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		if (!report) {
			return;
		}
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("requests %d | errors %d | %.0f verifications/s | p50 %.2f ms | p90 %.2f ms | p99 %.2f ms | max %.2f ms%n",
				sorted.length, errors, sorted.length / elapsed, percentile(sorted, 50), percentile(sorted, 90),
				percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
	}

	private static double percentile(long[] sorted, double p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}
