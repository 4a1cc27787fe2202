-- The open data catalogue: publishers, themes, licences, datasets and their resources.
-- Field names follow CKAN so that the Action API maps them one to one.

create table opendata_organization (
    id          uuid primary key,
    name        text not null unique,
    title       text not null,
    description text not null default '',
    created     timestamptz not null default now()
);
comment on column opendata_organization.name is 'not-personal: URL slug of a publishing organisation';

-- Groups are the EU data themes; name is the lower-case theme code as Bochum's CKAN uses it.
create table opendata_group (
    id          uuid primary key,
    name        text not null unique,
    title       text not null,
    title_en    text not null,
    description text not null default '',
    theme_uri   text not null unique
);
comment on column opendata_group.name is 'not-personal: URL slug of a data theme';

create table opendata_license (
    id      text primary key,
    title   text not null,
    url     text not null,
    uri     text not null,
    is_open boolean not null
);

create table opendata_dataset (
    id               uuid primary key,
    name             text not null unique,
    title            text not null,
    notes            text not null default '',
    url              text,
    organization_id  uuid not null references opendata_organization (id),
    license_id       text not null references opendata_license (id),
    attribution      text,
    author           text,
    author_email     text,
    maintainer       text,
    maintainer_email text,
    version          text,
    spatial_key      text,
    temporal_start   date,
    temporal_end     date,
    frequency        text,
    is_private       boolean not null default false,
    state            text not null default 'active' check (state in ('active', 'deleted')),
    created          timestamptz not null,
    modified         timestamptz not null
);
create index opendata_dataset_organization on opendata_dataset (organization_id);
comment on column opendata_dataset.name is 'not-personal: URL slug of a dataset';
comment on column opendata_dataset.author is 'personal-data: contact | Ansprechstelle für Fragen zu einem veröffentlichten Datensatz | Art. 6 Abs. 1 lit. e DSGVO | bis der Datensatz gelöscht oder die Angabe geändert wird | öffentlich | Autor eines Datensatzes';
comment on column opendata_dataset.author_email is 'personal-data: contact | Ansprechstelle für Fragen zu einem veröffentlichten Datensatz | Art. 6 Abs. 1 lit. e DSGVO | bis der Datensatz gelöscht oder die Angabe geändert wird | öffentlich | E-Mail-Adresse des Autors eines Datensatzes';
comment on column opendata_dataset.maintainer is 'personal-data: contact | Ansprechstelle für Fragen zu einem veröffentlichten Datensatz | Art. 6 Abs. 1 lit. e DSGVO | bis der Datensatz gelöscht oder die Angabe geändert wird | öffentlich | Pflegende Stelle eines Datensatzes';
comment on column opendata_dataset.maintainer_email is 'personal-data: contact | Ansprechstelle für Fragen zu einem veröffentlichten Datensatz | Art. 6 Abs. 1 lit. e DSGVO | bis der Datensatz gelöscht oder die Angabe geändert wird | öffentlich | E-Mail-Adresse der pflegenden Stelle';

create table opendata_dataset_tag (
    dataset_id uuid not null references opendata_dataset (id) on delete cascade,
    tag        text not null,
    primary key (dataset_id, tag)
);

create table opendata_dataset_group (
    dataset_id uuid not null references opendata_dataset (id) on delete cascade,
    group_id   uuid not null references opendata_group (id),
    primary key (dataset_id, group_id)
);

create table opendata_dataset_extra (
    dataset_id  uuid not null references opendata_dataset (id) on delete cascade,
    extra_key   text not null,
    extra_value text not null,
    primary key (dataset_id, extra_key)
);

create table opendata_resource (
    id            uuid primary key,
    dataset_id    uuid not null references opendata_dataset (id) on delete cascade,
    position      integer not null,
    url           text not null,
    name          text not null,
    description   text not null default '',
    format        text not null default '',
    mimetype      text,
    size          bigint,
    hash          text,
    last_modified timestamptz,
    created       timestamptz not null
);
create index opendata_resource_dataset on opendata_resource (dataset_id);
comment on column opendata_resource.name is 'not-personal: title of a file or API of a dataset';

-- Reference data -------------------------------------------------------------------------------

