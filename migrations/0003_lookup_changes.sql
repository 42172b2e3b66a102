-- Servers cache lookup answers in memory. Every statement that changes a table a lookup reads
-- announces it on the channel lookup_data_changed (once per transaction: PostgreSQL folds equal
-- notifications), and the servers forget what they cached.
CREATE FUNCTION notify_lookup_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('lookup_data_changed', '');
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['municipalities', 'municipality_parts', 'city_districts', 'prague_districts',
        'streets', 'address_units', 'address_points', 'schools', 'areas', 'address_areas', 'elections',
        'election_days', 'polling_stations', 'waste_schedules']
    LOOP
        EXECUTE format('CREATE TRIGGER lookup_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION notify_lookup_data_changed()', t);
    END LOOP;
END
$$;
