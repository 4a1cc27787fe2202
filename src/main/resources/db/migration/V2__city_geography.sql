-- Bochum's six Stadtbezirke and their Stadtteile (the city's 30 statistical districts,
-- "statistische Bezirke", as decided by the council's main committee in 1981).
create table city_stadtbezirk (
    key    text primary key,
    number int  not null unique check (number between 1 and 6),
    name   text not null unique
);

create table city_stadtteil (
    key             text primary key,
    name            text not null unique,
    stadtbezirk_key text not null references city_stadtbezirk (key),
    position        int  not null
);
create index city_stadtteil_by_bezirk on city_stadtteil (stadtbezirk_key);

insert into city_stadtbezirk (key, number, name) values
    ('mitte',        1, 'Bochum-Mitte'),
    ('wattenscheid', 2, 'Bochum-Wattenscheid'),
    ('nord',         3, 'Bochum-Nord'),
    ('ost',          4, 'Bochum-Ost'),
    ('sued',         5, 'Bochum-Süd'),
    ('suedwest',     6, 'Bochum-Südwest');

insert into city_stadtteil (key, name, stadtbezirk_key, position) values
    ('grumme',                     'Grumme',                     'mitte', 1),
    ('gleisdreieck',               'Gleisdreieck',               'mitte', 2),
    ('altenbochum',                'Altenbochum',                'mitte', 3),
    ('suedinnenstadt',             'Südinnenstadt',              'mitte', 4),
    ('kruppwerke',                 'Kruppwerke',                 'mitte', 5),
    ('hamme',                      'Hamme',                      'mitte', 6),
    ('hordel',                     'Hordel',                     'mitte', 7),
    ('hofstede',                   'Hofstede',                   'mitte', 8),
    ('riemke',                     'Riemke',                     'mitte', 9),
    ('guennigfeld',                'Günnigfeld',                 'wattenscheid', 1),
    ('wattenscheid-mitte',         'Wattenscheid-Mitte',         'wattenscheid', 2),
    ('leithe',                     'Leithe',                     'wattenscheid', 3),
    ('westenfeld',                 'Westenfeld',                 'wattenscheid', 4),
    ('hoentrop',                   'Höntrop',                    'wattenscheid', 5),
    ('eppendorf',                  'Eppendorf',                  'wattenscheid', 6),
    ('bergen-hiltrop',             'Bergen/Hiltrop',             'nord', 1),
    ('gerthe',                     'Gerthe',                     'nord', 2),
    ('harpen-rosenberg',           'Harpen/Rosenberg',           'nord', 3),
    ('kornharpen-voede-abzweig',   'Kornharpen/Voede-Abzweig',   'nord', 4),
    ('laer',                       'Laer',                       'ost', 1),
    ('werne',                      'Werne',                      'ost', 2),
    ('langendreer-alter-bahnhof',  'Langendreer-Alter Bahnhof',  'ost', 3),
    ('langendreer',                'Langendreer',                'ost', 4),
    ('wiemelhausen-brenschede',    'Wiemelhausen/Brenschede',    'sued', 1),
    ('stiepel',                    'Stiepel',                    'sued', 2),
    ('querenburg',                 'Querenburg',                 'sued', 3),
    ('weitmar-mitte',              'Weitmar-Mitte',              'suedwest', 1),
    ('weitmar-mark',               'Weitmar-Mark',               'suedwest', 2),
    ('linden',                     'Linden',                     'suedwest', 3),
    ('dahlhausen',                 'Dahlhausen',                 'suedwest', 4);
