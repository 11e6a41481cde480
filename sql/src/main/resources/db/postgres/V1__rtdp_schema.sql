-- Flyway creates the schema "rtdp" (it is the schema it manages); the result tables of the shipped
-- pipelines go there, apart from whatever else lives in the database.
COMMENT ON SCHEMA rtdp IS 'rtdp pipeline results: written by the JDBC sink connectors, read by the query service';
