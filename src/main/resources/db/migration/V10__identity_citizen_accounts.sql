-- Optional citizen accounts: an email address and a password, nothing else. Every service works
-- without one. Personal columns are declared with @PersonalData on CitizenAccount.
create table citizen_account (
    id                bigint generated always as identity primary key,
    email             text not null,
    password_hash     text not null,
    created_at        timestamp with time zone not null,
    email_verified_at timestamp with time zone,
    last_login_at     timestamp with time zone,
    failed_attempts   int  not null default 0,
    last_failed_at    timestamp with time zone,
    locked_until      timestamp with time zone
);
create unique index citizen_account_email on citizen_account (lower(email));

-- Links sent by mail (confirm the address). Only a hash of the token is stored.
create table citizen_email_token (
    token_hash text primary key,
    account_id bigint not null references citizen_account (id) on delete cascade,
    expires_at timestamp with time zone not null
);
comment on column citizen_email_token.token_hash is 'personal-data: Konto | Bestätigung der E-Mail-Adresse eines Bürgerkontos | Art. 6 Abs. 1 lit. a DSGVO (Einwilligung durch Anlegen des Kontos) | 24 Stunden, danach gelöscht | niemand | Bestätigungslink (als Hash)';
