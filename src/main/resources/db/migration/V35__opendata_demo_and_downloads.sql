-- The demo catalogue is written by the portal itself (DemoCatalogue) and its changes are logged
-- like any other; they are marked as such.
alter table opendata_audit drop constraint opendata_audit_channel_check;
alter table opendata_audit add constraint opendata_audit_channel_check check (channel in ('web', 'api', 'demo'));

-- Downloads of files the portal serves, counted per resource and day. Nothing about who
-- downloaded: no address, no agent, no session; repeated downloads by one visitor count again.
create table opendata_download (
    resource_id uuid not null references opendata_resource (id) on delete cascade,
    day         date not null,
    count       bigint not null default 0,
    primary key (resource_id, day)
);
comment on column opendata_download.resource_id is 'not-personal: the published file that was downloaded';
comment on column opendata_download.day is 'not-personal: calendar day of a sum of downloads, not of a single request';
comment on column opendata_download.count is 'not-personal: number of downloads of a file on a day, with nothing about who downloaded';
