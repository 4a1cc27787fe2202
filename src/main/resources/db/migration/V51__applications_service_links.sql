-- The catalogue's online option of the three demo services leads to the portal's own forms.
update services_leistung set online = true, online_url = '/antrag/bewohnerparkausweis' where slug = 'bewohnerparkausweis';
update services_leistung set online = true, online_url = '/antrag/hundesteuer' where slug = 'hundesteuer-anmelden';
update services_leistung set online = true, online_url = '/antrag/sperrmuell' where slug = 'sperrmuell';
