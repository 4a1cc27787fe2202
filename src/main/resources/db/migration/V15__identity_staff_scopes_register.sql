-- Roles and office scopes of staff accounts are personal data of the staff member (what they may
-- see and do), held for the staff account's own purpose; declared here so that the records of
-- processing list them with the account.
comment on column staff_account_role.role is 'personal-data: Konto | Anmeldung der Beschäftigten im internen Bereich | Art. 6 Abs. 1 lit. c und e DSGVO, § 26 BDSG / Art. 88 DSGVO (Beschäftigtendaten) | bis zur Löschung des Kontos beim Ausscheiden | Administration | Rollen (Berechtigungen)';
comment on column staff_account_office.office is 'personal-data: Konto | Anmeldung der Beschäftigten im internen Bereich | Art. 6 Abs. 1 lit. c und e DSGVO, § 26 BDSG / Art. 88 DSGVO (Beschäftigtendaten) | bis zur Löschung des Kontos beim Ausscheiden | Administration | Zuständige Dienststellen (Sichtbarkeit von Fällen)';
