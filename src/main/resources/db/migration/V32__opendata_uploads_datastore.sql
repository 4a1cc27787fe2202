-- Files publishers upload as resources (contents in the platform's FileStore), and the datastore:
-- tabular resources as tables in their own schema, one table per resource.

create table opendata_upload (
    resource_id  uuid primary key references opendata_resource (id) on delete cascade,
    store_key    text not null unique,
    file_name    text not null,
    media_type   text not null,
    size_bytes   bigint not null,
    sha256       text not null,
    created      timestamptz not null default now()
);
comment on column opendata_upload.file_name is 'not-personal: file name of a published open data file, shown in its download address';

-- Published open data only: the schema holds what the publishers release under an open licence.
create schema if not exists datastore;

create table opendata_datastore (
    resource_id  uuid primary key references opendata_resource (id) on delete cascade,
    table_name   text not null unique check (table_name ~ '^r_[0-9a-f_]{36}$'),
    primary_key  text,
    status       text not null default 'active' check (status in ('active', 'loading', 'failed')),
    loaded_rows  bigint not null default 0,
    report       text not null default '',
    updated      timestamptz not null default now()
);
comment on column opendata_datastore.table_name is 'not-personal: generated name of the table in the schema datastore (r_ and the resource id)';
