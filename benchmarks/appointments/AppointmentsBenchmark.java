// Benchmarks of the appointment booking against a running portal (plain Java, JDK 17 source launcher):
//   1. slot search: the time page for one service over the full horizon across all offices
//      ("any office, earliest first"), sequentially after a warm-up: median and p99
//   2. the release moment: 1,000 clients within 10 s go for 100 appointments (50 start times at
//      an office with two counters); each client opens the form, then reserves. Counts bookings,
//      "taken" answers, errors (5xx or anything unexpected) and the p99 latency of the reservations.
// Usage: java AppointmentsBenchmark.java http://localhost:8091 [searches] [clients]
// The portal must run with the proof-of-work off and high rate limits (see run.sh): all clients
// come from one address, and the proof-of-work costs the client, not the server.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public class AppointmentsBenchmark {

	static final Pattern SLOT = Pattern.compile("name=\"termin\" value=\"([^\"]+)\"");
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8091";
		int searches = args.length > 1 ? Integer.parseInt(args[1]) : 300;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1000;

		String search = base + "/termine/zeit?l=" + enc("reisepass*1") + "&ort=alle";
		for (int i = 0; i < 30; i++) {
			get(search, null);
		}
		List<Double> times = new ArrayList<>();
		int offered = 0;
		for (int i = 0; i < searches; i++) {
			long t = System.nanoTime();
			HttpResponse<String> r = get(search, null);
			times.add((System.nanoTime() - t) / 1e6);
			if (r.statusCode() != 200) {
				throw new IllegalStateException("slot search answered " + r.statusCode());
			}
			offered = count(SLOT, r.body());
		}
		System.out.printf("slot search, first page (reisepass, all offices, earliest first, %d runs, %d slots): median %.1f ms, p99 %.1f ms%n",
				searches, offered, pct(times, 50), pct(times, 99));

		// the worst case: a page at the end of the horizon, so every office is searched day by day to the end
		String last = search + "&ab=" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(40) + "T23:59";
		List<Double> full = new ArrayList<>();
		for (int i = 0; i < searches; i++) {
			long t = System.nanoTime();
			HttpResponse<String> r = get(last, null);
			full.add((System.nanoTime() - t) / 1e6);
			if (r.statusCode() != 200) {
				throw new IllegalStateException("slot search answered " + r.statusCode());
			}
		}
		System.out.printf("slot search, full horizon (the same, searched through all 42 days, %d runs): median %.1f ms, p99 %.1f ms%n",
				searches, pct(full, 50), pct(full, 99));

		// the release moment: 50 start times x 2 counters = 100 appointments at one office
		String choice = "meldebescheinigung*1";
		String office = "buergerbuero-gerthe";
		List<String> slots = new ArrayList<>();
		Matcher m = SLOT.matcher(get(base + "/termine/zeit?l=" + enc(choice) + "&ort=" + office, null).body());
		while (m.find() && slots.size() < 50) {
			slots.add(m.group(1));
		}
		String next = base + "/termine/zeit?l=" + enc(choice) + "&ort=" + office;
		while (slots.size() < 50) {
			String page = get(next, null).body();
			Matcher more = SLOT.matcher(page);
			while (more.find() && slots.size() < 50) {
				if (!slots.contains(more.group(1))) {
					slots.add(more.group(1));
				}
			}
			Matcher later = Pattern.compile("href=\"(/termine/zeit\\?[^\"]+ab=[^\"]+)\"").matcher(page);
			if (!later.find()) {
				break;
			}
			next = base + later.group(1).replace("&amp;", "&");
		}
		AtomicInteger booked = new AtomicInteger();
		AtomicInteger taken = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		Map<String, Integer> kinds = new java.util.concurrent.ConcurrentSkipListMap<>();
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(100);
		long start = System.nanoTime();
		List<Future<?>> all = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			int n = i;
			long due = start + TimeUnit.SECONDS.toNanos(10) * n / clients;
			all.add(pool.submit(() -> {
				try {
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					String slot = slots.get(n % slots.size());
					Map<String, String> cookies = new LinkedHashMap<>();
					String form = get(base + "/termine/angaben?l=" + enc(choice) + "&ort=" + office + "&termin=" + enc(slot), cookies).body();
					Matcher token = CSRF.matcher(form);
					if (!token.find()) {
						errors.incrementAndGet();
						kinds.merge("form without token", 1, Integer::sum);
						return;
					}
					long t = System.nanoTime();
					HttpResponse<String> r = post(base + "/termine/angaben", Map.of("l", choice, "ort", office, "termin", slot,
							"name", "Last " + n, "email", "last" + n + "-" + start + "@example.org", "_csrf", token.group(1)), cookies);
					latencies.add((System.nanoTime() - t) / 1e6);
					if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/termine/reserviert")) {
						booked.incrementAndGet();
					}
					else if (r.statusCode() == 409) {
						taken.incrementAndGet();
					}
					else {
						errors.incrementAndGet();
						kinds.merge("HTTP " + r.statusCode(), 1, Integer::sum);
					}
				}
				catch (Exception e) {
					errors.incrementAndGet();
					kinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
				}
			}));
		}
		for (Future<?> f : all) {
			f.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("release moment (%d clients in %.1f s for %d start times x 2 counters = 100 appointments): booked %d, taken %d, errors %d, reservation median %.1f ms, p99 %.1f ms%n",
				clients, seconds, slots.size(), booked.get(), taken.get(), errors.get(), pct(latencies, 50), pct(latencies, 99));
		if (!kinds.isEmpty()) {
			System.out.println("errors by kind: " + kinds);
		}
	}

	static int count(Pattern p, String text) {
		Matcher m = p.matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	static double pct(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static HttpResponse<String> get(String url, Map<String, String> cookies) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), cookies);
	}

	static HttpResponse<String> post(String url, Map<String, String> fields, Map<String, String> cookies) throws Exception {
		String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), cookies);
	}

	// cookies by hand: the portal's session cookie is Secure, which the JDK's cookie store keeps from http://localhost
	static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) throws Exception {
		if (cookies != null && !cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (cookies != null) {
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
		}
		return response;
	}
}
