package de.bochum.portal.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests against the running portal: keeps cookies, does not
 * follow redirects (tests look at them), and reads the CSRF token from a page's form.
 *
 * <p>Cookies are kept by hand: the JDK's cookie manager never returns {@code Secure} cookies to
 * {@code http://localhost}, while browsers do, and the portal's cookies are {@code Secure}.
 */
public final class PortalHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final Map<String, String> cookies = new LinkedHashMap<>();
	private final HttpClient client;

	public PortalHttp(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public Map<String, String> cookies() {
		return Map.copyOf(cookies);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts a form; {@code _csrf} is sent only if given in {@code fields}. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts JSON as a page's script does, with the CSRF token in the header. */
	public HttpResponse<String> postJson(String path, String csrfToken, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrfToken)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** The CSRF token of a page's forms. */
	public String csrfToken(String page) {
		Matcher token = CSRF.matcher(get(page).body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token on " + page);
		}
		return token.group(1);
	}

	/** Loads {@code formPage}, then posts {@code fields} plus the page's CSRF token to {@code action}. */
	public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
		HttpResponse<String> page = get(formPage);
		Matcher token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token on " + formPage);
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", token.group(1));
		return post(action, all);
	}

	private static final Pattern TOTP_SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	/**
	 * Signs in at the staff login as a person with their phone would: password, then the code
	 * from the authenticator (set up first, if the account has none). Returns the last redirect.
	 */
	public HttpResponse<String> signIn(String username, String password) {
		HttpResponse<String> response = signInWithPasswordOnly(username, password);
		String next = location(response);
		if (next.endsWith("/intern/anmelden/code")) {
			return submit("/intern/anmelden/code", "/intern/anmelden/code",
					Map.of("code", TotpCodes.freshCode(username, TotpCodes.SECRET)));
		}
		if (next.endsWith("/intern/anmelden/einrichten")) {
			Matcher secret = TOTP_SECRET.matcher(get("/intern/anmelden/einrichten").body());
			if (!secret.find()) {
				throw new AssertionError("no authenticator key on the set-up page");
			}
			String key = secret.group(1).replace(" ", "");
			return submit("/intern/anmelden/einrichten", "/intern/anmelden/einrichten",
					Map.of("code", TotpCodes.code(key, TotpCodes.currentStep())));
		}
		return response;
	}

	/** Only the first step of the staff sign-in; returns its redirect. */
	public HttpResponse<String> signInWithPasswordOnly(String username, String password) {
		return submit("/intern/anmelden", "/intern/anmelden", Map.of("benutzername", username, "passwort", password));
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
