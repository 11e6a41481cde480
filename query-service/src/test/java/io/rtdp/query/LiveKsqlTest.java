package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.rtdp.query.live.InvalidLiveSourcesException;
import io.rtdp.query.live.LiveSourceCheck;
import io.rtdp.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /v1/live against a real KSQL server on a real broker: pull queries by key and window, the key
 * bound safely into KSQL, server-sent events of a push query, and the push query closed when the
 * browser goes away.
 */
class LiveKsqlTest {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    /** The sources of test-config.yml's live section, there before the service starts and checks them. */
    @RegisterExtension
    @Order(2)
    static final KsqlServerWithSources ksql = new KsqlServerWithSources(kafka, """
            CREATE STREAM READINGS (DEVICE STRING KEY, CELSIUS DOUBLE)
              WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1);
            CREATE TABLE DEVICE_TOTALS AS
              SELECT DEVICE, COUNT(*) AS READINGS, MAX(CELSIUS) AS WARMEST FROM READINGS GROUP BY DEVICE;
            CREATE TABLE DEVICE_MINUTES AS
              SELECT DEVICE, COUNT(*) AS READINGS FROM READINGS WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY DEVICE;
            CREATE STREAM ORDERS (ID INT KEY, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
            CREATE TABLE ORDER_TOTALS AS SELECT ID, SUM(AMOUNT) AS TOTAL FROM ORDERS GROUP BY ID;
            CREATE TABLE RETIRED_TOTALS (DEVICE STRING PRIMARY KEY, READINGS BIGINT)
              WITH (KAFKA_TOPIC='retired_totals', VALUE_FORMAT='JSON', PARTITIONS=1);
            """, Map.of("ksql.streams.auto.offset.reset", "earliest"));

    /** A push query starts a Kafka Streams application: more than test-config.yml's 500 ms to run. */
    @RegisterExtension
    @Order(3)
    static final TestService service = new TestService(ConfigOverride.config("ksql.url", ksql::url),
            ConfigOverride.config("ksql.timeout", "20s"));

