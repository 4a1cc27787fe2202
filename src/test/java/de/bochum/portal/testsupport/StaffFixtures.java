package de.bochum.portal.testsupport;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Staff accounts for tests of other modules, written the way the identity module stores them. */
public final class StaffFixtures {

	public static final String PASSWORD = "Test-Passwort-Beschaeftigte";

	private static final String HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);

	private StaffFixtures() {
	}

	/** Creates an account with {@link #PASSWORD}, the authenticator {@link TotpCodes#SECRET} and the given roles (e.g. "EDITOR"); returns its user name. */
	public static String create(JdbcClient jdbc, String... roles) {
		String username = createWithoutSecondFactor(jdbc, roles);
		jdbc.sql("update staff_account set totp_secret = ?, totp_enrolled_at = now() where username = ?")
			.params(TotpCodes.SECRET, username)
			.update();
		return username;
	}

	/** Like {@link #create}, for someone who works for these offices (Dienststelle slugs, e.g. "buergerbueros"). */
	public static String createInOffices(JdbcClient jdbc, Set<String> offices, String... roles) {
		String username = create(jdbc, roles);
		for (String office : offices) {
			jdbc.sql("""
					insert into staff_account_office (account_id, office)
					select id, ? from staff_account where username = ?""").params(office, username).update();
		}
		return username;
	}

	/** Like {@link #create}, for someone who has not set up an authenticator yet. */
	public static String createWithoutSecondFactor(JdbcClient jdbc, String... roles) {
		String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
		long id = jdbc.sql("""
				insert into staff_account (username, display_name, password_hash, created_at)
				values (?, ?, ?, now()) returning id""")
			.params(username, "Testperson " + username, HASH)
			.query(Long.class)
			.single();
		for (String role : roles) {
			jdbc.sql("insert into staff_account_role (account_id, role) values (?, ?)").params(id, role).update();
		}
		return username;
	}
}
