-- What the retention job did: per rule and run, how many records it deleted or anonymised.
-- Counts only, never contents.
create table privacy_retention_run (
    id           bigint generated always as identity primary key,
    rule_key     text        not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone not null,
    affected     bigint      not null,
    failure      text,
    triggered_by text        not null
);
create index privacy_retention_run_started on privacy_retention_run (started_at desc);
comment on column privacy_retention_run.triggered_by is 'personal-data: Protokoll | Nachweis, wer eine Löschung außerhalb des Zeitplans ausgelöst hat | Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 5 Abs. 2 DSGVO (Rechenschaftspflicht) | 3 Jahre | Datenschutzbeauftragte, Administration | Auslöser eines Löschlaufs (Zeitplan oder Benutzername)';
