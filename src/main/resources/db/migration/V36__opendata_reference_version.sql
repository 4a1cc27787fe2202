-- Publishers, themes and licences change rarely (by migration or by an operator's SQL) but are read on
-- every search. Each instance keeps them in memory and asks this one row whether they changed: every
-- statement that writes one of the three tables raises the version, whoever runs it, so several
-- instances never show a stale title.
create table opendata_reference_version (
    id      boolean primary key default true check (id),
    version bigint not null
);
-- From a sequence, not version + 1: a number drawn by a transaction that rolls back is never drawn again,
-- so an instance that read the uncommitted row inside that transaction cannot mistake a later change for it.
create sequence opendata_reference_version_seq;
insert into opendata_reference_version (id, version) values (true, nextval('opendata_reference_version_seq'));
comment on column opendata_reference_version.id is 'not-personal: the table holds a single row';
comment on column opendata_reference_version.version is 'not-personal: change counter of publishers, themes and licences';

create function opendata_reference_changed() returns trigger language plpgsql as $$
begin
    update opendata_reference_version set version = nextval('opendata_reference_version_seq');
    return null;
end
$$;

create trigger opendata_organization_changed after insert or update or delete or truncate on opendata_organization
    for each statement execute function opendata_reference_changed();
create trigger opendata_group_changed after insert or update or delete or truncate on opendata_group
    for each statement execute function opendata_reference_changed();
create trigger opendata_license_changed after insert or update or delete or truncate on opendata_license
    for each statement execute function opendata_reference_changed();
