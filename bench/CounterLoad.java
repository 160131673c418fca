import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Client of bench/counter.sh: signs in as a counter clerk with the form, as the browser does
 * (the CSRF token read from the page, the session kept in a cookie), then reissues
 * certificates one after another, each timed from the POST of the counter's form until the
 * new booklet's PDF downloads from /office/pdf/NUMBER. A reissued
 * certificate's successor goes to the back of the queue, so a few certificates serve many
 * reissues. The counter's page waits up to two seconds for the booklet and then links it;
 * the client downloads it then, or polls for it if the page said it was still printing.
 * Run as a single-file program:
 * java bench/CounterLoad.java BASE_URL USER PASSWORD NUMBERS_FILE COUNT POLL_MS OUT_DIR|-
 * (the certificates still valid at the end are written back to NUMBERS_FILE)
 */
public class CounterLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern NEW_NUMBER = Pattern.compile("新证书 (\\d{16}[0-9X])");

	private static final Pattern PROBLEM = Pattern.compile("class=\"problem\"[^>]*>([^<]*)<");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String base;

	private String csrf;

	CounterLoad(String base) {
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		CounterLoad load = new CounterLoad(args[0]);
		Deque<String> numbers = new ArrayDeque<>(
				Files.readAllLines(Path.of(args[3])).stream().map(String::strip).filter((s) -> !s.isEmpty()).toList());
		int count = Integer.parseInt(args[4]);
		long pollMillis = Long.parseLong(args[5]);
		Path out = args[6].equals("-") ? null : Path.of(args[6]);
		load.signIn(args[1], args[2]);
		long[] latencies = load.reissue(numbers, count, pollMillis, out);
		// the certificates still valid, for the next call
		Files.write(Path.of(args[3]), numbers);
		Arrays.sort(latencies);
		double mean = Arrays.stream(latencies).average().orElse(0) / 1e6;
		System.out.printf("reissues %d, mean %.1f ms, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				latencies.length, mean, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
				latencies[latencies.length - 1] / 1e6);
	}

	private static double pct(long[] sorted, double p) {
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	void signIn(String user, String password) throws Exception {
		String login = get("/login").body();
		HttpResponse<String> response = post("/login",
				Map.of("username", user, "password", password, "_csrf", token(login)));
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in refused: " + response.statusCode() + " " + location);
		}
		this.csrf = token(get("/office").body());
	}

	/**
	 * Reissues {@code count} certificates; saves the first and last booklet into {@code out}
	 * (as NUMBER.pdf) when it is not null.
	 */
	long[] reissue(Deque<String> numbers, int count, long pollMillis, Path out) throws Exception {
		long[] latencies = new long[count];
		int done = 0;
		int refused = 0;
		while (done < count) {
			String old = numbers.pollFirst();
			if (old == null) {
				throw new IllegalStateException("no certificate left to reissue");
			}
			long started = System.nanoTime();
			HttpResponse<String> page = post("/office/reissue",
					Map.of("number", old, "reason", "damaged", "_csrf", this.csrf));
			Matcher number = NEW_NUMBER.matcher(page.body());
			if (page.statusCode() != 200 || !number.find()) {
				Matcher problem = PROBLEM.matcher(page.body());
				System.err.printf("[bench] %s not reissued (%d): %s%n", old, page.statusCode(),
						problem.find() ? problem.group(1) : page.body().substring(0, Math.min(800, page.body().length())));
				if (++refused > 20) {
					throw new IllegalStateException("too many refusals");
				}
				continue;
			}
			String successor = number.group(1);
			byte[] pdf = awaitPdf(successor, pollMillis, started);
			latencies[done] = System.nanoTime() - started;
			if (out != null && (done == 0 || done == count - 1)) {
				Files.write(out.resolve(successor + ".pdf"), pdf);
			}
			numbers.addLast(successor);
			done++;
		}
		return latencies;
	}

	/**
	 * Downloads the booklet the page links to, as the clerk does; while the page says it is
	 * still printing, asks for it every {@code pollMillis}.
	 */
	private byte[] awaitPdf(String number, long pollMillis, long started) throws Exception {
		while (true) {
			HttpResponse<byte[]> response = this.client.send(request("/office/pdf/" + number).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			byte[] body = response.body();
			if (response.statusCode() == 200 && body.length > 4
					&& new String(body, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF")) {
				return body;
			}
			if (response.statusCode() != 404) {
				throw new IllegalStateException("/office/pdf/" + number + " answered " + response.statusCode());
			}
			if (System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
				throw new IllegalStateException("booklet " + number + " not printed within five minutes");
			}
			Thread.sleep(pollMillis);
		}
	}

	private static String token(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = new LinkedHashMap<>(form).entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofMinutes(2));
	}

}
