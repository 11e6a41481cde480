package io.rtdp.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;


/**
 * ./rtdp up as the demo: after it is ready the shipped pipelines run by themselves, and rows of
 * both reach their PostgreSQL result tables; a second up changes nothing.
 */
class PipelinesUpTest {
    /** Result tables fed by EMIT CHANGES queries or joins: rows within a minute of ready. */
    private static final List<String> IOT_TABLES = List.of("iot_site_stats_5m", "iot_alerts");
    private static final List<String> COMMERCE_TABLES = List.of("commerce_merchant_revenue", "commerce_suspicious_orders");

    // Kept when the test fails: the servers' logs under logs/ tell why.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private Launcher launcher;

    @AfterEach
    void down() throws Exception {
        if (launcher != null) {
            launcher.run("down");
        }
    }

    @Test
    void upAppliesBothPipelinesAndTheirResultsReachPostgres() throws Exception {
        launcher = Launcher.onFreePorts(dataDir);

        Launcher.Result up = launcher.run("up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Applied 6 migration(s).")
                .containsPattern("generator-iot-readings \\.\\.\\. created")
                .containsPattern("sink-commerce-suspicious-orders \\.\\.\\. created")
                .contains("Try next:", "./rtdp ksql", "curl -s");

        String psqlUrl = column(up.output(), "postgres");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            for (String table : concat(IOT_TABLES, COMMERCE_TABLES)) {
                assertThat(rows(psqlUrl, table)).as("rows in rtdp.%s", table).isPositive();
            }
        });
        try (Connection c = connect(psqlUrl);
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT count(*) FROM rtdp.iot_site_stats_5m WHERE window_end - window_start <> interval '5 minutes'")) {
            r.next();
            assertThat(r.getLong(1)).as("hopping windows of 5 minutes, start and end from the KSQL result").isZero();
        }

        // The demo's promise: the API answers from both pipelines, and the live state from a pull query.
        String api = column(up.output(), "query-service");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode alerts = apiGet(api, "/v1/alerts?limit=1");
            assertThat(alerts.path("items")).as(alerts.toString()).isNotEmpty();
            JsonNode revenue = apiGet(api, "/v1/merchant_revenue?limit=1");
            assertThat(revenue.path("items")).as(revenue.toString()).isNotEmpty();
            String device = alerts.path("items").get(0).path("device_id").asText();
            assertThat(apiGet(api, "/v1/live/device_state/" + device).path("DEVICE_ID").asText()).isEqualTo(device);
            String merchant = revenue.path("items").get(0).path("merchant_id").asText();
            assertThat(apiGet(api, "/v1/live/merchant_revenue/" + merchant).path("items")).isNotEmpty();
        });

        Launcher.Result again = launcher.run("up", "-d");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Nothing to apply: every migration is applied.")
                .containsPattern("sink-iot-alerts \\.\\.\\. up to date")
                .doesNotContainPattern("\\.\\.\\. created");
    }

    /** A GET of the query service with config.yml's development API key. */
    private static JsonNode apiGet(String api, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + path))
                .header("X-API-Key", "rtdp-dev-api-key-change-me").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static long rows(String psqlUrl, String table) throws Exception {
        try (Connection c = connect(psqlUrl); ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM rtdp." + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String column(String table, String component) {
        Matcher m = Pattern.compile("(?m)^" + component + " +(\\S+) ").matcher(table);
        assertThat(m.find()).as("row of %s in\n%s", component, table).isTrue();
        return m.group(1);
    }

    private static Connection connect(String psqlUrl) throws Exception {
        URI uri = URI.create(psqlUrl);
        String[] credentials = uri.getUserInfo().split(":", 2);
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
                credentials[0], credentials[1]);
    }
}
