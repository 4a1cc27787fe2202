package de.bochum.portal.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import de.bochum.portal.testsupport.PortalHttp;
import de.bochum.portal.testsupport.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Passwords from published breaches are refused, for citizens and staff, from a list on disk in the
 * format of the Pwned Passwords download (sorted SHA-1, {@code HASH:COUNT}, CRLF).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BreachedPasswordsTest {

	static final String LEAKED = "Sonnenschein über Bochum";
	static final Path LIST = writeList(List.of(LEAKED, "Glück auf, Bochum!"), 20_000);

	@DynamicPropertySource
	static void list(DynamicPropertyRegistry registry) {
		registry.add("portal.identity.breached-passwords-file", LIST::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyListedHashIsFoundAndNothingElse(@TempDir Path dir) throws IOException {
		BreachedPasswords passwords = new BreachedPasswords(LIST.toString());
		List<String> lines = Files.readAllLines(LIST);
		for (int i = 0; i < lines.size(); i += 97) {
			assertThat(search(LIST, lines.get(i))).as("line %d", i).isTrue();
		}
		assertThat(search(LIST, lines.get(0))).as("the first line").isTrue();
		assertThat(search(LIST, lines.get(lines.size() - 1))).as("the last line").isTrue();
		assertThat(passwords.contains(LEAKED)).isTrue();
		assertThat(passwords.contains("ein Passwort, das nirgends steht 4711")).isFalse();
		assertThat(new BreachedPasswords("").contains(LEAKED)).as("no list, no check").isFalse();

		Path empty = Files.createFile(dir.resolve("leer.txt"));
		assertThat(new BreachedPasswords(empty.toString()).contains(LEAKED)).isFalse();
		assertThatThrownBy(() -> new BreachedPasswords(dir.resolve("fehlt.txt").toString()))
			.as("a configured list that is missing stops the start").hasMessageContaining("not readable");
	}

	@Test
	void citizensAndStaffCannotChooseALeakedPassword() {
		PortalHttp citizen = new PortalHttp(port);
		String body = citizen.submit("/konto/registrieren", "/konto/registrieren",
				Map.of("email", "leck@example.org", "passwort", LEAKED, "wiederholung", LEAKED)).body();
		assertThat(body).contains("bei Datenlecks veröffentlicht", "value=\"leck@example.org\"");
		assertThat(jdbc.sql("select count(*) from citizen_account where email = 'leck@example.org'").query(Long.class).single())
			.isZero();

		String username = StaffFixtures.create(jdbc, "EDITOR");
		PortalHttp staff = new PortalHttp(port);
		staff.signIn(username, StaffFixtures.PASSWORD);
		assertThat(staff.submit("/intern/passwort", "/intern/passwort",
				Map.of("aktuell", StaffFixtures.PASSWORD, "neu", LEAKED, "wiederholung", LEAKED)).body())
			.contains("bei einem Datenleck veröffentlicht");
	}

	/** A hash line (with its count) searched for as its own hash. */
	private static boolean search(Path list, String line) {
		String hash = line.substring(0, line.indexOf(':'));
		return new BreachedPasswords(list.toString()).containsHash(hash);
	}

	private static Path writeList(List<String> leaked, int others) {
		try {
			Random random = new Random(26);
			List<String> hashes = new ArrayList<>();
			for (String password : leaked) {
				hashes.add(BreachedPasswords.sha1(password));
			}
			for (int i = 0; i < others; i++) {
				byte[] bytes = new byte[20];
				random.nextBytes(bytes);
				hashes.add(java.util.HexFormat.of().withUpperCase().formatHex(bytes));
			}
			Collections.sort(hashes);
			StringBuilder text = new StringBuilder();
			for (String hash : hashes) {
				text.append(hash).append(':').append(1 + random.nextInt(5000)).append("\r\n");
			}
			Path file = Files.createTempFile("pwned-", ".txt");
			file.toFile().deleteOnExit();
			Files.writeString(file, text);
			return file;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