insert into opendata_license (id, title, url, uri, is_open) values
 ('dl-by-de/2.0', 'Datenlizenz Deutschland – Namensnennung – Version 2.0', 'https://www.govdata.de/dl-de/by-2-0', 'http://dcat-ap.de/def/licenses/dl-by-de/2.0', true),
 ('dl-zero-de/2.0', 'Datenlizenz Deutschland – Zero – Version 2.0', 'https://www.govdata.de/dl-de/zero-2-0', 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0', true),
 ('cc-by/4.0', 'Creative Commons Namensnennung – 4.0 International (CC BY 4.0)', 'https://creativecommons.org/licenses/by/4.0/', 'http://dcat-ap.de/def/licenses/cc-by/4.0', true),
 ('cc-zero', 'Creative Commons Zero (CC0 1.0)', 'https://creativecommons.org/publicdomain/zero/1.0/', 'http://dcat-ap.de/def/licenses/cc-zero', true),
 ('odbl', 'Open Data Commons Open Database License (ODbL)', 'https://opendatacommons.org/licenses/odbl/1-0/', 'http://dcat-ap.de/def/licenses/odbl', true);

insert into opendata_organization (id, name, title, description) values
 ('0d000000-0000-4000-8000-000000000001', 'stadt-bochum', 'Stadt Bochum', 'Die Stadtverwaltung veröffentlicht hier Daten ihrer Ämter: Geodaten, Statistik, Wahlen, Umwelt, Schule und Kinderbetreuung.'),
 ('0d000000-0000-4000-8000-000000000002', 'stadtwerke-bochum', 'Stadtwerke Bochum', 'Die Stadtwerke versorgen Bochum mit Strom, Gas, Wasser und Wärme und betreiben Bäder und Ladepunkte.'),
 ('0d000000-0000-4000-8000-000000000003', 'bogestra', 'BOGESTRA', 'Die Bochum-Gelsenkirchener Straßenbahnen AG betreibt Bus und Bahn in Bochum, Gelsenkirchen und Umgebung.'),
 ('0d000000-0000-4000-8000-000000000004', 'usb-bochum', 'USB Bochum', 'Der Umweltservice Bochum sammelt Abfall, reinigt Straßen und betreibt die Wertstoffhöfe.'),
 ('0d000000-0000-4000-8000-000000000005', 'vbw-bauen-und-wohnen', 'VBW Bauen und Wohnen', 'Die VBW ist Bochums größte Wohnungsgesellschaft mit rund 13.000 Wohnungen.');

insert into opendata_group (id, name, title, title_en, theme_uri) values
 ('0d100000-0000-4000-8000-000000000001', 'gove', 'Regierung und öffentlicher Sektor', 'Government and public sector', 'http://publications.europa.eu/resource/authority/data-theme/GOVE'),
 ('0d100000-0000-4000-8000-000000000002', 'tran', 'Verkehr', 'Transport', 'http://publications.europa.eu/resource/authority/data-theme/TRAN'),
 ('0d100000-0000-4000-8000-000000000003', 'envi', 'Umwelt', 'Environment', 'http://publications.europa.eu/resource/authority/data-theme/ENVI'),
 ('0d100000-0000-4000-8000-000000000004', 'soci', 'Bevölkerung und Gesellschaft', 'Population and society', 'http://publications.europa.eu/resource/authority/data-theme/SOCI'),
 ('0d100000-0000-4000-8000-000000000005', 'educ', 'Bildung, Kultur und Sport', 'Education, culture and sport', 'http://publications.europa.eu/resource/authority/data-theme/EDUC'),
 ('0d100000-0000-4000-8000-000000000006', 'regi', 'Regionen und Städte', 'Regions and cities', 'http://publications.europa.eu/resource/authority/data-theme/REGI'),
 ('0d100000-0000-4000-8000-000000000007', 'econ', 'Wirtschaft und Finanzen', 'Economy and finance', 'http://publications.europa.eu/resource/authority/data-theme/ECON'),
 ('0d100000-0000-4000-8000-000000000008', 'heal', 'Gesundheit', 'Health', 'http://publications.europa.eu/resource/authority/data-theme/HEAL'),
 ('0d100000-0000-4000-8000-000000000009', 'ener', 'Energie', 'Energy', 'http://publications.europa.eu/resource/authority/data-theme/ENER'),
 ('0d100000-0000-4000-8000-000000000010', 'just', 'Justiz, Rechtssystem und öffentliche Sicherheit', 'Justice, legal system and public safety', 'http://publications.europa.eu/resource/authority/data-theme/JUST'),
 ('0d100000-0000-4000-8000-000000000011', 'agri', 'Landwirtschaft, Fischerei, Forstwirtschaft und Nahrungsmittel', 'Agriculture, fisheries, forestry and food', 'http://publications.europa.eu/resource/authority/data-theme/AGRI'),
 ('0d100000-0000-4000-8000-000000000012', 'intr', 'Internationale Themen', 'International issues', 'http://publications.europa.eu/resource/authority/data-theme/INTR'),
 ('0d100000-0000-4000-8000-000000000013', 'tech', 'Wissenschaft und Technologie', 'Science and technology', 'http://publications.europa.eu/resource/authority/data-theme/TECH');

-- Demo datasets: what Bochum publishes, in our own words. Contacts are functional, not people.
insert into opendata_dataset (id, name, title, notes, url, organization_id, license_id, attribution, author, author_email, maintainer, maintainer_email, version, spatial_key, temporal_start, temporal_end, frequency, is_private, state, created, modified) values
 ('0d200000-0000-4000-8000-000000000001', 'spielplaetze', 'Spielplätze in Bochum',
  E'Alle öffentlichen **Spielplätze** der Stadt mit Lage, Größe und Ausstattung.\n\nDie Koordinaten stehen in UTM Zone 32N (EPSG:25832). Die Liste wird gepflegt, sobald ein Spielplatz neu gebaut oder umgestaltet wird.',
  null, '0d000000-0000-4000-8000-000000000001', 'dl-zero-de/2.0', null, 'Amt für Geoinformation, Liegenschaften und Kataster', 'open-data@bochum.de', 'Amt für Geoinformation, Liegenschaften und Kataster', 'open-data@bochum.de', '2026-03', null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/IRREG', false, 'active', '2023-05-10 09:00:00+02', '2026-03-02 10:15:00+01'),
 ('0d200000-0000-4000-8000-000000000002', 'schulen', 'Schulen in Bochum',
  E'Standorte aller **Schulen** in Bochum: Grundschulen, weiterführende Schulen, Förderschulen und Berufskollegs, mit Schulform, Träger und Adresse.\n\nQuelle ist das Schulverwaltungsamt.',
  null, '0d000000-0000-4000-8000-000000000001', 'dl-by-de/2.0', 'Stadt Bochum, Schulverwaltungsamt', 'Schulverwaltungsamt', 'open-data@bochum.de', 'Amt für Geoinformation, Liegenschaften und Kataster', 'open-data@bochum.de', '2025-08', null, '2025-08-01', null,
  'http://publications.europa.eu/resource/authority/frequency/ANNUAL', false, 'active', '2023-05-10 09:00:00+02', '2025-08-20 08:30:00+02'),
 ('0d200000-0000-4000-8000-000000000003', 'kindertageseinrichtungen', 'Kindertageseinrichtungen',
  E'Alle **Kitas** in Bochum mit Träger, Adresse und Anzahl der Gruppen. Die Daten helfen Eltern bei der Suche und Planenden beim Ausbau der Betreuung.',
  null, '0d000000-0000-4000-8000-000000000001', 'dl-zero-de/2.0', null, 'Jugendamt', 'open-data@bochum.de', 'Jugendamt', 'open-data@bochum.de', null, null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/ANNUAL', false, 'active', '2023-06-01 09:00:00+02', '2026-01-15 11:00:00+01'),
 ('0d200000-0000-4000-8000-000000000004', 'defibrillatoren', 'Defibrillatoren (AED)',
  E'Öffentlich zugängliche **Defibrillatoren** im Stadtgebiet mit Standortbeschreibung und Zugangszeiten.\n\nIm Notfall zuerst 112 wählen.',
  null, '0d000000-0000-4000-8000-000000000001', 'dl-zero-de/2.0', null, 'Feuerwehr und Rettungsdienst', 'open-data@bochum.de', 'Feuerwehr und Rettungsdienst', 'open-data@bochum.de', null, null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/MONTHLY', false, 'active', '2024-02-01 09:00:00+01', '2026-02-27 14:00:00+01'),
 ('0d200000-0000-4000-8000-000000000005', 'baumpflanzungen-und-faellungen', 'Baumpflanzungen und Baumfällungen',
  E'Register der **Bäume**, die das Grünflächenamt pflanzt oder fällt, mit Baumart, Standort und Grund der Fällung.',
  null, '0d000000-0000-4000-8000-000000000001', 'cc-by/4.0', 'Stadt Bochum, Umwelt- und Grünflächenamt', 'Umwelt- und Grünflächenamt', 'open-data@bochum.de', 'Umwelt- und Grünflächenamt', 'open-data@bochum.de', null, null, '2024-01-01', null,
  'http://publications.europa.eu/resource/authority/frequency/QUARTERLY', false, 'active', '2024-03-05 09:00:00+01', '2026-01-10 09:00:00+01'),
 ('0d200000-0000-4000-8000-000000000006', 'kommunalwahl-2014-ratswahl', 'Kommunalwahl 2014 – Ratswahl',
  E'Ergebnisse der **Wahl** des Rates der Stadt Bochum vom 25. Mai 2014 nach Stimmbezirken: Wahlberechtigte, Wählende und Stimmen je Partei.',
  null, '0d000000-0000-4000-8000-000000000001', 'dl-zero-de/2.0', null, 'Wahlamt', 'wahlen@bochum.de', 'Wahlamt', 'wahlen@bochum.de', null, null, '2014-05-25', '2014-05-25',
  'http://publications.europa.eu/resource/authority/frequency/NEVER', false, 'active', '2014-06-10 09:00:00+02', '2023-05-10 09:00:00+02'),
 ('0d200000-0000-4000-8000-000000000007', 'naturdenkmale', 'Naturdenkmale',
  E'Bäume, Baumgruppen und Felsen, die als **Naturdenkmal** geschützt sind, mit Beschreibung und Lage.',
  null, '0d000000-0000-4000-8000-000000000001', 'dl-zero-de/2.0', null, 'Untere Naturschutzbehörde', 'open-data@bochum.de', 'Untere Naturschutzbehörde', 'open-data@bochum.de', null, null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/IRREG', false, 'active', '2023-07-01 09:00:00+02', '2025-04-01 09:00:00+02'),
 ('0d200000-0000-4000-8000-000000000008', 'sportstaetten', 'Sportstätten',
  E'**Sporthallen**, Sportplätze und Bäder in Bochum mit Art der Anlage und Adresse.',
  null, '0d000000-0000-4000-8000-000000000001', 'dl-by-de/2.0', 'Stadt Bochum, Sport- und Bäderamt', 'Sport- und Bäderamt', 'open-data@bochum.de', 'Sport- und Bäderamt', 'open-data@bochum.de', null, null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/ANNUAL', false, 'active', '2023-07-01 09:00:00+02', '2025-09-01 09:00:00+02'),
 ('0d200000-0000-4000-8000-000000000009', 'stolpersteine', 'Stolpersteine in Bochum',
  E'Verlegeorte der **Stolpersteine**, die an Menschen erinnern, die im Nationalsozialismus verfolgt, vertrieben und ermordet wurden.\n\nDie Daten nennen Adresse und Verlegedatum; zu jeder Person gibt es eine Biografie beim Stadtarchiv.',
  null, '0d000000-0000-4000-8000-000000000001', 'cc-by/4.0', 'Stadt Bochum, Stadtarchiv', 'Stadtarchiv – Bochumer Zentrum für Stadtgeschichte', 'open-data@bochum.de', 'Stadtarchiv – Bochumer Zentrum für Stadtgeschichte', 'open-data@bochum.de', null, null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/IRREG', false, 'active', '2023-11-09 09:00:00+01', '2025-11-09 09:00:00+01'),
 ('0d200000-0000-4000-8000-000000000010', 'haltestellen', 'Haltestellen von Bus und Bahn',
  E'Alle **Haltestellen** der BOGESTRA im Bochumer Stadtgebiet mit Koordinaten und Linien. Den vollständigen Fahrplan gibt es als GTFS beim Verkehrsverbund.',
  null, '0d000000-0000-4000-8000-000000000003', 'dl-by-de/2.0', 'BOGESTRA AG', 'BOGESTRA, Verkehrsplanung', 'open-data@bogestra.de', 'BOGESTRA, Verkehrsplanung', 'open-data@bogestra.de', '2026.1', null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/MONTHLY', false, 'active', '2024-01-15 09:00:00+01', '2026-03-01 06:00:00+01'),
 ('0d200000-0000-4000-8000-000000000011', 'ladepunkte-elektromobilitaet', 'Ladepunkte für Elektrofahrzeuge',
  E'Öffentliche **Ladepunkte** der Stadtwerke mit Leistung, Steckertyp und Standort.',
  null, '0d000000-0000-4000-8000-000000000002', 'odbl', null, 'Stadtwerke Bochum, Elektromobilität', 'open-data@stadtwerke-bochum.de', 'Stadtwerke Bochum, Elektromobilität', 'open-data@stadtwerke-bochum.de', null, null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/WEEKLY', false, 'active', '2024-04-01 09:00:00+02', '2026-02-20 09:00:00+01'),
 ('0d200000-0000-4000-8000-000000000012', 'wertstoffhoefe', 'Wertstoffhöfe',
  E'Standorte und Öffnungszeiten der **Wertstoffhöfe** des USB.',
  null, '0d000000-0000-4000-8000-000000000004', 'dl-zero-de/2.0', null, 'USB Bochum', 'open-data@usb-bochum.de', 'USB Bochum', 'open-data@usb-bochum.de', null, 'wattenscheid', null, null,
  'http://publications.europa.eu/resource/authority/frequency/ANNUAL', false, 'active', '2024-05-01 09:00:00+02', '2025-12-01 09:00:00+01'),
 -- not yet released: must never show up publicly
 ('0d200000-0000-4000-8000-000000000013', 'mietspiegel-entwurf', 'Mietspiegel (Entwurf)',
  E'Entwurf des **Mietspiegels**, noch nicht freigegeben.',
  null, '0d000000-0000-4000-8000-000000000005', 'dl-by-de/2.0', 'VBW Bauen und Wohnen GmbH', 'VBW Bauen und Wohnen', 'open-data@vbw-bochum.de', 'VBW Bauen und Wohnen', 'open-data@vbw-bochum.de', null, null, null, null,
  'http://publications.europa.eu/resource/authority/frequency/ANNUAL', true, 'active', '2026-02-01 09:00:00+01', '2026-02-01 09:00:00+01');


insert into opendata_dataset_tag (dataset_id, tag) values
 ('0d200000-0000-4000-8000-000000000001', 'Spielplatz'),
 ('0d200000-0000-4000-8000-000000000001', 'Freizeit'),
 ('0d200000-0000-4000-8000-000000000001', 'Kinder'),
 ('0d200000-0000-4000-8000-000000000001', 'Geodaten'),
 ('0d200000-0000-4000-8000-000000000002', 'Schulen'),
 ('0d200000-0000-4000-8000-000000000002', 'Bildung'),
 ('0d200000-0000-4000-8000-000000000002', 'Geodaten'),
 ('0d200000-0000-4000-8000-000000000003', 'Kita'),
 ('0d200000-0000-4000-8000-000000000003', 'Kinderbetreuung'),
 ('0d200000-0000-4000-8000-000000000003', 'Kinder'),
 ('0d200000-0000-4000-8000-000000000003', 'Bildung'),
 ('0d200000-0000-4000-8000-000000000004', 'Defibrillator'),
 ('0d200000-0000-4000-8000-000000000004', 'Gesundheit'),
 ('0d200000-0000-4000-8000-000000000004', 'Notfall'),
 ('0d200000-0000-4000-8000-000000000005', 'Bäume'),
 ('0d200000-0000-4000-8000-000000000005', 'Umwelt'),
 ('0d200000-0000-4000-8000-000000000005', 'Grünflächen'),
 ('0d200000-0000-4000-8000-000000000006', 'Wahlen'),
 ('0d200000-0000-4000-8000-000000000006', 'Kommunalwahl'),
 ('0d200000-0000-4000-8000-000000000006', 'Politik'),
 ('0d200000-0000-4000-8000-000000000007', 'Naturschutz'),
 ('0d200000-0000-4000-8000-000000000007', 'Umwelt'),
 ('0d200000-0000-4000-8000-000000000007', 'Bäume'),
 ('0d200000-0000-4000-8000-000000000008', 'Sport'),
 ('0d200000-0000-4000-8000-000000000008', 'Freizeit'),
 ('0d200000-0000-4000-8000-000000000008', 'Schwimmbad'),
 ('0d200000-0000-4000-8000-000000000009', 'Erinnerungskultur'),
 ('0d200000-0000-4000-8000-000000000009', 'Geschichte'),
 ('0d200000-0000-4000-8000-000000000009', 'Stolpersteine'),
 ('0d200000-0000-4000-8000-000000000010', 'Haltestellen'),
 ('0d200000-0000-4000-8000-000000000010', 'ÖPNV'),
 ('0d200000-0000-4000-8000-000000000010', 'Verkehr'),
 ('0d200000-0000-4000-8000-000000000010', 'Geodaten'),
 ('0d200000-0000-4000-8000-000000000011', 'Elektromobilität'),
 ('0d200000-0000-4000-8000-000000000011', 'Energie'),
 ('0d200000-0000-4000-8000-000000000011', 'Verkehr'),
 ('0d200000-0000-4000-8000-000000000012', 'Abfall'),
 ('0d200000-0000-4000-8000-000000000012', 'Recycling'),
 ('0d200000-0000-4000-8000-000000000013', 'Wohnen'),
 ('0d200000-0000-4000-8000-000000000013', 'Mietspiegel');
insert into opendata_dataset_group (dataset_id, group_id) values
 ('0d200000-0000-4000-8000-000000000001', '0d100000-0000-4000-8000-000000000004'),
 ('0d200000-0000-4000-8000-000000000001', '0d100000-0000-4000-8000-000000000005'),
 ('0d200000-0000-4000-8000-000000000002', '0d100000-0000-4000-8000-000000000005'),
 ('0d200000-0000-4000-8000-000000000003', '0d100000-0000-4000-8000-000000000005'),
 ('0d200000-0000-4000-8000-000000000003', '0d100000-0000-4000-8000-000000000004'),
 ('0d200000-0000-4000-8000-000000000004', '0d100000-0000-4000-8000-000000000008'),
 ('0d200000-0000-4000-8000-000000000005', '0d100000-0000-4000-8000-000000000003'),
 ('0d200000-0000-4000-8000-000000000006', '0d100000-0000-4000-8000-000000000001'),
 ('0d200000-0000-4000-8000-000000000007', '0d100000-0000-4000-8000-000000000003'),
 ('0d200000-0000-4000-8000-000000000008', '0d100000-0000-4000-8000-000000000005'),
 ('0d200000-0000-4000-8000-000000000009', '0d100000-0000-4000-8000-000000000004'),
 ('0d200000-0000-4000-8000-000000000009', '0d100000-0000-4000-8000-000000000005'),
 ('0d200000-0000-4000-8000-000000000010', '0d100000-0000-4000-8000-000000000002'),
 ('0d200000-0000-4000-8000-000000000011', '0d100000-0000-4000-8000-000000000009'),
 ('0d200000-0000-4000-8000-000000000011', '0d100000-0000-4000-8000-000000000002'),
 ('0d200000-0000-4000-8000-000000000012', '0d100000-0000-4000-8000-000000000003'),
 ('0d200000-0000-4000-8000-000000000013', '0d100000-0000-4000-8000-000000000007'),
 ('0d200000-0000-4000-8000-000000000013', '0d100000-0000-4000-8000-000000000004');
insert into opendata_dataset_extra (dataset_id, extra_key, extra_value) values
 ('0d200000-0000-4000-8000-000000000001', 'Koordinatensystem', 'EPSG:25832'),
 ('0d200000-0000-4000-8000-000000000002', 'Koordinatensystem', 'EPSG:25832'),
 ('0d200000-0000-4000-8000-000000000006', 'Wahltag', '2014-05-25'),
 ('0d200000-0000-4000-8000-000000000010', 'Koordinatensystem', 'EPSG:4326');
-- The portal never fetches these addresses; they are where the publishers host their files.
insert into opendata_resource (id, dataset_id, position, url, name, description, format, mimetype, size, hash, last_modified, created) values
 ('0d300000-0000-4000-8000-000000000001', '0d200000-0000-4000-8000-000000000001', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/spielplaetze/spielplaetze.csv', 'Spielplätze (CSV)', 'Eine Zeile je Spielplatz, Trennzeichen Semikolon.', 'CSV', 'text/csv', 48210, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000001'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000001')),
 ('0d300000-0000-4000-8000-000000000002', '0d200000-0000-4000-8000-000000000001', 1, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/spielplaetze/spielplaetze.geojson', 'Spielplätze (GeoJSON)', 'Dieselben Daten als Punkte für Karten.', 'GeoJSON', 'application/geo+json', 162400, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000001'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000001')),
 ('0d300000-0000-4000-8000-000000000003', '0d200000-0000-4000-8000-000000000002', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/schulen/schulen.csv', 'Schulen (CSV)', 'Eine Zeile je Schulstandort.', 'CSV', 'text/csv', 21760, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000002'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000002')),
 ('0d300000-0000-4000-8000-000000000004', '0d200000-0000-4000-8000-000000000003', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/kitas/kindertageseinrichtungen.csv', 'Kitas (CSV)', 'Eine Zeile je Einrichtung.', 'CSV', 'text/csv', 35120, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000003'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000003')),
 ('0d300000-0000-4000-8000-000000000005', '0d200000-0000-4000-8000-000000000004', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/defibrillatoren/defibrillatoren.csv', 'Defibrillatoren (CSV)', '', 'CSV', 'text/csv', 9800, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000004'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000004')),
 ('0d300000-0000-4000-8000-000000000006', '0d200000-0000-4000-8000-000000000004', 1, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/defibrillatoren/defibrillatoren.geojson', 'Defibrillatoren (GeoJSON)', '', 'GeoJSON', 'application/geo+json', 30200, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000004'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000004')),
 ('0d300000-0000-4000-8000-000000000007', '0d200000-0000-4000-8000-000000000005', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/baeume/baumregister.csv', 'Baumregister (CSV)', 'Pflanzungen und Fällungen seit 2024.', 'CSV', 'text/csv', 410000, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000005'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000005')),
 ('0d300000-0000-4000-8000-000000000008', '0d200000-0000-4000-8000-000000000006', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/wahlen/ratswahl_20140525.csv', 'Ratswahl 2014 (CSV)', 'Ergebnisse je Stimmbezirk.', 'CSV', 'text/csv', 88300, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000006'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000006')),
 ('0d300000-0000-4000-8000-000000000009', '0d200000-0000-4000-8000-000000000007', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/naturdenkmale/naturdenkmale.csv', 'Naturdenkmale (CSV)', '', 'CSV', 'text/csv', 12400, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000007'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000007')),
 ('0d300000-0000-4000-8000-000000000010', '0d200000-0000-4000-8000-000000000008', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/sport/sportstaetten.csv', 'Sportstätten (CSV)', '', 'CSV', 'text/csv', 27300, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000008'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000008')),
 ('0d300000-0000-4000-8000-000000000011', '0d200000-0000-4000-8000-000000000008', 1, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/sport/sportstaetten.json', 'Sportstätten (JSON)', '', 'JSON', 'application/json', 51000, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000008'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000008')),
 ('0d300000-0000-4000-8000-000000000012', '0d200000-0000-4000-8000-000000000009', 0, 'https://raw.githubusercontent.com/StadtBochum/OpenData/main/stolpersteine/stolpersteine.csv', 'Stolpersteine (CSV)', '', 'CSV', 'text/csv', 64000, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000009'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000009')),
 ('0d300000-0000-4000-8000-000000000013', '0d200000-0000-4000-8000-000000000010', 0, 'https://www.bogestra.de/opendata/haltestellen.csv', 'Haltestellen (CSV)', 'Haltestellen mit Koordinaten (WGS 84).', 'CSV', 'text/csv', 120000, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000010'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000010')),
 ('0d300000-0000-4000-8000-000000000014', '0d200000-0000-4000-8000-000000000010', 1, 'https://www.bogestra.de/opendata/haltestellen.geojson', 'Haltestellen (GeoJSON)', '', 'GeoJSON', 'application/geo+json', 390000, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000010'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000010')),
 ('0d300000-0000-4000-8000-000000000015', '0d200000-0000-4000-8000-000000000011', 0, 'https://www.stadtwerke-bochum.de/opendata/ladepunkte.json', 'Ladepunkte (JSON)', '', 'JSON', 'application/json', 45000, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000011'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000011')),
 ('0d300000-0000-4000-8000-000000000016', '0d200000-0000-4000-8000-000000000012', 0, 'https://www.usb-bochum.de/opendata/wertstoffhoefe.csv', 'Wertstoffhöfe (CSV)', '', 'CSV', 'text/csv', 2100, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000012'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000012')),
 ('0d300000-0000-4000-8000-000000000017', '0d200000-0000-4000-8000-000000000013', 0, 'https://www.vbw-bochum.de/mietspiegel-entwurf.pdf', 'Mietspiegel (PDF)', '', 'PDF', 'application/pdf', 880000, null, (select modified from opendata_dataset where id = '0d200000-0000-4000-8000-000000000013'), (select created from opendata_dataset where id = '0d200000-0000-4000-8000-000000000013'));
