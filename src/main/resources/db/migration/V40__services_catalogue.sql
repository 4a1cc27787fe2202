-- The service catalogue: Leistungen, grouped by Lebenslagen, offered by Dienststellen at Standorte.
create table services_lebenslage (
    id          bigserial primary key,
    slug        varchar(80)  not null unique,
    name        varchar(120) not null,
    description text         not null,
    sort_order  int          not null default 0
);

create table services_dienststelle (
    id      bigserial primary key,
    slug    varchar(80)  not null unique,
    name    varchar(160) not null,
    email   varchar(160),
    phone   varchar(60),
    website varchar(300)
);

create table services_standort (
    id                bigserial primary key,
    slug              varchar(80)  not null unique,
    dienststelle_id   bigint       not null references services_dienststelle (id),
    name              varchar(160) not null,
    street            varchar(160) not null,
    postal_code       varchar(10)  not null,
    city              varchar(80)  not null default 'Bochum',
    stadtbezirk_key   varchar(40)  not null,
    step_free         boolean      not null default false,
    hearing_loop      boolean      not null default false,
    accessible_toilet boolean      not null default false,
    directions        text
);

-- Weekly pattern; several rows per weekday give split hours (morning and afternoon).
create table services_opening_hours (
    standort_id bigint   not null references services_standort (id) on delete cascade,
    weekday     smallint not null check (weekday between 1 and 7),
    opens       time     not null,
    closes      time     not null check (closes > opens),
    primary key (standort_id, weekday, opens)
);

-- A day that differs from the weekly pattern: closed (no times) or special hours.
create table services_opening_exception (
    standort_id bigint       not null references services_standort (id) on delete cascade,
    day         date         not null,
    opens       time,
    closes      time,
    note        varchar(200) not null,
    primary key (standort_id, day),
    check ((opens is null and closes is null) or (opens is not null and closes > opens))
);

create table services_leistung (
    id               bigserial primary key,
    leika_key        varchar(14) unique check (leika_key ~ '^[0-9]{14}$'),
    slug             varchar(100) not null unique,
    name             varchar(200) not null,
    description      text         not null,
    who_may_apply    text         not null default '',
    costs            text         not null default '',
    documents        text         not null default '',
    legal_basis      text         not null default '',
    processing_time  varchar(200) not null default '',
    dienststelle_id  bigint references services_dienststelle (id),
    online           boolean      not null default false,
    online_url       varchar(300),
    appointment      boolean      not null default false,
    in_person        boolean      not null default false,
    duration_minutes int          not null default 15 check (duration_minutes > 0),
    version          bigint       not null default 0
);

create table services_leistung_lebenslage (
    leistung_id   bigint not null references services_leistung (id) on delete cascade,
    lebenslage_id bigint not null references services_lebenslage (id) on delete cascade,
    primary key (leistung_id, lebenslage_id)
);

-- These columns only look personal (see PersonalData): they describe public offices and services.
comment on column services_lebenslage.name is 'not-personal: name of a life situation';
comment on column services_dienststelle.name is 'not-personal: name of a public office';
comment on column services_dienststelle.email is 'not-personal: business address of a public office';
comment on column services_dienststelle.phone is 'not-personal: business address of a public office';
comment on column services_standort.name is 'not-personal: name of a public office location';
comment on column services_standort.street is 'not-personal: business address of a public office';
comment on column services_leistung.name is 'not-personal: name of a public service';
