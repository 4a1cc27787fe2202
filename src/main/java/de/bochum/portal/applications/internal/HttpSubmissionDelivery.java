package de.bochum.portal.applications.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.bochum.portal.applications.SubmissionDelivery;

/**
 * Delivers an application as a JSON document by HTTP POST, signed with HMAC-SHA256 over the exact
 * body with a key shared with the receiver ({@code X-Portal-Signature: sha256=<hex>}). Any answer
 * other than 2xx counts as not received.
 */
class HttpSubmissionDelivery implements SubmissionDelivery {

	static final String SIGNATURE_HEADER = "X-Portal-Signature";

	private final URI endpoint;
	private final byte[] key;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	HttpSubmissionDelivery(URI endpoint, String key) {
		if (key == null || key.length() < 32) {
			throw new IllegalStateException("portal.applications.delivery.key muss mindestens 32 Zeichen lang sein");
		}
		this.endpoint = endpoint;
		this.key = key.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void deliver(String reference, String document) throws Exception {
		byte[] body = document.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("X-Portal-Reference", reference)
			.header(SIGNATURE_HEADER, "sha256=" + sign(key, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("Empfänger antwortete mit HTTP " + response.statusCode());
		}
	}

	static String sign(byte[] key, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}
}
