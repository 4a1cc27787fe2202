package de.bochum.portal.identity.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Service;

/**
 * Passkeys of citizen accounts. The citizen sign-in is not Spring Security's, so the two WebAuthn
 * ceremonies run here, on a relying party of their own: same name and origin as the staff one
 * ({@code portal.base-url}), but its own tables, so neither side accepts the other's passkeys.
 *
 * <p>A challenge lives in the session that asked for it and is taken out before it is checked, so it
 * counts once, whatever the outcome. Sign-in goes through {@link CitizenAccounts#signInWithPasskey},
 * which applies the same lock after failed attempts as the password.
 */
@Service
class CitizenPasskeys {

	private static final Logger log = LoggerFactory.getLogger(CitizenPasskeys.class);

	static final String CREATION = "identity.citizenPasskeyCreation";
	static final String REQUEST = "identity.citizenPasskeyRequest";
	static final int MAX_LABEL = 100;

	private final CitizenPasskeyRepositories.Users users;
	private final CitizenPasskeyRepositories.Credentials credentials;
	private final WebAuthnRelyingPartyOperations relyingParty;
	private final CitizenAccounts accounts;

	CitizenPasskeys(JdbcClient jdbc, CitizenAccounts accounts,
			@Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
		this.users = new CitizenPasskeyRepositories.Users(jdbc);
		this.credentials = new CitizenPasskeyRepositories.Credentials(jdbc);
		this.relyingParty = Passkeys.relyingParty(users, credentials, URI.create(baseUrl));
		this.accounts = accounts;
	}

	PublicKeyCredentialCreationOptions startRegistration(long accountId, HttpSession session) {
		users.ensure(accountId);
		var self = UsernamePasswordAuthenticationToken.authenticated(CitizenPasskeyRepositories.username(accountId),
				null, AuthorityUtils.NO_AUTHORITIES);
		PublicKeyCredentialCreationOptions options = relyingParty
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(self));
		session.setAttribute(CREATION, new Pending(accountId, options));
		return options;
	}

	/** Registers the device's new passkey; false when the challenge is missing or the answer does not hold. */
	boolean finishRegistration(long accountId, RelyingPartyPublicKey key, HttpSession session) {
		Object pending = session.getAttribute(CREATION);
		session.removeAttribute(CREATION);
		if (!(pending instanceof Pending p) || p.accountId() != accountId
				|| !(p.options() instanceof PublicKeyCredentialCreationOptions options)) {
			return false;
		}
		try {
			relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options, key));
		}
		catch (RuntimeException e) {
			log.info("Passkey für Bürgerkonto {} nicht eingerichtet: {}", accountId, e.getClass().getSimpleName());
			return false;
		}
		log.info("Passkey für Bürgerkonto {} eingerichtet", accountId);
		return true;
	}

	PublicKeyCredentialRequestOptions startSignIn(HttpSession session) {
		var anonymous = new AnonymousAuthenticationToken("citizen", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		PublicKeyCredentialRequestOptions options = relyingParty
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(anonymous));
		session.setAttribute(REQUEST, new Pending(0, options));
		return options;
	}

	CitizenAccounts.SignInResult finishSignIn(PublicKeyCredential<AuthenticatorAssertionResponse> answer,
			HttpSession session) {
		Object pending = session.getAttribute(REQUEST);
		session.removeAttribute(REQUEST);
		CitizenAccounts.SignInResult refused = new CitizenAccounts.SignInResult(CitizenAccounts.SignIn.WRONG, null);
		if (!(pending instanceof Pending p) || !(p.options() instanceof PublicKeyCredentialRequestOptions options)
				|| answer == null || answer.getRawId() == null) {
			return refused;
		}
		CredentialRecord known = credentials.findByCredentialId(answer.getRawId());
		if (known == null) {
			return refused;
		}
		Optional<Long> owner = accountOf(known.getUserEntityUserId());
		if (owner.isEmpty()) {
			return refused;
		}
		return accounts.signInWithPasskey(owner.get(), () -> {
			try {
				PublicKeyCredentialUserEntity user = relyingParty
					.authenticate(new RelyingPartyAuthenticationRequest(options, answer));
				return user != null && user.getId().equals(known.getUserEntityUserId());
			}
			catch (RuntimeException e) {
				log.info("Anmeldung mit Passkey am Bürgerkonto {} abgelehnt: {}", owner.get(), e.getClass().getSimpleName());
				return false;
			}
		});
	}

	List<PasskeyEntry> list(long accountId) {
		return Passkeys.entries(CitizenPasskeyRepositories.username(accountId), users, credentials);
	}

	/** Removes one of the account's own passkeys; false if it is not one of them. */
	boolean remove(long accountId, String credentialId) {
		boolean own = list(accountId).stream().anyMatch(entry -> entry.id().equals(credentialId));
		if (own) {
			credentials.delete(Bytes.fromBase64(credentialId));
			log.info("Passkey von Bürgerkonto {} entfernt", accountId);
		}
		return own;
	}

	private Optional<Long> accountOf(Bytes userId) {
		return users.accountIdOf(userId);
	}

	/** A ceremony begun in this session: its options (and challenge) and, for registration, whose. */
	record Pending(long accountId, Object options) implements java.io.Serializable {
	}
}
