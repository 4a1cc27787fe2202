package de.bochum.portal.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey on a pretend device, for tests over plain HTTP: it answers the portal's options the way
 * a browser with a platform authenticator would (attestation "none", user present and verified),
 * so that refusals can be tested without Chromium. Bodies have the shape {@code passkeys.js} sends.
 */
final class SoftwarePasskey {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
	private static final byte UP_UV = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);

	private final KeyPair keys;
	private final byte[] credentialId = new byte[32];
	private byte[] userHandle;
	private long counter;

	SoftwarePasskey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		new SecureRandom().nextBytes(credentialId);
	}

	String id() {
		return B64.encodeToString(credentialId);
	}

	/** The body of a registration: {@code {"publicKey": {"credential": …, "label": …}}}. */
	String register(String optionsJson, String origin, String label) {
		JsonNode options = JSON.readTree(optionsJson);
		userHandle = Base64.getUrlDecoder().decode(options.path("user").path("id").asString());
		byte[] clientData = clientData("webauthn.create", options.path("challenge").asString(), origin);
		AuthenticatorData<?> data = new AuthenticatorData<>(sha256(options.path("rp").path("id").asString()),
				(byte) (UP_UV | AuthenticatorData.BIT_AT), counter,
				new AttestedCredentialData(AAGUID.ZERO, credentialId, EC2COSEKey.create(keys, COSEAlgorithmIdentifier.ES256)));
		@SuppressWarnings("unchecked")
		AttestationObject attestation = new AttestationObject(
				(AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput>) data,
				new NoneAttestationStatement());
		byte[] attestationBytes = new AttestationObjectConverter(new ObjectConverter()).convertToBytes(attestation);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", B64.encodeToString(attestationBytes));
		response.put("clientDataJSON", B64.encodeToString(clientData));
		response.put("transports", List.of("internal"));
		return JSON.writeValueAsString(Map.of("publicKey", Map.of("credential", credential(response), "label", label)));
	}

	/** The body of a sign-in with this passkey, answering the given request options. */
	String signIn(String optionsJson, String origin) {
		JsonNode options = JSON.readTree(optionsJson);
		String rpId = options.path("rpId").asString();
		byte[] clientData = clientData("webauthn.get", options.path("challenge").asString(), origin);
		counter++;
		byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256(rpId)).put(UP_UV).putInt((int) counter).array();
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(keys.getPrivate());
			signer.update(authenticatorData);
			signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
			signature = signer.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", B64.encodeToString(authenticatorData));
		response.put("clientDataJSON", B64.encodeToString(clientData));
		response.put("signature", B64.encodeToString(signature));
		response.put("userHandle", userHandle == null ? B64.encodeToString(new byte[16]) : B64.encodeToString(userHandle));
		return JSON.writeValueAsString(credential(response));
	}

	private Map<String, Object> credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", id());
		credential.put("rawId", id());
		credential.put("response", response);
		credential.put("type", "public-key");
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return credential;
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		return JSON.writeValueAsString(Map.of("type", type, "challenge", challenge, "origin", origin, "crossOrigin", false))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
