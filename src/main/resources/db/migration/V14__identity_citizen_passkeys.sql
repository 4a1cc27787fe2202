-- Passkeys (WebAuthn) of citizen accounts, in tables of their own: the staff passkeys live in
-- user_entities/user_credentials (V12), and keeping the two apart means a citizen's passkey can never
-- open the staff area, nor a staff passkey a citizen account. Only the public key is stored.
-- A citizen account has at most one WebAuthn user handle (random, says nothing about the person).
create table citizen_passkey_user (
    id         varchar(200) not null primary key,
    account_id bigint       not null unique references citizen_account (id) on delete cascade
);

create table citizen_passkey (
    credential_id                varchar(1000) not null primary key,
    user_id                      varchar(200)  not null references citizen_passkey_user (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint        not null,
    uv_initialized               boolean       not null,
    backup_eligible              boolean       not null,
    backup_state                 boolean       not null,
    transports                   varchar(1000),
    credential_type              varchar(100),
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created_at                   timestamp with time zone not null,
    last_used_at                 timestamp with time zone,
    label                        varchar(100)  not null
);
create index citizen_passkey_user_id on citizen_passkey (user_id);

comment on column citizen_passkey.credential_id is 'personal-data: Konto | Anmeldung am Bürgerkonto mit Passkey | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Einrichten des Passkeys) | solange das Konto besteht, bis Sie den Passkey entfernen | Sie selbst | Kennung des Passkeys (öffentlich)';
comment on column citizen_passkey.public_key is 'personal-data: Konto | Prüfen der Anmeldung mit Passkey | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Einrichten des Passkeys) | solange das Konto besteht, bis Sie den Passkey entfernen | niemand | Öffentlicher Schlüssel des Passkeys';
comment on column citizen_passkey.label is 'personal-data: Konto | Unterscheiden mehrerer Passkeys eines Kontos | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Einrichten des Passkeys) | solange das Konto besteht, bis Sie den Passkey entfernen | Sie selbst | Bezeichnung des Passkeys';
comment on column citizen_passkey.created_at is 'personal-data: Konto | Nachweis, wann der Passkey eingerichtet wurde | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Einrichten des Passkeys) | solange das Konto besteht, bis Sie den Passkey entfernen | Sie selbst | Zeitpunkt der Einrichtung des Passkeys';
comment on column citizen_passkey.last_used_at is 'personal-data: Konto | Hinweis auf die letzte Anmeldung mit dem Passkey, damit Sie fremde Zugriffe bemerken | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Einrichten des Passkeys) | wird bei jeder Anmeldung überschrieben; solange das Konto besteht | Sie selbst | Zeitpunkt der letzten Anmeldung mit dem Passkey';
comment on column citizen_passkey_user.id is 'not-personal: zufällige WebAuthn-Kennung ohne Bezug zur Person; mit dem Konto gelöscht';
