package io.rtdp.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading result tables: filters, order, cursor pages, the page cap, key lookups, ETags. */
class TablesApiTest {
    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void filtersByKeyAndTimeRangeNewestFirst() {
        HttpResponse<String> response = service.api().reader(
                "/v1/device_stats?device_id=dev-2&from=2026-11-25T10:05:00Z&to=2026-11-25T10:08:00Z");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(Http.texts(body.path("items"), "window_start"))
                .containsExactly("2026-11-25T10:07:00Z", "2026-11-25T10:06:00Z", "2026-11-25T10:05:00Z");
        assertThat(Http.texts(body.path("items"), "device_id")).containsOnly("dev-2");
        JsonNode first = body.path("items").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("device_id", "window_start", "readings", "avg_value");
        assertThat(first.path("readings").asLong()).isEqualTo(8);
        assertThat(first.path("avg_value").asDouble()).isEqualTo(21.75);
        assertThat(body.path("nextCursor").isNull()).isTrue();
        assertThat(body.path("next").isNull()).isTrue();
    }

    @Test
    void ordersAscendingOnRequestAndAcceptsEpochMillisAndDates() {
        JsonNode asc = Http.json(service.api().reader("/v1/device_stats?device_id=dev-1&order=asc&from=1795600860000&limit=2"));
        assertThat(Http.texts(asc.path("items"), "window_start")).containsExactly("2026-11-25T10:01:00Z", "2026-11-25T10:02:00Z");

        JsonNode none = Http.json(service.api().reader("/v1/device_stats?from=2026-11-26"));
        assertThat(none.path("items")).isEmpty();
    }

    @Test
    void pagesWithCursorsVisitEveryRowOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String path = "/v1/device_stats?order=asc&limit=7";
        int pages = 0;
        while (path != null && pages < 20) {
            JsonNode page = Http.json(service.api().reader(path));
            page.path("items").forEach(item -> seen.add(item.path("window_start").asText() + "/" + item.path("device_id").asText()));
            path = page.path("next").isTextual() ? page.path("next").asText() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(13); // 90 rows, 7 per page
        assertThat(seen).hasSize(90).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void cursorAloneContinuesWithTheSameFilters() {
        JsonNode first = Http.json(service.api().reader("/v1/device_stats?device_id=dev-3&limit=4"));
        String cursor = first.path("nextCursor").asText();
        assertThat(first.path("next").asText()).startsWith("/v1/device_stats?").contains("device_id=dev-3").contains("cursor=" + cursor);

        JsonNode second = Http.json(service.api().reader("/v1/device_stats?device_id=dev-3&limit=4&cursor=" + cursor));
        assertThat(Http.texts(second.path("items"), "window_start"))
                .containsExactly("2026-11-25T10:25:00Z", "2026-11-25T10:24:00Z", "2026-11-25T10:23:00Z", "2026-11-25T10:22:00Z");
    }

    @Test
    void pageSizeIsCappedAndDefaulted() {
        JsonNode capped = Http.json(service.api().reader("/v1/device_stats?limit=100000"));
        assertThat(capped.path("items")).hasSize(25);
        assertThat(capped.path("nextCursor").isTextual()).isTrue();

        JsonNode defaulted = Http.json(service.api().reader("/v1/device_stats"));
        assertThat(defaulted.path("items")).hasSize(10);
    }

    @Test
    void servesEpochMillisTimeAndNumericColumns() {
        JsonNode body = Http.json(service.api().reader("/v1/merchant_revenue?merchant_id=42&from=2026-11-25T10:05:00Z"));
        assertThat(Http.texts(body.path("items"), "window_start")).containsExactly("1795601400000", "1795601100000");
        assertThat(body.path("items").get(0).path("revenue").decimalValue()).isEqualByComparingTo("300.00");
    }

    @Test
    void currentRowOfAKeyIsTheLatestWindow() {
        JsonNode row = Http.json(service.api().reader("/v1/device_stats/dev-1"));
        assertThat(row.path("window_start").asText()).isEqualTo("2026-11-25T10:29:00Z");
        assertThat(row.path("readings").asLong()).isEqualTo(30);
    }

    @Test
    void currentRowOfATableWithoutTimeShowsTypedValues() {
        JsonNode row = Http.json(service.api().reader("/v1/devices/00000000-0000-0000-0000-000000000001"));
        assertThat(row.path("name").asText()).isEqualTo("boiler");
        assertThat(row.path("active").isBoolean()).isTrue();
        assertThat(row.path("attributes").path("floor").asInt()).isEqualTo(2);

        JsonNode pump = Http.json(service.api().reader("/v1/devices/00000000-0000-0000-0000-000000000002"));
        assertThat(pump.path("attributes").isNull()).isTrue();
    }

    @Test
    void requestTextNeverBecomesSql() {
        String injection = URLEncoder.encode("dev-1' OR '1'='1", StandardCharsets.UTF_8);
        JsonNode body = Http.json(service.api().reader("/v1/device_stats?device_id=" + injection));
        assertThat(body.path("items")).isEmpty();
        assertThat(service.api().reader("/v1/device_stats/" + injection).statusCode()).isEqualTo(404);
    }

    @Test
    void listsTheTablesTheCallerMayRead() {
        JsonNode reader = Http.json(service.api().reader("/v1"));
        assertThat(Http.texts(reader.path("tables"), "name")).containsExactly("device_stats", "merchant_revenue", "devices");
        JsonNode auditor = Http.json(service.api().get("/v1", "X-API-Key", Http.AUDITOR_KEY));
        assertThat(Http.texts(auditor.path("tables"), "name")).contains("audit_log");
    }

    @Test
    void unchangedPageAnswers304ToItsEtag() {
        HttpResponse<String> first = service.api().reader("/v1/device_stats?device_id=dev-1&limit=3");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");

        HttpResponse<String> again = service.api().reader("/v1/device_stats?device_id=dev-1&limit=3", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<String> other = service.api().reader("/v1/device_stats?device_id=dev-2&limit=3", "If-None-Match", etag);
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void changedRowChangesTheEtag() throws Exception {
        String path = "/v1/devices/00000000-0000-0000-0000-000000000002";
        String before = service.api().reader(path).headers().firstValue("ETag").orElseThrow();
        try (var connection = service.postgres().connection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE devices SET name = 'pump 2' WHERE name = 'pump'");
        }
        HttpResponse<String> after = service.api().reader(path, "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(Http.json(after).path("name").asText()).isEqualTo("pump 2");
    }
}