    @BeforeAll
    static void sourcesWithData() {
        // 10:00 and 10:01 on 2026-11-25 (UTC): two one-minute windows of boiler.
        ksql.ksql("""
                INSERT INTO READINGS (ROWTIME, DEVICE, CELSIUS) VALUES (1795600800000, 'boiler', 20.5);
                INSERT INTO READINGS (ROWTIME, DEVICE, CELSIUS) VALUES (1795600810000, 'boiler', 22.0);
                INSERT INTO READINGS (ROWTIME, DEVICE, CELSIUS) VALUES (1795600860000, 'boiler', 23.0);
                INSERT INTO READINGS (ROWTIME, DEVICE, CELSIUS) VALUES (1795600800000, 'it''s', 1.0);
                INSERT INTO ORDERS (ID, AMOUNT) VALUES (7, 10.0);
                INSERT INTO ORDERS (ID, AMOUNT) VALUES (7, 2.5);
                """);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.json(service.api().reader(
                "/v1/live/device_totals/boiler")).path("READINGS").asLong()).isEqualTo(3));
    }

    @Test
    void keyLookupAnswersTheRowFromAPullQuery() {
        HttpResponse<String> response = service.api().reader("/v1/live/device_totals/boiler");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                .contains("no-store"));
        JsonNode row = Http.json(response);
        assertThat(row.path("DEVICE").asText()).isEqualTo("boiler");
        assertThat(row.path("WARMEST").asDouble()).isEqualTo(23.0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.json(service.api().reader(
                "/v1/live/order_totals/7")).path("TOTAL").asDouble()).isEqualTo(12.5));
    }

    @Test
    void unknownKeyIs404() {
        assertError(service.api().reader("/v1/live/device_totals/nobody"), 404, "unknown_key");
        assertError(service.api().reader("/v1/live/order_totals/8"), 404, "unknown_key");
    }

    @Test
    void windowedLookupAnswersTheWindowsInTheRange() {
        // The set-up waited for device_totals only; device_minutes is another query that may lag behind it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode all = Http.json(service.api().reader("/v1/live/device_minutes/boiler"));
            assertThat(Http.texts(all.path("items"), "WINDOWSTART")).containsExactly("1795600800000", "1795600860000");
            assertThat(Http.texts(all.path("items"), "READINGS")).containsExactly("2", "1");
        });

        JsonNode later = Http.json(service.api().reader("/v1/live/device_minutes/boiler?from=2026-11-25T10:01:00Z"));
        assertThat(Http.texts(later.path("items"), "WINDOWSTART")).containsExactly("1795600860000");
        JsonNode earlier = Http.json(service.api().reader("/v1/live/device_minutes/boiler?to=1795600860000"));
        assertThat(Http.texts(earlier.path("items"), "WINDOWSTART")).containsExactly("1795600800000");
        assertError(service.api().reader("/v1/live/device_minutes/boiler?from=2026-11-26"), 404, "unknown_key");
    }

    @Test
    void keyTextIsOnlyEverAKsqlStringLiteral() {
        // A quote in a key is data: the key it's has a row of its own.
        assertThat(Http.json(service.api().reader("/v1/live/device_totals/" + encode("it's"))).path("READINGS").asLong())
                .isEqualTo(1);
        // Were the key spliced into the statement, these would read every row (a table scan) or more statements.
        assertError(service.api().reader("/v1/live/device_totals/" + encode("nobody' OR '1'='1")), 404, "unknown_key");
        assertError(service.api().reader("/v1/live/device_totals/" + encode("x'; DROP TABLE DEVICE_TOTALS; --")), 404,
                "unknown_key");
        assertError(service.api().reader("/v1/live/device_totals/" + encode("x` = `DEVICE")), 404, "unknown_key");
        assertError(service.api().reader("/v1/live/order_totals/" + encode("7 OR 1=1")), 400, "invalid_parameters");
        assertThat(service.api().reader("/v1/live/device_totals/boiler").statusCode()).isEqualTo(200);
    }

    @Test
    void ksqlErrorIsA502NamingIt() {
        // Checked at start-up, dropped since: the KSQL server refuses the pull query.
        ksql.ksql("DROP TABLE RETIRED_TOTALS;");
        JsonNode body = assertError(service.api().reader("/v1/live/retired_totals/boiler"), 502, "ksql_error");
        assertThat(body.path("message").asText()).contains("retired_totals").contains("RETIRED_TOTALS").contains("error_code 4");
    }

    @Test
    void aLiveSourceTheKsqlServerDoesNotHaveYetLetsItStartAndIsReportedByTheHealthCheck() throws Exception {
        DropwizardAppExtension<QueryServiceConfiguration> app = TestService.against(service.postgres(),
                ConfigOverride.config("ksql.url", ksql::url), ConfigOverride.config("live.device_totals.source", "NO_SUCH_TABLE"));
        try {
            app.before();
            HealthCheck.Result result = app.getEnvironment().healthChecks().runHealthCheck(LiveSourceCheck.NAME);
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("does not have these live sources yet")
                    .contains("live.device_totals: DESCRIBE NO_SUCH_TABLE failed").contains("set source: to a stream or table");
        } finally {
            app.after();
        }
    }

    @Test
    void liveSourcesThatDoNotMatchTheKsqlServerStopTheStartNamingSourceProblemAndFix() {
        assertStartFails("live.device_totals: DEVICE_TOTALS is a TABLE in KSQL, not a STREAM; set kind: table",
                "(its key columns: [DEVICE])", ConfigOverride.config("live.device_totals.kind", "stream"),
                ConfigOverride.config("live.device_totals.key", "device"));
        assertStartFails("live.order_totals: key column ID is INTEGER in KSQL, not STRING; set keyType: integer",
                "live.device_minutes: DEVICE_MINUTES is windowed (TUMBLING) in KSQL; set windowed: true",
                ConfigOverride.config("live.order_totals.keyType", "string"),
                ConfigOverride.config("live.device_minutes.windowed", "false"));
        assertStartFails("live.device_totals: DEVICE_TOTALS is not windowed in KSQL; set windowed: false",
                "live.order_totals: DESCRIBE NOT_THERE failed",
                ConfigOverride.config("live.device_totals.windowed", "true"),
                ConfigOverride.config("live.order_totals.source", "NOT_THERE"));
    }

    /** A service against this KSQL server whose start fails with a message containing both texts. */
    private static void assertStartFails(String problem, String more, ConfigOverride... overrides) {
        ConfigOverride[] all = Arrays.copyOf(overrides, overrides.length + 1);
        all[overrides.length] = ConfigOverride.config("ksql.url", ksql::url);
        DropwizardAppExtension<QueryServiceConfiguration> app = TestService.against(service.postgres(), all);
        try {
            assertThatThrownBy(app::before).isInstanceOf(InvalidLiveSourcesException.class)
                    .hasMessageContaining("do not match the KSQL server at " + ksql.url())
                    .hasMessageContaining(problem).hasMessageContaining(more);
        } finally {
            app.after();
        }
    }

    @Test
    void eventsRelayRowsInsertedAfterConnecting() throws Exception {
        try (EventSourceClient events = EventSourceClient.connect(service.app().getLocalPort(), "/v1/live/readings?key=sse-1",
                "X-API-Key", Http.READER_KEY)) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/event-stream"));
            EventSourceClient.Event open = events.next(EVENT_WAIT);
            assertThat(open.name()).isEqualTo("open");
            assertThat(open.json().path("columns").toString()).contains("\"DEVICE\"", "\"CELSIUS\"");

            // Rows inserted once the query runs, i.e. after the open event; another key's row is not relayed.
            ksql.ksql("INSERT INTO READINGS (DEVICE, CELSIUS) VALUES ('other', 1.0);"
                    + "INSERT INTO READINGS (DEVICE, CELSIUS) VALUES ('sse-1', 101.0);"
                    + "INSERT INTO READINGS (DEVICE, CELSIUS) VALUES ('sse-1', 102.0);");
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                EventSourceClient.Event row = events.next(EVENT_WAIT);
                assertThat(row.name()).isEqualTo("message");
                rows.add(row.json().path("DEVICE").asText() + "=" + row.json().path("CELSIUS").asDouble());
            }
            assertThat(rows).containsExactly("sse-1=101.0", "sse-1=102.0");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.comments())
                    .as("heartbeats every 200 ms").isPositive());
        }
    }

    @Test
    void pushQueryIsClosedWhenTheBrowserGoesAway() throws Exception {
        String queryId;
        try (EventSourceClient events = EventSourceClient.connect(service.app().getLocalPort(), "/v1/live/readings",
                "X-API-Key", Http.READER_KEY)) {
            queryId = events.next(EVENT_WAIT).json().path("queryId").asText();
            assertThat(runningQueries()).contains(queryId);
        }
        // The next heartbeat (200 ms) finds the connection closed, and the service closes the query.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(runningQueries()).doesNotContain(queryId));
        assertThat(Http.json(service.admin().get("/metrics", "Authorization", Http.basic("ops", "ops-password")))
                .path("gauges").path("io.rtdp.query.live.EventStreams.open").path("value").asInt()).isZero();
    }

    @Test
    void healthCheckSeesTheKsqlServer() {
        JsonNode checks = Http.json(service.admin().get("/healthcheck", "Authorization",
                Http.basic("ops", "ops-password")));
        assertThat(checks.path("ksql-server").path("healthy").asBoolean()).as(checks.toString()).isTrue();
        assertThat(checks.path("live-sources").path("healthy").asBoolean()).as(checks.toString()).isTrue();
        assertThat(checks.path("postgresql").path("healthy").asBoolean()).isTrue();
    }

    /**
     * What the KSQL server shows of its running queries: SHOW QUERIES (SPEC lists push queries there)
     * and the Kafka consumer groups, where a push query's group (its application id, which contains
     * the query id) lives as long as the query.
     */
    private static String runningQueries() throws Exception {
        StringBuilder shown = new StringBuilder();
        ksql.ksql("SHOW QUERIES;").get(0).path("queries").forEach(query -> shown.append(query.path("id").asText()).append(' '));
        try (Admin admin = kafka.admin()) {
            admin.listConsumerGroups().all().get().forEach(group -> shown.append(group.groupId()).append(' '));
        }
        return shown.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
