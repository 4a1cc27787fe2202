-- Passkeys (WebAuthn) of staff, in the tables Spring Security's JDBC repositories read and write.
-- A passkey with user verification is two factors in one: something one has and a PIN or fingerprint
-- that never leaves the device. The portal stores only the public key.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(100)  not null unique,
    display_name varchar(200)
);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
create index user_credentials_user on user_credentials (user_entity_user_id);

comment on column user_entities.name is 'personal-data: Konto | Anmeldung der Beschäftigten mit Passkey | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung) | bis der Passkey oder das Konto gelöscht wird | Administration | Benutzername zum Passkey';
comment on column user_entities.display_name is 'personal-data: Konto | Anzeige des Namens im Passkey-Dialog des Geräts | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung) | bis der Passkey oder das Konto gelöscht wird | die Person selbst | Anzeigename zum Passkey';
comment on column user_credentials.label is 'personal-data: Konto | Unterscheiden mehrerer Passkeys einer Person | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung) | bis der Passkey oder das Konto gelöscht wird | die Person selbst | Bezeichnung des Passkeys';
comment on column user_credentials.last_used is 'personal-data: Konto | Erkennen ungenutzter oder missbrauchter Passkeys | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung) | wird bei jeder Anmeldung überschrieben; mit dem Passkey gelöscht | die Person selbst | Zeitpunkt der letzten Anmeldung mit dem Passkey';
