CREATE EXTENSION btree_gist;
CREATE TABLE room (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE booking (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id integer NOT NULL REFERENCES room (id),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (NOT cancelled)
);
COMMENT ON CONSTRAINT booking_no_overlap ON booking IS 'a room is booked once at a time';
