-- The offices (Dienststellen of the service catalogue, by slug) a staff member works for.
-- Caseworkers see only their offices' cases; access outside needs a reason in the audit log.
create table staff_account_office (
    account_id bigint not null references staff_account (id) on delete cascade,
    office     text   not null,
    primary key (account_id, office)
);
