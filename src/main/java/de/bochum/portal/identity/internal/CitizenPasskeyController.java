package de.bochum.portal.identity.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import de.bochum.portal.platform.PageContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebAuthn ceremonies of citizen accounts, asked for by {@code /js/passkeys.js}: options and
 * answer for adding a passkey on the account page, options and answer for signing in with one. The
 * answers are JSON because the browser's script reads them; removing a passkey is a plain form.
 */
@Controller
class CitizenPasskeyController {

	static final String REGISTER_OPTIONS = "/konto/passkeys/optionen";
	static final String REGISTER = "/konto/passkeys";
	static final String SIGN_IN_OPTIONS = "/konto/anmelden/passkey/optionen";
	static final String SIGN_IN = "/konto/anmelden/passkey";

	private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>> ASSERTION = new TypeReference<>() {
	};

	/** Spring Security's WebAuthn types in the JSON shape the browser API uses (base64url bytes). */
	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
	private final CitizenPasskeys passkeys;
	private final CitizenAccounts accounts;

	CitizenPasskeyController(CitizenPasskeys passkeys, CitizenAccounts accounts) {
		this.passkeys = passkeys;
		this.accounts = accounts;
	}

	@PostMapping(value = REGISTER_OPTIONS, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> registrationOptions(HttpSession session) {
		Long account = signedIn(session);
		if (account == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		return ResponseEntity.ok(json.writeValueAsString(passkeys.startRegistration(account, session)));
	}

	@PostMapping(value = REGISTER, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> register(@RequestBody String body, HttpSession session) {
		Long account = signedIn(session);
		if (account == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		RelyingPartyPublicKey key;
		try {
			JsonNode publicKey = json.readTree(body).path("publicKey");
			key = json.treeToValue(publicKey, RelyingPartyPublicKey.class);
		}
		catch (JacksonException | IllegalArgumentException e) {
			return answer(HttpStatus.BAD_REQUEST, Map.of("success", false));
		}
		String label = key == null || key.getLabel() == null ? "" : key.getLabel().strip();
		if (label.isEmpty() || label.length() > CitizenPasskeys.MAX_LABEL) {
			session.removeAttribute(CitizenPasskeys.CREATION);
			return answer(HttpStatus.BAD_REQUEST, Map.of("success", false));
		}
		boolean registered = passkeys.finishRegistration(account,
				new RelyingPartyPublicKey(key.getCredential(), label), session);
		return answer(registered ? HttpStatus.OK : HttpStatus.BAD_REQUEST, Map.of("success", registered));
	}

	@PostMapping(REGISTER + "/{id}/loeschen")
	String remove(@PathVariable String id, HttpSession session, RedirectAttributes redirect) {
		Long account = signedIn(session);
		if (account == null) {
			return "redirect:/konto/anmelden";
		}
		if (!passkeys.remove(account, id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "citizen.passkeys.deleted");
		return "redirect:/konto";
	}

	@PostMapping(value = SIGN_IN_OPTIONS, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> signInOptions(HttpSession session) {
		return ResponseEntity.ok(json.writeValueAsString(passkeys.startSignIn(session)));
	}

	@PostMapping(value = SIGN_IN, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> signIn(@RequestBody String body, HttpServletRequest request,
			@ModelAttribute("ctx") PageContext ctx) {
		HttpSession session = request.getSession();
		PublicKeyCredential<AuthenticatorAssertionResponse> credential;
		try {
			credential = json.readValue(body, ASSERTION);
		}
		catch (JacksonException | IllegalArgumentException e) {
			session.removeAttribute(CitizenPasskeys.REQUEST);
			return answer(HttpStatus.UNAUTHORIZED, Map.of("message", ctx.t("citizen.passkeys.signin.failed")));
		}
		CitizenAccounts.SignInResult result = passkeys.finishSignIn(credential, session);
		return switch (result.outcome()) {
			case OK -> {
				session.setAttribute(CitizenController.CITIZEN, result.accountId());
				request.changeSessionId();
				yield answer(HttpStatus.OK, Map.of("redirectUrl", "/konto", "authenticated", true));
			}
			case LOCKED -> answer(HttpStatus.UNAUTHORIZED, Map.of("message", ctx.t("citizen.error.locked")));
			case UNVERIFIED -> answer(HttpStatus.UNAUTHORIZED, Map.of("message", ctx.t("citizen.error.unverified")));
			case WRONG -> answer(HttpStatus.UNAUTHORIZED, Map.of("message", ctx.t("citizen.passkeys.signin.failed")));
		};
	}

	private ResponseEntity<String> answer(HttpStatus status, Map<String, Object> body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
	}

	private Long signedIn(HttpSession session) {
		Object id = session.getAttribute(CitizenController.CITIZEN);
		if (id instanceof Long account && accounts.find(account).isPresent()) {
			return account;
		}
		return null;
	}
}
