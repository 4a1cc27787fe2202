-- Staff sign in with a second factor: a TOTP authenticator app (RFC 6238) plus one-time recovery
-- codes for a lost phone. The TOTP columns are declared with @PersonalData on StaffAccount.
alter table staff_account
    add column totp_secret      text,
    add column totp_last_step   bigint,
    add column totp_enrolled_at timestamp with time zone;

create table staff_recovery_code (
    id         bigint generated always as identity primary key,
    account_id bigint not null references staff_account (id) on delete cascade,
    code_hash  text   not null,
    used_at    timestamp with time zone
);
create index staff_recovery_code_account on staff_recovery_code (account_id);
comment on column staff_recovery_code.code_hash is 'personal-data: Konto | Anmeldung mit dem zweiten Faktor, wenn das Smartphone verloren ist | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung) | bis zur Neuerzeugung der Codes oder zur Löschung des Kontos; nur als SHA-256-Hash | niemand | Wiederherstellungscodes (als Hash)';
comment on column staff_recovery_code.used_at is 'personal-data: Konto | Verhindern, dass ein Wiederherstellungscode zweimal genutzt wird | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO (Sicherheit der Verarbeitung) | mit den Codes gelöscht | Administration | Zeitpunkt der Nutzung eines Wiederherstellungscodes';
