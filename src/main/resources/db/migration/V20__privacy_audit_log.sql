-- The access audit log: every view and change of personal data by staff. Append-only: the
-- application can only insert; a trigger refuses updates and deletes for everyone. Each entry
-- carries the hash of the one before it (a hash chain), so a change made around the trigger
-- (by a database superuser) is detected by AuditChain.verify().
create table privacy_audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamp with time zone not null,
    actor       text not null,
    action      text not null check (action in ('VIEW', 'CHANGE', 'EXPORT', 'ERASE')),
    record_type text not null,
    record_id   text not null,
    reason      text not null default '',
    prev_hash   text not null,
    hash        text not null unique
);
create index privacy_audit_log_by_record on privacy_audit_log (record_type, record_id);
create index privacy_audit_log_by_actor on privacy_audit_log (actor, occurred_at);

comment on column privacy_audit_log.actor is 'personal-data: Beschäftigtendaten | Nachweis, wer auf personenbezogene Daten zugegriffen hat (Zugriffsprotokoll) | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 5 Abs. 2 und Art. 32 DSGVO | 2 Jahre nach dem Zugriff | Datenschutzbeauftragte | Benutzername der zugreifenden Person';
comment on column privacy_audit_log.reason is 'personal-data: Beschäftigtendaten | Begründung eines Zugriffs außerhalb der eigenen Zuständigkeit | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 5 Abs. 2 DSGVO | 2 Jahre nach dem Zugriff | Datenschutzbeauftragte | Begründung des Zugriffs';

create function privacy_audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'privacy_audit_log is append-only';
end;
$$;

create trigger privacy_audit_log_no_update before update or delete on privacy_audit_log
    for each row execute function privacy_audit_log_append_only();
create trigger privacy_audit_log_no_truncate before truncate on privacy_audit_log
    for each statement execute function privacy_audit_log_append_only();
