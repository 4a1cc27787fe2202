-- Fixed-window attempt counters of platform.RateLimiter, shared by all instances. The key is an
-- HMAC under a secret of this installation (platform_secret), so a bucket cannot be turned back
-- into the address or email address it counts.
create table platform_rate_limit (
    bucket       varchar(80) not null,
    window_start timestamptz not null,
    window_end   timestamptz not null,
    hits         int         not null,
    primary key (bucket, window_start)
);
create index platform_rate_limit_end on platform_rate_limit (window_end);

-- Secrets the installation generates once for itself (not configuration: nobody needs to know them).
create table platform_secret (
    name    varchar(40) primary key,
    value   bytea       not null,
    created timestamptz not null default now()
);

comment on column platform_rate_limit.bucket is 'personal-data: Technische Daten | Schutz vor automatisierten Massenanfragen und dem Erraten von Zugangscodes (Ratenbegrenzung bei Terminvergabe, Antragsstatus und Auskunft) | Art. 6 Abs. 1 lit. e DSGVO i. V. m. Art. 32 DSGVO | bis zum Ende des Zeitfensters (höchstens 1 Tag), dann gelöscht | niemand (nur verschlüsselter Hashwert) | Hashwert von IP-Adresse, E-Mail-Adresse oder Vorgangsnummer';
comment on column platform_secret.name is 'not-personal: name of an installation secret, e.g. "rate-limit"';
