-- Organization.units counts each unit's staff: without this index PostgreSQL scanned all staff once per unit.
CREATE INDEX staff_by_unit ON staff (unit_id);
