-- Online applications (module applications): form definitions as data, drafts, cases with their
-- history, uploaded files, and the outbox of deliveries to the offices' systems.

create table applications_form (
    form_id      varchar(60)  not null,
    version      integer      not null,
    title        varchar(200) not null,
    dienststelle varchar(60)  not null,
    definition   jsonb        not null,
    checksum     varchar(64)  not null,
    loaded_at    timestamptz  not null default now(),
    primary key (form_id, version)
);
comment on table applications_form is 'Every version of every form definition ever loaded; a case names the version it was filled with.';

-- Drafts of people without an account: found by the session (draft id in the session) or by the
-- hash of the secret resume token mailed to them. The mail address itself is not kept.
create table applications_draft (
    id                uuid         primary key,
    form_id           varchar(60)  not null,
    form_version      integer      not null,
    answers           jsonb        not null default '{}',
    resume_token_hash varchar(64)  unique,
    resume_expires_at timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    foreign key (form_id, form_version) references applications_form (form_id, version)
);
comment on column applications_draft.answers is 'personal-data: Antragsdaten | Ausfüllen eines Online-Antrags, Fortsetzen später | Art. 6 Abs. 1 lit. e DSGVO | 30 Tage nach der letzten Änderung | nur die antragstellende Person | Angaben im Entwurf eines Online-Antrags';
create index applications_draft_updated on applications_draft (updated_at);

create table applications_case (
    id                 bigserial    primary key,
    reference          varchar(20)  not null unique,
    tracking_code_hash varchar(64)  not null,
    form_id            varchar(60)  not null,
    form_version       integer      not null,
    dienststelle       varchar(60)  not null,
    answers            jsonb        not null,
    applicant_email    varchar(320),
    notify             boolean      not null default false,
    state              varchar(20)  not null,
    assigned_to        varchar(100),
    submitted_at       timestamptz  not null,
    updated_at         timestamptz  not null,
    closed_at          timestamptz,
    retention_days     integer      not null,
    version            bigint       not null default 0,
    foreign key (form_id, form_version) references applications_form (form_id, version)
);
comment on column applications_case.answers is 'personal-data: Antragsdaten | Bearbeitung des Antrags durch die zuständige Dienststelle | Art. 6 Abs. 1 lit. c und e DSGVO i. V. m. dem Fachrecht des Antrags | je Formular festgelegt, ab Abschluss des Vorgangs (siehe Formularfelder) | Sachbearbeitung der zuständigen Dienststelle | Angaben im Online-Antrag';
comment on column applications_case.applicant_email is 'personal-data: Kontakt | Benachrichtigung über den Stand des Antrags und Rückfragen | Art. 6 Abs. 1 lit. e DSGVO | wie der Antrag | Sachbearbeitung der zuständigen Dienststelle | E-Mail-Adresse der antragstellenden Person';
comment on column applications_case.assigned_to is 'not-personal: Benutzername der zuständigen Sachbearbeitung (Beschäftigtenkonto, im Konto deklariert)';
create index applications_case_office_state on applications_case (dienststelle, state);
create index applications_case_email on applications_case (lower(applicant_email));

-- Status changes, questions and answers between office and applicant, internal notes.
create table applications_event (
    id         bigserial    primary key,
    case_id    bigint       not null references applications_case (id) on delete cascade,
    at         timestamptz  not null,
    kind       varchar(20)  not null,
    state      varchar(20),
    body       text,
    actor      varchar(100),
    public     boolean      not null
);
comment on column applications_event.body is 'personal-data: Antragsdaten | Rückfragen, Antworten und Vermerke zum Antrag | Art. 6 Abs. 1 lit. e DSGVO | wie der Antrag | Sachbearbeitung der zuständigen Dienststelle, Rückfragen und Antworten auch die antragstellende Person | Nachrichten und Vermerke zum Antrag';
comment on column applications_event.actor is 'not-personal: Benutzername der Beschäftigten oder "antragsteller" (Beschäftigtenkonto, im Konto deklariert)';
create index applications_event_case on applications_event (case_id, at);

create table applications_file (
    id           uuid         primary key,
    draft_id     uuid         references applications_draft (id) on delete cascade,
    case_id      bigint       references applications_case (id) on delete cascade,
    event_id     bigint       references applications_event (id) on delete cascade,
    field_id     varchar(100) not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    store_key    varchar(200) not null,
    created_at   timestamptz  not null
);
comment on column applications_file.file_name is 'personal-data: Antragsdaten | Nachweise zum Antrag (Dateiname; der Inhalt liegt im Dateispeicher) | Art. 6 Abs. 1 lit. c und e DSGVO | wie der Antrag | Sachbearbeitung der zuständigen Dienststelle | Hochgeladene Nachweise';
create index applications_file_draft on applications_file (draft_id);
create index applications_file_case on applications_file (case_id);

-- Outbox: one row per case that is to be delivered to the office's system. The case itself is
-- stored first; a delivery that fails is retried and never loses it.
create table applications_delivery (
    case_id         bigint       primary key references applications_case (id) on delete cascade,
    state           varchar(20)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    delivered_at    timestamptz,
    updated_at      timestamptz  not null
);
create index applications_delivery_due on applications_delivery (state, next_attempt_at);
