package io.rtdp.platform.pipelines;

import java.io.PrintStream;

import io.rtdp.platform.config.Settings;

/** What to try once the pipelines run: the CLI with two queries, three calls of the query service. */
final class NextSteps {
    /** The query service's development key (query-service/config.yml, RTDP_QUERY_API_KEY overrides it). */
    private static final String DEV_API_KEY = "rtdp-dev-api-key-change-me";

    private final Settings settings;

    NextSteps(Settings settings) {
        this.settings = settings;
    }

    void print(PrintStream out) {
        String ksql = "http://" + settings.string("ksql-server.host") + ":" + settings.port("ksql-server.port");
        String api = "http://" + settings.string("query-service.host") + ":" + settings.port("query-service.port");
        String key = System.getenv().getOrDefault("RTDP_QUERY_API_KEY", DEV_API_KEY);
        out.println();
        out.println("The pipelines run: events flow from the sources through KSQL into PostgreSQL (first rows within a minute).");
        out.println("Try next:");
        out.println("  ./rtdp ksql " + ksql);
        out.println("    SELECT * FROM IOT_DEVICE_STATE WHERE DEVICE_ID = 'device-000042';");
        out.println("    SELECT ORDER_ID, AMOUNT_USD, LARGE_AMOUNT, COUNTRY_MISMATCH FROM COMMERCE_SUSPICIOUS_ORDERS EMIT CHANGES LIMIT 5;");
        out.println("  curl -s -H 'X-API-Key: " + key + "' '" + api + "/v1/device_stats?device_id=device-000042&limit=5'");
        out.println("  curl -s -H 'X-API-Key: " + key + "' '" + api + "/v1/alerts?limit=10'");
        out.println("  curl -s -H 'X-API-Key: " + key + "' '" + api + "/v1/merchant_revenue?merchant_id=merchant-0001&limit=3'");
    }
}
