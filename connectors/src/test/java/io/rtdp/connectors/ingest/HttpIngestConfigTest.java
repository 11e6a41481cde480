package io.rtdp.connectors.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HttpIngestConfigTest {
    @Test
    void routesMapPathsToTopicsAndBadEntriesSayWhatIsExpected() {
        Routes routes = Routes.parse(List.of("/readings=iot.readings", " /v1/orders = orders "));
        assertThat(routes.topicOf("/readings")).isEqualTo("iot.readings");
        assertThat(routes.topicOf("/v1/orders")).isEqualTo("orders");
        assertThat(routes.topicOf("/other")).isNull();

        assertThatThrownBy(() -> Routes.parse(List.of("/readings"))).hasMessageContaining("is not path=topic");
        assertThatThrownBy(() -> Routes.parse(List.of("readings=x"))).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> Routes.parse(List.of("/health=x"))).hasMessageContaining("/health is taken");
        assertThatThrownBy(() -> Routes.parse(List.of("/a=bad topic"))).hasMessageContaining("not a legal Kafka topic name");
        assertThatThrownBy(() -> Routes.parse(List.of("/a=x", "/a=y"))).hasMessageContaining("appears twice");
    }

    @Test
    void validationChecksThatEveryTaskHasAPort() {
        HttpIngestSourceConnector connector = new HttpIngestSourceConnector();
        Map<String, List<String>> errors = errors(connector, Map.of("http.port", "65535", "tasks.max", "2", "http.routes", "/a=b"));
        assertThat(errors.get("http.port")).singleElement().asString().contains("the last port would be 65536");
        assertThat(errors(connector, Map.of("http.port", "8090", "tasks.max", "2", "http.routes", "/a=b")).values())
                .allMatch(List::isEmpty);
        assertThat(errors(connector, Map.of("http.routes", "/a=b")).get("http.port"))
                .anySatisfy(message -> assertThat(message).contains("Missing required configuration"));
    }

    @Test
    void eachTaskListensOnItsOwnPortAndTheKeyFieldMayBeNested() {
        HttpIngestSourceConnector connector = new HttpIngestSourceConnector();
        connector.start(Map.of("http.port", "8090", "http.routes", "/a=b", "key.field", "device.id", "api.keys", "x, y"));
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).extracting(t -> new HttpIngestConfig(t).taskPort()).containsExactly(8090, 8091, 8092);
        HttpIngestConfig config = new HttpIngestConfig(new HashMap<>(tasks.get(0)));
        assertThat(config.keyPath()).containsExactly("device", "id");
        assertThat(config.apiKeys().accepts("y")).isTrue();
        assertThat(config.apiKeys().accepts("z")).isFalse();
        assertThat(connector.exactlyOnceSupport(Map.of())).hasToString("UNSUPPORTED");
    }

    private static Map<String, List<String>> errors(HttpIngestSourceConnector connector, Map<String, String> config) {
        Map<String, List<String>> errors = new HashMap<>();
        connector.validate(config).configValues().forEach(v -> errors.put(v.name(), v.errorMessages()));
        return errors;
    }
}
