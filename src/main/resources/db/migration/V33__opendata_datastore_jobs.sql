-- Loading a file into the datastore is a job: one row per resource (the latest load), picked up by
-- any instance with FOR UPDATE SKIP LOCKED, so that a load survives a restart and runs once.
create table opendata_datastore_job (
    resource_id    uuid primary key references opendata_resource (id) on delete cascade,
    state          text not null check (state in ('waiting', 'running', 'done', 'failed')),
    encoding       text check (encoding in ('UTF-8', 'windows-1252', 'ISO-8859-1')),
    delimiter      text check (delimiter in (';', ',', 'tab', '|')),
    decimal_comma  boolean,
    header         boolean,
    rows_loaded    bigint not null default 0,
    error_line     bigint,
    error          text not null default '',
    created        timestamptz not null default now(),
    started        timestamptz,
    heartbeat      timestamptz,
    finished       timestamptz
);
create index opendata_datastore_job_waiting on opendata_datastore_job (created) where state in ('waiting', 'running');
comment on column opendata_datastore_job.encoding is 'not-personal: character encoding a publisher chose for loading an open data file (null: detected)';
comment on column opendata_datastore_job.error is 'not-personal: coded error report of loading an open data file (message key and values from the file)';
