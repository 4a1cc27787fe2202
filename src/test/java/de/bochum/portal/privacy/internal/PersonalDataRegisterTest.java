package de.bochum.portal.privacy.internal;

import de.bochum.portal.privacy.PersonalDataDeclaration;
import de.bochum.portal.privacy.PersonalDataRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class PersonalDataRegisterTest {

	@Autowired
	PersonalDataRegister register;

	@Autowired
	PersonalDataCheck check;

	@Autowired
	DeclaredPersonalData declared;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropTestTable() {
		jdbc.sql("drop table if exists privacy_check_probe").update();
		declared.forget();
	}

	@Test
	void declarationsOnEntitiesAndInMigrationsAreRegistered() {
		assertThat(register.declarations()).extracting(d -> d.table() + "." + d.column())
			.contains("staff_account.username", "staff_account.display_name", "staff_account.password_hash",
					"staff_account.last_login_at", "privacy_audit_log.actor", "privacy_audit_log.reason");
		PersonalDataDeclaration username = register.declarations()
			.stream()
			.filter(d -> d.column().equals("username"))
			.findFirst()
			.orElseThrow();
		assertThat(username.module()).isEqualTo("identity");
		assertThat(username.label()).isEqualTo("Benutzername");
		assertThat(username.legalBasis()).contains("DSGVO");
		assertThat(username.retention()).isNotBlank();
		PersonalDataDeclaration actor = register.declarations()
			.stream()
			.filter(d -> d.column().equals("actor"))
			.findFirst()
			.orElseThrow();
		assertThat(actor.module()).isEqualTo("privacy");
		assertThat(actor.retention()).isEqualTo("2 Jahre nach dem Zugriff");
	}

	@Test
	void theCurrentSchemaPassesTheCheck() {
		assertThat(check.problems()).isEmpty();
	}

	@Test
	void anUndeclaredPersonalColumnStopsTheStart() {
		jdbc.sql("create table privacy_check_probe (id int, e_mail text, kontakt_telefon text, titel text)").update();
		assertThat(check.problems()).singleElement()
			.asString()
			.contains("privacy_check_probe.e_mail", "privacy_check_probe.kontakt_telefon")
			.doesNotContain("privacy_check_probe.titel", "privacy_check_probe.id");
		assertThatThrownBy(() -> check.run(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("privacy_check_probe.e_mail");
	}

	@Test
	void aColumnCommentDeclaresOrExempts() {
		jdbc.sql("create table privacy_check_probe (id int, e_mail text, name text)").update();
		jdbc.sql("comment on column privacy_check_probe.name is 'not-personal: name of a bus stop'").update();
		jdbc.sql("comment on column privacy_check_probe.e_mail is "
				+ "'personal-data: Kontakt | Rückfragen | Art. 6 Abs. 1 lit. e DSGVO | 30 Tage | Sachbearbeitung | E-Mail-Adresse'")
			.update();
		assertThat(check.problems()).isEmpty();
		assertThat(register.declarations()).filteredOn(d -> d.table().equals("privacy_check_probe"))
			.singleElement()
			.satisfies(d -> {
				assertThat(d.label()).isEqualTo("E-Mail-Adresse");
				assertThat(d.retention()).isEqualTo("30 Tage");
			});
	}

	@Test
	void recognisesColumnsThatLookPersonal() {
		assertThat(DeclaredPersonalData.looksPersonal("maintainer_email")).isTrue();
		assertThat(DeclaredPersonalData.looksPersonal("geburtsdatum")).isTrue();
		assertThat(DeclaredPersonalData.looksPersonal("iban")).isTrue();
		assertThat(DeclaredPersonalData.looksPersonal("client_ip")).isTrue();
		assertThat(DeclaredPersonalData.looksPersonal("display_name")).isTrue();
		assertThat(DeclaredPersonalData.looksPersonal("description")).isFalse();
		assertThat(DeclaredPersonalData.looksPersonal("zip")).isFalse();
		assertThat(DeclaredPersonalData.looksPersonal("shipping")).isFalse();
	}
}
