-- Synthetic catalogue for load tests: :n datasets (psql -v n=100000 -f generate.sql), written directly into
-- the portal's tables. Deterministic (fixed seed), so two runs give the same catalogue. Rows from an earlier
-- run (names starting with "bench-") are replaced. The search index does not see rows written by SQL:
-- start the portal afterwards with --portal.search.reindex-on-start=true (see README.md).
\set ON_ERROR_STOP on
begin;
select setseed(0.2026) \g /dev/null

delete from opendata_dataset where name like 'bench-%';

-- topic (plural, as titles use it) : EU theme of the topic : its usual tag
create temp table bench_topic (i serial primary key, topic text, grp text, tag text) on commit drop;
insert into bench_topic (topic, grp, tag)
select split_part(t, ':', 1), split_part(t, ':', 2), split_part(t, ':', 3) from unnest(array[
 'Haltestellen:tran:Haltestelle', 'Spielplätze:soci:Spielplatz', 'Schulen:educ:Schule', 'Kindertageseinrichtungen:educ:Kita',
 'Straßenbäume:envi:Baum', 'Ladepunkte:ener:Elektromobilität', 'Parkplätze:tran:Parken', 'Radwege:tran:Radverkehr',
 'Baustellen:tran:Baustelle', 'Wahlergebnisse:gove:Wahlen', 'Einwohnerzahlen:soci:Bevölkerung', 'Luftmesswerte:envi:Luftqualität',
 'Lärmkarten:envi:Lärm', 'Bebauungspläne:regi:Bauleitplanung', 'Baudenkmäler:educ:Denkmal', 'Sportstätten:educ:Sport',
 'Schwimmbäder:educ:Schwimmbad', 'Bibliotheken:educ:Bibliothek', 'Friedhöfe:soci:Friedhof', 'Gewerbeflächen:econ:Gewerbe',
 'Haushaltspläne:gove:Haushalt', 'Verkehrszählungen:tran:Verkehrszählung', 'Verkehrsunfälle:just:Unfall', 'Lichtsignalanlagen:tran:Ampel',
 'Wertstoffhöfe:envi:Abfall', 'Glascontainer:envi:Recycling', 'Trinkbrunnen:heal:Trinkwasser', 'Öffentliche Toiletten:soci:Toilette',
 'Defibrillatoren:heal:Notfall', 'Apotheken:heal:Apotheke', 'Krankenhäuser:heal:Krankenhaus', 'Feuerwachen:just:Feuerwehr',
 'Wahllokale:gove:Wahllokal', 'Stimmbezirke:gove:Wahlbezirk', 'Stadtteilgrenzen:regi:Verwaltungsgrenzen', 'Grünflächen:envi:Grünfläche',
 'Gewässer:envi:Wasser', 'Überschwemmungsgebiete:envi:Hochwasser', 'Solarpotenziale:ener:Solar', 'Stromverbräuche:ener:Strom',
 'Wohnungsbestände:econ:Wohnen', 'Mietpreise:econ:Mietspiegel', 'Geburten:soci:Geburt', 'Zuzüge und Fortzüge:soci:Wanderung',
 'Arbeitslosenzahlen:econ:Arbeitsmarkt', 'Unternehmen:econ:Wirtschaft', 'Veranstaltungen:educ:Kultur', 'Museen:educ:Museum',
 'Fahrradabstellanlagen:tran:Fahrrad', 'Carsharing-Stationen:tran:Carsharing', 'Brücken:tran:Brücke', 'Förderprogramme:gove:Förderung',
 'Ratsbeschlüsse:gove:Politik', 'Messstationen:tech:Sensor', 'Klimadaten:envi:Klima', 'Hundewiesen:soci:Hund',
 'Kleingärten:agri:Kleingarten', 'Wochenmärkte:agri:Markt', 'Partnerstädte:intr:Städtepartnerschaft', 'WLAN-Hotspots:tech:WLAN'
]) t;

create temp table bench_word (kind text, i int, word text) on commit drop;
insert into bench_word select 'qualifier', ordinality, w from unnest(array[
 'Standorte der', 'Verzeichnis der', 'Statistik der', 'Karte der', 'Liste der', 'Entwicklung der', 'Übersicht über die',
 'Jahresbericht zu', 'Zeitreihe der', 'Auswertung der', 'Planung der', 'Erhebung der']) with ordinality w;
