-- Staff accounts. Personal fields are declared with @PersonalData on StaffAccount
-- (purpose, legal basis, retention).
create table staff_account (
    id                   bigint generated always as identity primary key,
    username             text        not null,
    display_name         text        not null,
    password_hash        text        not null,
    failed_attempts      int         not null default 0,
    locked_until         timestamp with time zone,
    must_change_password boolean     not null default false,
    created_at           timestamp with time zone not null,
    last_login_at        timestamp with time zone
);
create unique index staff_account_username_ci on staff_account (lower(username));

create table staff_account_role (
    account_id bigint not null references staff_account (id) on delete cascade,
    role       text   not null check (role in ('ADMIN', 'CASEWORKER', 'DATA_PUBLISHER', 'EDITOR')),
    primary key (account_id, role)
);
