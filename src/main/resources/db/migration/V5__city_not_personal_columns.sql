-- These columns only look personal (see PersonalData): they name places, not people.
comment on column city_stadtbezirk.name is 'not-personal: name of a city district';
comment on column city_stadtteil.name is 'not-personal: name of a city quarter';
