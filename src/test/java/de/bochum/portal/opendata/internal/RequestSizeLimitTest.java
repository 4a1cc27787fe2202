package de.bochum.portal.opendata.internal;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import de.bochum.portal.testsupport.HtmlChecker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body above the server-wide limit (3 MB here, 100 MB by default) is refused before it is read:
 * the API answers as CKAN does for a file that is too large, a page with the portal's own error
 * page naming the limit, and nothing is stored. Same properties as {@link OpendataUploadTest}, so
 * both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.opendata.upload.max-size=2MB", "spring.servlet.multipart.max-request-size=3MB" })
class RequestSizeLimitTest extends PublishingTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final long FOUR_MB = 4L * 1024 * 1024;

	@Autowired
	ApiTokens tokens;

	@Test
	void theApiAnswersATooLargeUploadWithCkansValidationError() throws Exception {
		String name = PublishingFixtures.emptyDataset(publishing, "limit", "Grenze", "bogestra");
		String token = tokens.create(PublishingFixtures.publisherFor(jdbc, "bogestra"), "Test", null);

		// As curl sends a large body: it announces it, waits for "100 Continue" and gets the answer instead.
		// Tomcat asks for the body ("100") to discard it; the answer follows.
		String refused = announce("/api/3/action/resource_create", token).replaceFirst("^HTTP/1.1 100 ?\r\n\r\n", "");
		assertThat(refused).startsWith("HTTP/1.1 409");
		JsonNode body = JSON.readTree(refused.substring(refused.indexOf("\r\n\r\n") + 4));
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("help").asString()).endsWith("/api/3/action/help_show?name=resource_create");
		assertThat(body.get("error").get("__type").asString()).isEqualTo("Validation Error");
		assertThat(body.get("error").get("upload").get(0).asString()).isEqualTo("The file is too large: at most 3 MB is allowed");
		assertThat(JSON.readTree(get("/api/3/action/package_show?id=" + name).body()).get("result").get("num_resources").asInt())
			.as("nothing stored").isZero();
	}

	@Test
	void aPageAnswersWithThePortalsErrorPageNamingTheLimit() throws Exception {
		// As a browser sends it: the whole body without waiting; it still gets the page, not a reset.
		HttpResponse<String> refused = send("/meine-daten");
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("<html lang=\"de\"", "Die Datei ist zu groß", "höchstens 3 MB",
				"Bereits gespeicherte Angaben bleiben erhalten");
		assertThat(refused.body()).doesNotContain("Apache Tomcat", "Payload Too Large");
		assertThat(HtmlChecker.errors(refused.body())).isEmpty();
	}

	/** Headers only, with "Expect: 100-continue"; the answer as text, read until the server closes. */
	private String announce(String path, String token) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
					+ "Authorization: " + token + "\r\nContent-Type: multipart/form-data; boundary=grenze\r\n"
					+ "Content-Length: " + FOUR_MB + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private HttpResponse<String> send(String path) throws Exception {
		String boundary = "grenze";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"gross.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		long length = head.length + FOUR_MB;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
					() -> new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), zeros(FOUR_MB))), length));
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static InputStream zeros(long count) {
		return new InputStream() {

			private long left = count;

			@Override
			public int read() {
				return left-- > 0 ? '0' : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, left);
				java.util.Arrays.fill(buffer, offset, offset + n, (byte) '0');
				left -= n;
				return n;
			}
		};
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
