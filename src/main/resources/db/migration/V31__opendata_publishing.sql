-- Publishing: who publishes for which organization, what they changed, and their API tokens.

-- Optimistic locking for the staff form: a stale edit is refused instead of overwriting.
alter table opendata_dataset add column lock_version bigint not null default 0;

create table opendata_publisher (
    username        text not null,
    organization_id uuid not null references opendata_organization (id) on delete cascade,
    granted_by      text not null,
    granted_at      timestamptz not null default now(),
    primary key (username, organization_id)
);
comment on column opendata_publisher.username is 'personal-data: staff | Berechtigung, Datensätze für eine Organisation zu veröffentlichen | Art. 6 Abs. 1 lit. e DSGVO, § 3 DSG NRW | bis die Berechtigung entzogen wird | Administration | Benutzername einer veröffentlichenden Person';
comment on column opendata_publisher.granted_by is 'personal-data: staff | Nachvollziehbarkeit, wer eine Berechtigung erteilt hat | Art. 6 Abs. 1 lit. e DSGVO | bis die Berechtigung entzogen wird | Administration | Benutzername der Person, die die Berechtigung erteilt hat';

-- Who created, changed or deleted which dataset when. Kept beyond a soft delete on purpose.
create table opendata_audit (
    id           bigserial primary key,
    dataset_id   uuid not null,
    dataset_name text not null,
    changed_by   text not null,
    action       text not null,
    channel      text not null check (channel in ('web', 'api')),
    detail       text not null default '',
    at           timestamptz not null default now()
);
create index opendata_audit_dataset on opendata_audit (dataset_id, at desc);
comment on column opendata_audit.dataset_name is 'not-personal: URL slug of a dataset at the time of the change';
comment on column opendata_audit.changed_by is 'personal-data: staff | Nachvollziehbarkeit von Änderungen an veröffentlichten Daten | Art. 6 Abs. 1 lit. e DSGVO | drei Jahre nach der Änderung | Veröffentlichende der Organisation, Administration | Benutzername der Person, die einen Datensatz geändert hat';

-- Personal API tokens: only a SHA-256 hash is stored; the token itself is shown once.
create table opendata_api_token (
    id         uuid primary key,
    username   text not null,
    label      text not null,
    token_hash text not null unique,
    created    timestamptz not null default now(),
    last_used  timestamptz,
    expires    timestamptz
);
create index opendata_api_token_user on opendata_api_token (username);
comment on column opendata_api_token.username is 'personal-data: staff | Anmeldung von Programmen an der CKAN-Schnittstelle im Namen einer Person | Art. 6 Abs. 1 lit. e DSGVO | bis das Token widerrufen wird oder 90 Tage nach Ablauf | die Person selbst | Benutzername der Inhaberin eines API-Tokens';
comment on column opendata_api_token.last_used is 'personal-data: staff | Erkennen nicht mehr genutzter oder missbrauchter Tokens | Art. 6 Abs. 1 lit. e DSGVO | bis das Token widerrufen wird oder 90 Tage nach Ablauf | die Person selbst | Letzte Nutzung eines API-Tokens';
