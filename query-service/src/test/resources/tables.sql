-- The result tables the tests serve: one per kind of key and time column the service supports.
CREATE SCHEMA IF NOT EXISTS rtdp;
-- Idempotent, for RTDP_TEST_PG_URL runs against a kept database.
DROP TABLE IF EXISTS rtdp.device_stats, rtdp.merchant_revenue, devices, rtdp.audit_log;

-- 3 devices x 30 one-minute windows from 2026-11-25T10:00Z; readings = minute index + 1.
CREATE TABLE rtdp.device_stats (
    device_id    text             NOT NULL,
    window_start timestamptz      NOT NULL,
    readings     bigint           NOT NULL,
    avg_value    double precision,
    internal     text,
    PRIMARY KEY (device_id, window_start)
);
INSERT INTO rtdp.device_stats
SELECT 'dev-' || d, timestamptz '2026-11-25 10:00:00+00' + make_interval(mins => m), m + 1, d * 10.0 + m / 4.0, 'hidden'
FROM generate_series(1, 3) AS d, generate_series(0, 29) AS m;

-- Windows as epoch milliseconds, as KSQL's WINDOWSTART lands when not converted.
CREATE TABLE rtdp.merchant_revenue (
    merchant_id  bigint         NOT NULL,
    window_start bigint         NOT NULL,
    revenue      numeric(12, 2) NOT NULL,
    PRIMARY KEY (merchant_id, window_start)
);
INSERT INTO rtdp.merchant_revenue VALUES
    (42, 1795600800000, 100.50), (42, 1795601100000, 200.25), (42, 1795601400000, 300.00), (7, 1795600800000, 9.99);

-- No time column: one row per key.
CREATE TABLE devices (
    device_id  uuid PRIMARY KEY,
    name       text NOT NULL,
    active     boolean NOT NULL,
    attributes jsonb
);
INSERT INTO devices VALUES
    ('00000000-0000-0000-0000-000000000001', 'boiler', true, '{"site": "north", "floor": 2}'),
    ('00000000-0000-0000-0000-000000000002', 'pump', false, NULL);

CREATE TABLE rtdp.audit_log (entry integer PRIMARY KEY, note text);
INSERT INTO rtdp.audit_log VALUES (1, 'first'), (2, 'second');
