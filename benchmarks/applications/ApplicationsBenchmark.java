import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Online applications under load, the way browsers use them: each simulated citizen starts the
 * bulky waste form, answers its four steps, confirms the declaration and lands on the confirmation
 * with a reference number. Reports the render time of a form step (median, p99) and complete
 * submissions per second at a number of concurrent clients.
 *
 * Usage: java ApplicationsBenchmark.java BASE_URL [STEP_RENDERS] [CLIENTS] [SECONDS]
 */
public class ApplicationsBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern REFERENCE = Pattern.compile("BO-\\d{4}-[A-Z0-9]{5}");
	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int renders = args.length > 1 ? Integer.parseInt(args[1]) : 500;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;

		// warm-up: a few complete applications, so the JIT and the pools are ready
		for (int i = 0; i < 20; i++) {
			new Citizen(base).apply(i);
		}

		Citizen renderer = new Citizen(base);
		renderer.start();
		List<Double> stepTimes = new ArrayList<>();
		for (int i = 0; i < renders; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> page = renderer.get("/antrag/sperrmuell/schritt/abholort");
			stepTimes.add((System.nanoTime() - t0) / 1e6);
			if (page.statusCode() != 200) {
				throw new IllegalStateException("step page answered " + page.statusCode());
			}
		}
		System.out.printf("form step render (GET /antrag/sperrmuell/schritt/abholort, %d runs, one client): median %.1f ms, p99 %.1f ms%n",
				renders, percentile(stepTimes, 50), percentile(stepTimes, 99));

		AtomicInteger done = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<Double> submitTimes = Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int client = c;
			pool.submit(() -> {
				int n = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					try {
						new Citizen(base).apply(client * 100000 + n++);
						submitTimes.add((System.nanoTime() - t0) / 1e6);
						done.incrementAndGet();
					}
					catch (Exception e) {
						errors.incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - started) / 1e9;
		System.out.printf("complete applications (start, 4 steps, declaration, confirmation = 12 requests) at %d clients for %.0f s: %d done, %d errors, %.1f submissions/s, one application median %.0f ms, p99 %.0f ms%n",
				clients, elapsed, done.get(), errors.get(), done.get() / elapsed, percentile(submitTimes, 50),
				percentile(submitTimes, 99));
	}

	static double percentile(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	/** One browser: its own cookies, following redirects as a browser does after a POST. */
	static final class Citizen {

		private final String base;
		private final HttpClient http;
		private String lastPage = "";

		Citizen(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
		}

		void apply(int n) throws Exception {
			start();
			LocalDate today = LocalDate.now();
			step("abholort", Map.of("abholanschrift.strasse", "Hattinger Straße", "abholanschrift.hausnummer", String.valueOf(1 + n % 200),
					"abholanschrift.plz", "44789", "abholanschrift.ort", "Bochum"));
			step("gegenstaende", Map.of("arten", "moebel", "menge", "3"));
			step("zeitraum", Map.of("fruehestens", GERMAN.format(today.plusDays(10)), "spaetestens", GERMAN.format(today.plusDays(30))));
			step("kontakt", Map.of("vorname", "Last", "nachname", "Test " + n, "telefon", "0234 910-" + (1000 + n % 9000)));
			HttpResponse<String> confirmation = post("/antrag/sperrmuell/absenden", Map.of("erklaerung", "ja"));
			if (!REFERENCE.matcher(confirmation.body()).find()) {
				throw new IllegalStateException("no reference number on " + confirmation.uri());
			}
		}

		void start() throws Exception {
			HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(base + "/antrag/sperrmuell/start"))
				.header("Sec-Fetch-Site", "same-origin")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			check(first);
		}

		private void step(String step, Map<String, String> answers) throws Exception {
			Map<String, String> fields = new LinkedHashMap<>(answers);
			fields.put("aktion", "weiter");
			HttpResponse<String> next = post("/antrag/sperrmuell/schritt/" + step, fields);
			if (next.uri().getPath().endsWith("/schritt/" + step)) {
				throw new IllegalStateException("step " + step + " not accepted");
			}
		}

		HttpResponse<String> get(String path) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return check(response);
		}

		private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			Matcher csrf = CSRF.matcher(lastPage);
			Map<String, String> all = new LinkedHashMap<>(fields);
			if (csrf.find()) {
				all.put("_csrf", csrf.group(1));
			}
			String body = all.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return check(http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Sec-Fetch-Site", "same-origin")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}

		private HttpResponse<String> check(HttpResponse<String> response) {
			if (response.statusCode() >= 400) {
				throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
			}
			lastPage = response.body();
			return response;
		}
	}
}
