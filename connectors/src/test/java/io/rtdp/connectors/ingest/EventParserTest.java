package io.rtdp.connectors.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventParserTest {
    private final EventParser parser = new EventParser(List.of("device", "id"));

    @Test
    void readsOneObjectAnArrayOrOneObjectPerLine() throws Exception {
        assertThat(parse("{\"device\":{\"id\":\"a\"},\"t\":1.5}")).extracting(EventParser.Event::key).containsExactly("a");
        assertThat(parse("[{\"device\":{\"id\":\"a\"}}, {\"device\":{\"id\":7}}]")).extracting(EventParser.Event::key).containsExactly("a", "7");
        assertThat(parse("{\"device\":{\"id\":\"a\"}}\n\n{\"device\":{\"id\":\"b\"}}\r\n")).extracting(EventParser.Event::key).containsExactly("a", "b");
    }

    @Test
    void valuesBecomeConnectSchemalessData() throws Exception {
        Map<String, Object> value = parse("{\"device\":{\"id\":\"a\"},\"n\":3,\"big\":1e300,\"f\":0.25,\"ok\":true,\"none\":null,\"list\":[1,\"x\"]}")
                .get(0).value();
        assertThat(value).containsEntry("n", 3L).containsEntry("big", 1e300).containsEntry("f", 0.25).containsEntry("ok", true)
                .containsEntry("none", null).containsEntry("list", List.of(1L, "x")).containsEntry("device", Map.of("id", "a"));
    }

    @Test
    void aBadEventRejectsTheWholeBodyNamingLineEventAndField() {
        assertThatThrownBy(() -> parse("{\"device\":{\"id\":\"a\"}}\n{\"device\":{\"id\":\"b\"}\n"))
                .isInstanceOfSatisfying(MalformedRequestException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.event()).isEqualTo(2);
                }).hasMessageContaining("malformed JSON at line 3");
        assertThatThrownBy(() -> parse("{\"device\":{\"id\":\"a\"}}\n{\"device\":{}}"))
                .isInstanceOfSatisfying(MalformedRequestException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("event 2 at line 2 has no key field 'device.id'");
        assertThatThrownBy(() -> parse("{\"device\":{\"id\":[1]}}"))
                .hasMessageContaining("must be a string, number or boolean, not an array");
        assertThatThrownBy(() -> parse("[{\"device\":{\"id\":\"a\"}}, \"x\"]"))
                .hasMessageContaining("event 2 at line 1 is not a JSON object");
        assertThatThrownBy(() -> parse("[{\"device\":{\"id\":\"a\"}}")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse("[] {}")).hasMessageContaining("content after the closing ]");
        assertThatThrownBy(() -> parse("  ")).hasMessageContaining("empty body");
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("no events");
    }

    @Test
    void withoutAKeyFieldEventsHaveNoKey() throws Exception {
        assertThat(new EventParser(List.of()).parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .extracting(EventParser.Event::key).containsOnlyNulls();
    }

    private List<EventParser.Event> parse(String body) throws MalformedRequestException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