insert into bench_word select 'tag', ordinality, w from unnest(array[
 'Geodaten', 'Statistik', 'Umwelt', 'Verkehr', 'Bildung', 'Freizeit', 'Gesundheit', 'Energie', 'Wohnen', 'Kinder',
 'Senioren', 'Barrierefreiheit', 'Klima', 'Finanzen', 'Wirtschaft', 'Kultur', 'Sicherheit', 'Mobilität', 'Echtzeit',
 'Historisch', 'Zeitreihe', 'Karte', 'Verwaltung', 'Stadtteil', 'Infrastruktur', 'Bevölkerung', 'Digitalisierung',
 'Tourismus', 'Nachhaltigkeit', 'Ehrenamt']) with ordinality w;
insert into bench_word select 'sentence', ordinality, w from unnest(array[
 'Die Daten werden vom zuständigen Fachamt gepflegt und regelmäßig aktualisiert.',
 'Koordinaten stehen in UTM Zone 32N (EPSG:25832).',
 'Jede Zeile beschreibt einen Standort mit Adresse und Stadtbezirk.',
 'Die Werte wurden aus dem Fachverfahren der Verwaltung exportiert.',
 'Für Karten gibt es dieselben Daten zusätzlich als **GeoJSON**.',
 'Fehlende Werte sind leer gelassen; Zahlen verwenden das Dezimalkomma.',
 'Die Erhebung umfasst das gesamte Stadtgebiet einschließlich Wattenscheid.',
 'Hinweise auf Fehler nimmt das Open-Data-Team gern entgegen.',
 'Ältere Jahrgänge sind auf Anfrage beim Stadtarchiv erhältlich.',
 'Die Daten dienen der Planung, der Forschung und der Information der Bürgerinnen und Bürger.']) with ordinality w;

create temp table bench_dataset on commit drop as
select g as n,
       md5('bench-dataset-' || g)::uuid as id,
       1 + floor(random() * (select count(*) from bench_topic))::int as topic,
       1 + floor(random() * 12)::int as qualifier,
       random() as r_org, random() as r_lic, random() as r_place, random() as r_state, random() as r_res,
       timestamptz '2015-01-01' + random() * interval '3900 days' as created
from generate_series(1, :n) g;

with place as (
  select array_agg(name order by key) as names, array_agg(key order by key) as keys from (
    select key, name from city_stadtbezirk union all select key, name from city_stadtteil) p)
insert into opendata_dataset (id, name, title, notes, url, organization_id, license_id, attribution, author, author_email,
  maintainer, maintainer_email, version, spatial_key, temporal_start, temporal_end, frequency, is_private, state, created, modified)
select d.id,
       'bench-' || d.n,
       q.word || ' ' || t.topic || coalesce(' in ' || place.names[pi], '') || ' ' || (2010 + d.n % 17),
       '**' || t.topic || '** ' || coalesce('in ' || place.names[pi], 'im gesamten Stadtgebiet') || ', Stand ' || (2010 + d.n % 17) || '. '
         || s1.word || E'\n\n' || s2.word || ' ' || s3.word,
       case when d.n % 7 = 0 then 'https://www.bochum.de/daten/' || d.n end,
       case when d.r_org < 0.6 then '0d000000-0000-4000-8000-000000000001'::uuid
            when d.r_org < 0.72 then '0d000000-0000-4000-8000-000000000002'::uuid
            when d.r_org < 0.84 then '0d000000-0000-4000-8000-000000000003'::uuid
            when d.r_org < 0.94 then '0d000000-0000-4000-8000-000000000004'::uuid
            else '0d000000-0000-4000-8000-000000000005'::uuid end,
       case when d.r_lic < 0.45 then 'dl-by-de/2.0' when d.r_lic < 0.8 then 'dl-zero-de/2.0'
            when d.r_lic < 0.9 then 'cc-by/4.0' when d.r_lic < 0.96 then 'cc-zero' else 'odbl' end,
       case when d.r_lic < 0.45 or (d.r_lic >= 0.8 and d.r_lic < 0.9) then 'Stadt Bochum' end,
       'Open-Data-Team', 'open-data@bochum.de', 'Open-Data-Team', 'open-data@bochum.de',
       case when d.n % 3 = 0 then (2010 + d.n % 17)::text end,
       case when pi is not null then place.keys[pi] end,
       case when d.n % 4 = 0 then make_date(2010 + d.n % 17, 1, 1) end,
       case when d.n % 8 = 0 then make_date(2010 + d.n % 17, 12, 31) end,
       'http://publications.europa.eu/resource/authority/frequency/'
         || (array['ANNUAL', 'MONTHLY', 'IRREG', 'QUARTERLY', 'WEEKLY', 'NEVER', 'DAILY'])[1 + d.n % 7],
       d.r_state < 0.02, case when d.r_state > 0.99 then 'deleted' else 'active' end,
       d.created, d.created + (d.r_res * interval '400 days')
