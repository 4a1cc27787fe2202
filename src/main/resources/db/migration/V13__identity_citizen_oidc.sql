-- Citizens may sign in through a state identity provider (BundID / Nutzerkonto Bund, a Land's
-- account) instead of a password: the account then has no password and is found by the provider's
-- issuer and subject. Declared with @PersonalData on CitizenAccount.
alter table citizen_account alter column password_hash drop not null;
alter table citizen_account add column oidc_issuer text;
alter table citizen_account add column oidc_subject text;
create unique index citizen_account_oidc on citizen_account (oidc_issuer, oidc_subject) where oidc_subject is not null;
