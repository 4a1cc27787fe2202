-- Appointments at the citizens' offices. A booking occupies one counter for a time range; the
-- exclusion constraint below makes PostgreSQL itself refuse a second booking that overlaps one
-- that still occupies the counter, however many requests race for it.
-- btree_gist is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists btree_gist;

create table appointments_office (
    id            bigserial   primary key,
    standort_slug varchar(80) not null unique,
    -- start times are offered on this grid (minutes)
    slot_minutes  int         not null default 10 check (slot_minutes between 5 and 60),
    active        boolean     not null default true
);

create table appointments_counter (
    id        bigserial   primary key,
    office_id bigint      not null references appointments_office (id) on delete cascade,
    label     varchar(40) not null,
    active    boolean     not null default true,
    unique (office_id, label)
);

-- When a counter is staffed; the office's opening hours (with holidays) limit it further.
create table appointments_counter_hours (
    counter_id bigint   not null references appointments_counter (id) on delete cascade,
    weekday    smallint not null check (weekday between 1 and 7),
    starts     time     not null,
    ends       time     not null,
    check (starts < ends),
    primary key (counter_id, weekday, starts)
);

-- Per-office duration of a service; without a row the catalogue's duration applies.
create table appointments_duration (
    office_id     bigint       not null references appointments_office (id) on delete cascade,
    leistung_slug varchar(100) not null,
    minutes       int          not null check (minutes between 5 and 240),
    primary key (office_id, leistung_slug)
);

-- Closures of a whole office (counter_id null) or absences at one counter.
create table appointments_closure (
    id         bigserial    primary key,
    office_id  bigint       not null references appointments_office (id) on delete cascade,
    counter_id bigint       references appointments_counter (id) on delete cascade,
    period     tstzrange    not null,
    reason     varchar(200) not null
);
create index appointments_closure_office on appointments_closure using gist (office_id, period);

create table appointments_booking (
    id            bigserial    primary key,
    reference     varchar(12)  not null unique,
    office_id     bigint       not null references appointments_office (id),
    counter_id    bigint       not null references appointments_counter (id),
    period        tstzrange    not null,
    status        varchar(12)  not null
        check (status in ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'CHECKED_IN', 'NO_SHOW', 'BLOCKED')),
    name          varchar(120),
    email         varchar(254),
    token_hash    bytea        unique,
    hold_until    timestamptz,
    created_at    timestamptz  not null,
    confirmed_at  timestamptz,
    reminded_at   timestamptz,
    called_at     timestamptz,
    walk_in       boolean      not null default false,
    note          varchar(200),
    anonymised_at timestamptz,
    check (not isempty(period)),
    constraint appointments_booking_no_overlap exclude using gist (counter_id with =, period with &&)
        where (status in ('HELD', 'CONFIRMED', 'CHECKED_IN', 'NO_SHOW', 'BLOCKED'))
);
create index appointments_booking_office_period on appointments_booking using gist (office_id, period);
create index appointments_booking_email on appointments_booking (email) where email is not null;
create index appointments_booking_reminder on appointments_booking (status, reminded_at);

create table appointments_booking_service (
    booking_id    bigint       not null references appointments_booking (id) on delete cascade,
    leistung_slug varchar(100) not null,
    quantity      int          not null check (quantity between 1 and 9),
    primary key (booking_id, leistung_slug)
);

-- Fixed-window counters of the rate limits, keyed by a keyed hash of the IP address or email.
create table appointments_rate (
    bucket   varchar(80) not null,
    window_start timestamptz not null,
    hits     int         not null,
    primary key (bucket, window_start)
);

-- Proof-of-work challenges already used, so that a solution counts once.
create table appointments_pow (
    challenge  varchar(64) primary key,
    expires_at timestamptz not null
);

comment on column appointments_booking.name is 'personal-data: Kontakt | Terminvergabe im Bürgerbüro: Aufruf und Zuordnung am Schalter | Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 DSG NRW | bis 30 Tage nach dem Termin, dann anonymisiert; unbestätigte Reservierungen nach Ablauf gelöscht | Beschäftigte der Bürgerbüros | Name';
comment on column appointments_booking.email is 'personal-data: Kontakt | Terminvergabe: Bestätigung, Erinnerung, Absage; eine aktive Buchung je Leistung und Adresse | Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 DSG NRW | bis 30 Tage nach dem Termin, dann anonymisiert; unbestätigte Reservierungen nach Ablauf gelöscht | Beschäftigte der Bürgerbüros | E-Mail-Adresse';
comment on column appointments_booking.token_hash is 'not-personal: SHA-256 hash of the secret link, useless without the link';
comment on column appointments_booking.note is 'not-personal: staff note for a blocked time (e.g. "Teambesprechung"), never about a person';
comment on column appointments_rate.bucket is 'personal-data: Technische Daten | Schutz der Terminvergabe vor automatisierten Massenbuchungen (Ratenbegrenzung) | Art. 6 Abs. 1 lit. e DSGVO | 2 Tage | niemand (nur verschlüsselter Hashwert von IP-Adresse oder E-Mail) | Hashwert von IP-Adresse oder E-Mail-Adresse';
comment on column appointments_office.standort_slug is 'not-personal: key of a public office location';
comment on column appointments_counter.label is 'not-personal: name of a counter, e.g. "Schalter 1"';