from bench_dataset d
join bench_topic t on t.i = d.topic
join bench_word q on q.kind = 'qualifier' and q.i = d.qualifier
join bench_word s1 on s1.kind = 'sentence' and s1.i = 1 + d.n % 10
join bench_word s2 on s2.kind = 'sentence' and s2.i = 1 + (d.n / 10) % 10
join bench_word s3 on s3.kind = 'sentence' and s3.i = 1 + (d.n / 100) % 10
cross join place
cross join lateral (select case when d.r_place < 0.5 then null
                                else 1 + floor((d.r_place - 0.5) * 2 * array_length(place.names, 1))::int end as pi) p;

-- the topic's own tag, then 1-4 from a pool where some tags are far more common than others
insert into opendata_dataset_tag (dataset_id, tag)
select d.id, t.tag from bench_dataset d join bench_topic t on t.i = d.topic
union
select d.id, w.word
from bench_dataset d
cross join lateral generate_series(1, 1 + (d.n % 4)) k
cross join lateral (select 1 + floor(30 * power(random() + 0 * k, 2))::int as i) pick
join bench_word w on w.kind = 'tag' and w.i = pick.i;

-- the topic's theme, and a second one for every third dataset
insert into opendata_dataset_group (dataset_id, group_id)
select d.id, g.id from bench_dataset d join bench_topic t on t.i = d.topic join opendata_group g on g.name = t.grp
union
select d.id, g.id from bench_dataset d join opendata_group g
  on g.name = (array['soci', 'regi', 'gove', 'envi', 'tech'])[1 + d.n % 5]
where d.n % 3 = 0;

insert into opendata_dataset_extra (dataset_id, extra_key, extra_value)
select d.id, 'Koordinatensystem', case when d.n % 2 = 0 then 'EPSG:25832' else 'EPSG:4326' end
from bench_dataset d where d.n % 5 < 2;

-- 1-4 resources, formats spread as on Bochum's and GovData's portals (CSV first, then JSON and the geo formats)
insert into opendata_resource (id, dataset_id, position, url, name, description, format, mimetype, size, hash, last_modified, created)
select md5('bench-resource-' || d.n || '-' || k)::uuid, d.id, k - 1,
       'https://www.bochum.de/opendata/bench-' || d.n || '/' || k || '.' || lower(f.format),
       t.topic || ' (' || f.format || ')', case when k = 1 then 'Die vollständigen Daten.' else '' end,
       f.format, f.mimetype, 1000 + floor(random() * 5000000)::bigint, null, d.created + interval '1 day', d.created
from bench_dataset d
join bench_topic t on t.i = d.topic
cross join lateral generate_series(1, 1 + floor(d.r_res * d.r_res * 4)::int) k
cross join lateral (select random() + 0 * k as r) rr
join lateral (select * from (values
   (0.00, 0.35, 'CSV', 'text/csv'), (0.35, 0.47, 'JSON', 'application/json'),
   (0.47, 0.59, 'GeoJSON', 'application/geo+json'), (0.59, 0.69, 'XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
   (0.69, 0.79, 'PDF', 'application/pdf'), (0.79, 0.85, 'XML', 'application/xml'), (0.85, 0.89, 'WMS', null),
   (0.89, 0.92, 'WFS', null), (0.92, 0.96, 'ZIP', 'application/zip'), (0.96, 1.01, 'SHP', 'application/x-shapefile')
   ) v(lo, hi, format, mimetype) where rr.r >= v.lo and rr.r < v.hi) f on true;

commit;
analyze opendata_dataset; analyze opendata_dataset_tag; analyze opendata_dataset_group; analyze opendata_resource; analyze opendata_dataset_extra;
select count(*) as datasets from opendata_dataset;
