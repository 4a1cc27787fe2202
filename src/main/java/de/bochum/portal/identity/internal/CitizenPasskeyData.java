package de.bochum.portal.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bochum.portal.privacy.Citizen;
import de.bochum.portal.privacy.CitizenDataHolder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The passkeys of a citizen account in the export, and gone with the erasure. The public key itself
 * is exported too: it is what the portal holds, and it reveals nothing the person's device does not.
 */
@Component
class CitizenPasskeyData implements CitizenDataHolder {

	private final JdbcClient jdbc;

	CitizenPasskeyData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String title() {
		return "Passkeys des Bürgerkontos";
	}

	/** Just before the account, whose deletion would take them along anyway. */
	@Override
	public int erasureOrder() {
		return Integer.MAX_VALUE - 1;
	}

	@Override
	public List<Map<String, Object>> export(Citizen citizen) {
		if (citizen.accountId() == null) {
			return List.of();
		}
		return jdbc.sql("""
				select p.credential_id, p.label, p.public_key, p.created_at, p.last_used_at
				from citizen_passkey p join citizen_passkey_user u on u.id = p.user_id
				where u.account_id = ? order by p.created_at""")
			.param(citizen.accountId())
			.query((rs, row) -> {
				Map<String, Object> record = new LinkedHashMap<>();
				record.put("Bezeichnung des Passkeys", rs.getString("label"));
				record.put("Kennung des Passkeys (öffentlich)", rs.getString("credential_id"));
				record.put("Öffentlicher Schlüssel des Passkeys",
						java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(rs.getBytes("public_key")));
				record.put("Zeitpunkt der Einrichtung des Passkeys", text(rs.getTimestamp("created_at")));
				record.put("Zeitpunkt der letzten Anmeldung mit dem Passkey", text(rs.getTimestamp("last_used_at")));
				return record;
			})
			.list();
	}

	@Override
	public List<String> erase(Citizen citizen) {
		if (citizen.accountId() != null) {
			jdbc.sql("delete from citizen_passkey_user where account_id = ?").param(citizen.accountId()).update();
		}
		return List.of();
	}

	private static String text(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().toString();
	}
}
