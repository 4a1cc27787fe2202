package de.bochum.portal.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The stores behind the citizens' relying party, on the tables {@code citizen_passkey_user} and
 * {@code citizen_passkey}. Spring Security's JDBC repositories are bound to the staff tables, and a
 * passkey found there must never sign a citizen in, so the citizens' side has its own.
 *
 * <p>The WebAuthn "user name" of a citizen is the account number (what the relying party's
 * operations ask by); the name the device shows is the account's email address, read from the
 * account, so it is stored nowhere else.
 */
final class CitizenPasskeyRepositories {

	private CitizenPasskeyRepositories() {
	}

	static String username(long accountId) {
		return Long.toString(accountId);
	}

	static Long accountId(String username) {
		try {
			return username == null ? null : Long.valueOf(username);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static final class Users implements PublicKeyCredentialUserEntityRepository {

		private static final String SELECT = """
				select u.id, u.account_id, a.email from citizen_passkey_user u
				join citizen_account a on a.id = u.account_id""";

		private final JdbcClient jdbc;

		Users(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public PublicKeyCredentialUserEntity findById(Bytes id) {
			return jdbc.sql(SELECT + " where u.id = ?").param(id.toBase64UrlString()).query(Users::entity).optional()
				.orElse(null);
		}

		@Override
		public PublicKeyCredentialUserEntity findByUsername(String username) {
			Long account = accountId(username);
			if (account == null) {
				return null;
			}
			return jdbc.sql(SELECT + " where u.account_id = ?").param(account).query(Users::entity).optional().orElse(null);
		}

		/** Called by the relying party for an account without a handle yet; the name is the account number. */
		@Override
		public void save(PublicKeyCredentialUserEntity user) {
			Long account = accountId(user.getName());
			if (account == null) {
				throw new IllegalArgumentException("not a citizen account");
			}
			jdbc.sql("insert into citizen_passkey_user (id, account_id) values (?, ?) on conflict (account_id) do nothing")
				.params(user.getId().toBase64UrlString(), account)
				.update();
		}

		@Override
		public void delete(Bytes id) {
			jdbc.sql("delete from citizen_passkey_user where id = ?").param(id.toBase64UrlString()).update();
		}

		Optional<Long> accountIdOf(Bytes id) {
			return jdbc.sql("select account_id from citizen_passkey_user where id = ?").param(id.toBase64UrlString())
				.query(Long.class).optional();
		}

		/** The handle of an account, created once so that the device shows the address, not a number. */
		PublicKeyCredentialUserEntity ensure(long accountId) {
			PublicKeyCredentialUserEntity existing = findByUsername(username(accountId));
			if (existing != null) {
				return existing;
			}
			save(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.random())
				.name(username(accountId))
				.displayName(username(accountId))
				.build());
			return findByUsername(username(accountId));
		}

		private static PublicKeyCredentialUserEntity entity(ResultSet rs, int row) throws SQLException {
			return ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.fromBase64(rs.getString("id")))
				.name(rs.getString("email"))
				.displayName(rs.getString("email"))
				.build();
		}
	}

	static final class Credentials implements UserCredentialRepository {

		private static final String SELECT = """
				select credential_id, user_id, public_key, signature_count, uv_initialized, backup_eligible,
				       backup_state, transports, credential_type, attestation_object, attestation_client_data_json,
				       created_at, last_used_at, label
				from citizen_passkey""";

		private final JdbcClient jdbc;

		Credentials(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public void delete(Bytes credentialId) {
			jdbc.sql("delete from citizen_passkey where credential_id = ?").param(credentialId.toBase64UrlString()).update();
		}

		/** Inserts a new passkey, or records a sign-in with an existing one (counter, flags, last use). */
		@Override
		public void save(CredentialRecord record) {
			jdbc.sql("""
					insert into citizen_passkey (credential_id, user_id, public_key, signature_count, uv_initialized,
					    backup_eligible, backup_state, transports, credential_type, attestation_object,
					    attestation_client_data_json, created_at, last_used_at, label)
					values (:id, :user, :key, :count, :uv, :eligible, :state, :transports, :type, :attestation,
					    :clientData, :created, :lastUsed, :label)
					on conflict (credential_id) do update set signature_count = excluded.signature_count,
					    uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state,
					    last_used_at = excluded.last_used_at""")
				.param("id", record.getCredentialId().toBase64UrlString())
				.param("user", record.getUserEntityUserId().toBase64UrlString())
				.param("key", record.getPublicKey().getBytes())
				.param("count", record.getSignatureCount())
				.param("uv", record.isUvInitialized())
				.param("eligible", record.isBackupEligible())
				.param("state", record.isBackupState())
				.param("transports", record.getTransports() == null ? null
						: record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(",")))
				.param("type", record.getCredentialType() == null ? null : record.getCredentialType().getValue())
				.param("attestation", bytes(record.getAttestationObject()))
				.param("clientData", bytes(record.getAttestationClientDataJSON()))
				.param("created", timestamp(record.getCreated()))
				.param("lastUsed", timestamp(record.getLastUsed()))
				.param("label", record.getLabel())
				.update();
		}

		@Override
		public CredentialRecord findByCredentialId(Bytes credentialId) {
			return jdbc.sql(SELECT + " where credential_id = ?").param(credentialId.toBase64UrlString())
				.query(Credentials::record).optional().orElse(null);
		}

		@Override
		public List<CredentialRecord> findByUserId(Bytes userId) {
			return jdbc.sql(SELECT + " where user_id = ? order by created_at").param(userId.toBase64UrlString())
				.query(Credentials::record).list();
		}

		private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
			String transports = rs.getString("transports");
			Set<AuthenticatorTransport> transportSet = transports == null || transports.isEmpty() ? Set.of()
					: Arrays.stream(transports.split(",")).map(AuthenticatorTransport::valueOf)
						.collect(Collectors.toCollection(LinkedHashSet::new));
			String type = rs.getString("credential_type");
			return ImmutableCredentialRecord.builder()
				.credentialId(Bytes.fromBase64(rs.getString("credential_id")))
				.userEntityUserId(Bytes.fromBase64(rs.getString("user_id")))
				.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
				.signatureCount(rs.getLong("signature_count"))
				.uvInitialized(rs.getBoolean("uv_initialized"))
				.backupEligible(rs.getBoolean("backup_eligible"))
				.backupState(rs.getBoolean("backup_state"))
				.transports(transportSet)
				.credentialType(type == null ? null : PublicKeyCredentialType.valueOf(type))
				.attestationObject(rs.getBytes("attestation_object") == null ? null : new Bytes(rs.getBytes("attestation_object")))
				.attestationClientDataJSON(rs.getBytes("attestation_client_data_json") == null ? null
						: new Bytes(rs.getBytes("attestation_client_data_json")))
				.created(instant(rs.getTimestamp("created_at")))
				.lastUsed(instant(rs.getTimestamp("last_used_at")))
				.label(rs.getString("label"))
				.build();
		}

		private static byte[] bytes(Bytes bytes) {
			return bytes == null ? null : bytes.getBytes();
		}

		private static Timestamp timestamp(Instant instant) {
			return instant == null ? null : Timestamp.from(instant);
		}

		private static Instant instant(Timestamp timestamp) {
			return timestamp == null ? null : timestamp.toInstant();
		}
	}
}
