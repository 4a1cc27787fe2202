-- The citizens' offices take appointments: the Rathaus with four counters, the district offices
-- with two. Counters are staffed all day on weekdays; the opening hours of the location (with
-- holidays and special days from the service catalogue) cut that down to when the door is open.
insert into appointments_office (standort_slug, slot_minutes)
values ('buergerbuero-rathaus', 10), ('buergerbuero-wattenscheid', 10), ('buergerbuero-gerthe', 10),
       ('buergerbuero-langendreer', 10), ('buergerbuero-querenburg', 10), ('buergerbuero-weitmar', 10);

insert into appointments_counter (office_id, label)
select o.id, 'Schalter ' || n
from appointments_office o
cross join generate_series(1, 4) as n
where n <= case when o.standort_slug = 'buergerbuero-rathaus' then 4 else 2 end;

insert into appointments_counter_hours (counter_id, weekday, starts, ends)
select c.id, d, '07:00', '18:00'
from appointments_counter c
cross join generate_series(1, 5) as d;

-- Passports take longer at the smaller offices, which have no photo booth.
insert into appointments_duration (office_id, leistung_slug, minutes)
select o.id, 'reisepass', 30 from appointments_office o where o.standort_slug <> 'buergerbuero-rathaus';
