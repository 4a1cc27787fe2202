-- Optimistic locking: two administrators editing one account do not overwrite each other.
alter table staff_account add column version bigint not null default 0;
