package de.bochum.portal.opendata.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.bochum.portal.testsupport.PortalHttp;

/**
 * A multipart request as ckanapi and browsers send it: text fields, then one file part. The client
 * states a content type for the file, which the portal must not believe.
 */
final class CkanMultipart {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String boundary = "bochum-" + UUID.randomUUID();
	private final Map<String, String> fields = new LinkedHashMap<>();
	private String fileField;
	private String fileName;
	private String claimedType;
	private byte[] content;

	CkanMultipart field(String name, String value) {
		fields.put(name, value);
		return this;
	}

	CkanMultipart file(String field, String name, String type, byte[] bytes) {
		this.fileField = field;
		this.fileName = name;
		this.claimedType = type;
		this.content = bytes;
		return this;
	}

	/** Posts as a signed-in browser does: with the session's cookies and the CSRF token of the form page. */
	HttpResponse<String> postFromForm(int port, PortalHttp session, String formPage, String action) throws Exception {
		Matcher token = CSRF.matcher(session.get(formPage).body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token on " + formPage);
		}
		fields.put("_csrf", token.group(1));
		return post(port, action, Map.of("Cookie", cookies(session)));
	}

	static String cookies(PortalHttp session) {
		return session.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	HttpResponse<String> post(int port, String path, Map<String, String> headers) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (var f : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
					+ f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		if (fileField != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
