-- Result tables of the IoT monitoring pipeline (ksql/V000001..V000003), written by the JDBC sinks
-- of connectors/config/sinks/ (upserts on the primary keys below), read by the query service.
-- Windowed results are keyed by what they are about plus the window start; times are timestamptz.
-- IF NOT EXISTS throughout: a database where an operator created them already is left as it is.

CREATE TABLE IF NOT EXISTS iot_device_stats_1m (
    device_id           text             NOT NULL,
    window_start        timestamptz      NOT NULL,
    window_end          timestamptz      NOT NULL,
    site                text,
    readings            bigint           NOT NULL,
    temperature_min     double precision,
    temperature_max     double precision,
    temperature_avg     double precision,
    temperature_stddev  double precision,
    humidity_avg        double precision,
    battery_min         double precision,
    PRIMARY KEY (device_id, window_start)
);
COMMENT ON TABLE iot_device_stats_1m IS 'Per device and minute (event time), final once the minute plus 10 s grace passed';
-- "What happened in the last N minutes", all devices or one site.
CREATE INDEX IF NOT EXISTS iot_device_stats_1m_window_start ON iot_device_stats_1m (window_start);
CREATE INDEX IF NOT EXISTS iot_device_stats_1m_site_window_start ON iot_device_stats_1m (site, window_start);

CREATE TABLE IF NOT EXISTS iot_site_stats_5m (
    site             text             NOT NULL,
    window_start     timestamptz      NOT NULL,
    window_end       timestamptz      NOT NULL,
    readings         bigint           NOT NULL,
    devices          bigint,
    temperature_min  double precision,
    temperature_max  double precision,
    temperature_avg  double precision,
    humidity_avg     double precision,
    alarms           integer,
    PRIMARY KEY (site, window_start)
);
COMMENT ON TABLE iot_site_stats_5m IS 'Per site over 5 minutes advancing every minute, updated live';
CREATE INDEX IF NOT EXISTS iot_site_stats_5m_window_start ON iot_site_stats_5m (window_start);

CREATE TABLE IF NOT EXISTS iot_alerts (
    device_id    text             NOT NULL,
    alert_time   timestamptz      NOT NULL,
    kind         text             NOT NULL,
    site         text,
    temperature  double precision,
    battery      double precision,
    zscore       double precision,
    PRIMARY KEY (device_id, alert_time, kind),
    CONSTRAINT iot_alerts_kind CHECK (kind IN ('DEVICE_ALARM', 'TEMPERATURE_HIGH', 'TEMPERATURE_LOW', 'BATTERY_LOW',
                                               'TEMPERATURE_ANOMALY'))
);
COMMENT ON TABLE iot_alerts IS 'Threshold and anomaly (z-score) alerts, one per reading and kind';
-- Newest first, paged, for everything, a site or a kind.
CREATE INDEX IF NOT EXISTS iot_alerts_alert_time ON iot_alerts (alert_time DESC);
CREATE INDEX IF NOT EXISTS iot_alerts_site_alert_time ON iot_alerts (site, alert_time DESC);
CREATE INDEX IF NOT EXISTS iot_alerts_kind_alert_time ON iot_alerts (kind, alert_time DESC);

CREATE TABLE IF NOT EXISTS iot_device_sessions (
    device_id      text         NOT NULL,
    session_start  timestamptz  NOT NULL,
    session_end    timestamptz  NOT NULL,
    site           text,
    readings       bigint       NOT NULL,
    PRIMARY KEY (device_id, session_start)
);
COMMENT ON TABLE iot_device_sessions IS 'Activity sessions per device (gaps over 2 minutes split them: outages), written once closed';
CREATE INDEX IF NOT EXISTS iot_device_sessions_session_end ON iot_device_sessions (session_end);
