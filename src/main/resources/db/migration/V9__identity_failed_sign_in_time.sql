-- When the last failed sign-in happened: the retention job forgets failed attempts 24 hours later.
alter table staff_account add column last_failed_at timestamp with time zone;
update staff_account set last_failed_at = now() where failed_attempts > 0;
