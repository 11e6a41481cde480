-- Result tables of the commerce analytics pipeline (ksql/V000004..V000006), written by the JDBC
-- sinks of connectors/config/sinks/, read by the query service. Amounts in US dollars are
-- double precision as the KSQL results carry them (rounded to cents where they are computed).

CREATE TABLE IF NOT EXISTS commerce_merchant_revenue (
    merchant_id    text             NOT NULL,
    window_start   timestamptz      NOT NULL,
    window_end     timestamptz      NOT NULL,
    orders         bigint           NOT NULL,
    customers      bigint,
    revenue_usd    double precision,
    avg_order_usd  double precision,
    max_order_usd  double precision,
    PRIMARY KEY (merchant_id, window_start)
);
COMMENT ON TABLE commerce_merchant_revenue IS 'Revenue per merchant over 15 minutes advancing every 5, updated live';
CREATE INDEX IF NOT EXISTS commerce_merchant_revenue_window_start ON commerce_merchant_revenue (window_start);
-- Top merchants of a window.
CREATE INDEX IF NOT EXISTS commerce_merchant_revenue_window_revenue ON commerce_merchant_revenue (window_start, revenue_usd DESC);

CREATE TABLE IF NOT EXISTS commerce_customer_velocity (
    customer_id   text             NOT NULL,
    window_start  timestamptz      NOT NULL,
    window_end    timestamptz      NOT NULL,
    orders        bigint           NOT NULL,
    amount_usd    double precision,
    merchants     bigint,
    PRIMARY KEY (customer_id, window_start)
);
COMMENT ON TABLE commerce_customer_velocity IS 'Customers with 14 or more orders in 10 minutes (advancing every 2): velocity flags';
CREATE INDEX IF NOT EXISTS commerce_customer_velocity_window_start ON commerce_customer_velocity (window_start);

CREATE TABLE IF NOT EXISTS commerce_suspicious_orders (
    order_id          text             NOT NULL PRIMARY KEY,
    payment_id        text,
    customer_id       text             NOT NULL,
    merchant_id       text             NOT NULL,
    amount            double precision NOT NULL,
    order_currency    text,
    payment_currency  text,
    amount_usd        double precision,
    country           text,
    payment_status    text,
    ordered_at        timestamptz      NOT NULL,
    paid_at           timestamptz,
    large_amount      boolean          NOT NULL,
    country_mismatch  boolean          NOT NULL
);
COMMENT ON TABLE commerce_suspicious_orders IS 'Paid orders flagged for a large amount or a country mismatch';
CREATE INDEX IF NOT EXISTS commerce_suspicious_orders_ordered_at ON commerce_suspicious_orders (ordered_at DESC);
CREATE INDEX IF NOT EXISTS commerce_suspicious_orders_customer ON commerce_suspicious_orders (customer_id, ordered_at DESC);
CREATE INDEX IF NOT EXISTS commerce_suspicious_orders_merchant ON commerce_suspicious_orders (merchant_id, ordered_at DESC);
