package io.rtdp.bench.freshness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/** One place where a probe reading's effect becomes visible, checked by asking it once. */
interface VisibilityPath {
    String name();

    /** Whether the probe device's effect is visible there now. */
    boolean sees(String device) throws Exception;

    /** Called once its probe was seen (or given up), to release what checking held. */
    default void release() {
    }

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** (a) A pull query on the KSQL server: the device's row of IOT_DEVICE_STATE exists. */
    static VisibilityPath pullQuery(String ksql) {
        return new VisibilityPath() {
            public String name() {
                return "pull query (KSQL /query-stream, IOT_DEVICE_STATE)";
            }

            public boolean sees(String device) throws Exception {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ksql + "/query-stream"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT DEVICE_ID FROM IOT_DEVICE_STATE WHERE DEVICE_ID = '"
                                + device + "';\",\"properties\":{}}")).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("[\"" + device + "\"]");
            }
        };
    }

    /** (b) PostgreSQL: the probe's alert row, written by the JDBC sink, exists (one connection per probe). */
    static VisibilityPath postgres(String psqlUrl) {
        return new VisibilityPath() {
            private Connection connection;

            public String name() {
                return "PostgreSQL (rtdp.iot_alerts, JDBC)";
            }

            public boolean sees(String device) throws Exception {
                if (connection == null) {
                    URI uri = URI.create(psqlUrl);
                    String[] credentials = uri.getUserInfo().split(":", 2);
                    connection = DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
                            credentials[0], credentials[1]);
                }
                try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM rtdp.iot_alerts WHERE device_id = ?")) {
                    s.setString(1, device);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next();
                    }
                }
            }

            public void release() {
                try {
                    if (connection != null) {
                        connection.close();
                    }
                } catch (java.sql.SQLException e) {
                    // closing a connection we are done with: nothing to recover
                }
            }
        };
    }

    /** (c) The query service's history API, which reads PostgreSQL: GET /v1/alerts?device_id= has the probe's alert. */
    static VisibilityPath apiHistory(String api) {
        return apiGet("query service /v1/alerts (PostgreSQL)", api, "/v1/alerts?limit=1&device_id=", "\"device_id\"");
    }

    /** (c) The query service's live API, a pull query behind it: GET /v1/live/device_state/<device> answers 200. */
    static VisibilityPath apiLive(String api) {
        return apiGet("query service /v1/live/device_state (pull query)", api, "/v1/live/device_state/", "\"DEVICE_ID\"");
    }

    private static VisibilityPath apiGet(String name, String api, String path, String mark) {
        return new VisibilityPath() {
            public String name() {
                return name;
            }

            public boolean sees(String device) throws Exception {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + path + device))
                        .header("X-API-Key", "rtdp-dev-api-key-change-me").build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains(mark);
            }
        };
    }
}
