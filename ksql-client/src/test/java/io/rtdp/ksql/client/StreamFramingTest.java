package io.rtdp.ksql.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reading the framings of SPEC §4.4/§4.5, with the examples the spec gives. */
class StreamFramingTest {
  @Test
  void readsKsqlDbsStreamedRowArray() throws Exception {
    List<QueryEvent> events = read(StreamFraming.STREAMED_ROWS, """
        [{"header":{"queryId":"transient_T_812","schema":"`VAL` STRING, `ADDR` STRUCT<`CITY` STRING, `ZIP` INTEGER>"}},
        {"row":{"columns":["a",{"CITY":"x","ZIP":1}]}},

        {"row":{"columns":[null,null],"tombstone":true}},
        {"finalMessage":"Limit Reached"}]
        """);

    assertThat(events).hasSize(4);
    QueryEvent.Header header = (QueryEvent.Header) events.get(0);
    assertThat(header.queryId()).isEqualTo("transient_T_812");
    assertThat(header.columnNames()).containsExactly("VAL", "ADDR");
    assertThat(header.columnTypes()).containsExactly("STRING", "STRUCT<`CITY` STRING, `ZIP` INTEGER>");
    assertThat(((QueryEvent.Row) events.get(1)).values().get(1).get("ZIP").asInt()).isEqualTo(1);
    assertThat(((QueryEvent.Row) events.get(2)).tombstone()).isTrue();
    assertThat(events.get(3)).isEqualTo(new QueryEvent.Final("Limit Reached"));
  }

  @Test
  void handsOverEachRowBeforeTheSeparatorThatFollowsIt() throws Exception {
    PipedOutputStream server = new PipedOutputStream();
    PipedInputStream body = new PipedInputStream(server);
    BlockingQueue<QueryEvent> events = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try {
        StreamFraming.STREAMED_ROWS.read(body, events::add);
      } catch (IOException e) {
        events.add(new QueryEvent.Broken(e.getMessage()));
      }
    });
    reader.start();

    // A push query between two rows: the second row's ",\n" is only written with the third row.
    server.write("[{\"header\":{\"queryId\":\"q\",\"schema\":\"`ID` INTEGER\"}},\n{\"row\":{\"columns\":[1]}}"
        .getBytes(StandardCharsets.UTF_8));
    server.flush();

    assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(QueryEvent.Header.class);
    assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(QueryEvent.Row.class);
    // Ended without closing the array: the connection broke, which the reader must not take for an end.
    server.close();
    assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(QueryEvent.Broken.class);
  }

  @Test
  void readsAPullQueryAndAnEmptyResult() throws Exception {
    assertThat(read(StreamFraming.STREAMED_ROWS, "[{\"header\":{\"queryId\":\"query_1\",\"schema\":\"`C` BIGINT\"}},\n"
        + "{\"row\":{\"columns\":[1]}}]")).hasSize(2);
    assertThat(read(StreamFraming.STREAMED_ROWS, "[]")).isEmpty();
  }

  @Test
  void readsTheDelimitedFormatAndAnErrorLine() throws Exception {
    List<QueryEvent> events = read(StreamFraming.DELIMITED, """
        {"queryId":"transient_S_1","columnNames":["ID","NAME"],"columnTypes":["BIGINT","STRING"]}
        [1,"alice"]
        {"@type":"generic_error","error_code":50000,"message":"boom"}
        """);

    assertThat(((QueryEvent.Header) events.get(0)).columnNames()).containsExactly("ID", "NAME");
    assertThat(((QueryEvent.Row) events.get(1)).values()).hasSize(2);
    assertThat(((QueryEvent.Failure) events.get(2)).message()).isEqualTo("boom");
  }

  @Test
  void readsTheDelimitedDocumentsWrappedInOneJsonArray() throws Exception {
    List<QueryEvent> events = read(StreamFraming.DELIMITED,
        "[{\"queryId\":\"query_1\",\"columnNames\":[\"ID\",\"TOTAL\"],\"columnTypes\":[\"STRING\",\"INTEGER\"]},\n"
        + "[\"a\",3],\n[\"b\",5]]");

    assertThat(((QueryEvent.Header) events.get(0)).columnTypes()).containsExactly("STRING", "INTEGER");
    assertThat(events.subList(1, 3)).extracting(e -> ((QueryEvent.Row) e).values().get(1).asInt()).containsExactly(3, 5);
    assertThat(events).hasSize(3);
  }

  @Test
  void readsPrintsTextLinesWithoutTheIdleBlankOnes() throws Exception {
    assertThat(read(StreamFraming.TEXT, "Key format: KAFKA_STRING\n\n  \nrowtime: N/A, key: a, value: 1, partition: 0\n"))
        .containsExactly(new QueryEvent.Text("Key format: KAFKA_STRING"),
            new QueryEvent.Text("rowtime: N/A, key: a, value: 1, partition: 0"));
  }

  @Test
  void picksTheFramingFromTheResponsesContentType() {
    assertThat(StreamFraming.of("application/vnd.ksqlapi.delimited.v1", StreamFraming.STREAMED_ROWS))
        .isEqualTo(StreamFraming.DELIMITED);
    assertThat(StreamFraming.of("application/vnd.ksql.v1+json", StreamFraming.STREAMED_ROWS))
        .isEqualTo(StreamFraming.STREAMED_ROWS);
    assertThat(StreamFraming.of("application/json", StreamFraming.TEXT)).isEqualTo(StreamFraming.TEXT);
    assertThat(StreamFraming.of("application/json", StreamFraming.DELIMITED)).isEqualTo(StreamFraming.DELIMITED);
    assertThat(StreamFraming.of(null, StreamFraming.DELIMITED)).isEqualTo(StreamFraming.DELIMITED);
  }

  private static List<QueryEvent> read(StreamFraming framing, String body) throws IOException {
    List<QueryEvent> events = new ArrayList<>();
    framing.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), events::add);
    return events;
  }
}
