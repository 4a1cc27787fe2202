package de.bochum.portal.applications.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.bochum.portal.testsupport.PortalHttp;

/** Posts a multipart form (fields and files) as a browser does, with the session of a {@link PortalHttp}. */
final class Multipart {

	record FilePart(String fileName, String contentType, byte[] content) {
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** A tiny real PDF: the bytes a PDF starts with, and enough of a body to count as one. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** Plain text pretending to be a PDF. */
	static final byte[] NOT_A_PDF = "Dies ist kein PDF, nur Text.".getBytes(StandardCharsets.UTF_8);

	private Multipart() {
	}

	static HttpResponse<String> post(PortalHttp http, int port, String formPage, String action, Map<String, String> fields,
			Map<String, FilePart> files) {
		Matcher token = CSRF.matcher(http.get(formPage).body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token on " + formPage);
		}
		String boundary = "----portal" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			write(body, boundary, "_csrf", token.group(1));
			for (var field : fields.entrySet()) {
				write(body, boundary, field.getKey(), field.getValue());
			}
			for (var file : files.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
						+ file.getValue().fileName() + "\"\r\nContent-Type: " + file.getValue().contentType() + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(file.getValue().content());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Cookie", http.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; ")))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	static HttpResponse<byte[]> getBytes(PortalHttp http, int port, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", http.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static void write(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
	}
}
