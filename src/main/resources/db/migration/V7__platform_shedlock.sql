-- ShedLock: a scheduled job (retention, harvesting) runs on one instance at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
comment on column shedlock.locked_by is 'not-personal: host name of the application instance holding the lock';
