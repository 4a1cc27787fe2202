alter table staff_account_role drop constraint staff_account_role_role_check;
alter table staff_account_role add constraint staff_account_role_role_check
    check (role in ('ADMIN', 'CASEWORKER', 'DATA_PUBLISHER', 'EDITOR', 'DATA_PROTECTION_OFFICER'));

