package io.rtdp.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.rtdp.testkit.KafkaBrokerExtension;

/**
 * Every compatibility level against the evolutions that tell them apart: each row registers the
 * earlier versions under NONE, sets the level, then registers the last version and expects 200 or 409.
 */
class CompatibilityMatrixTest {
    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final RegistryExtension registry = new RegistryExtension(kafka);

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(registry.url());
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"io.rtdp.test\",\"fields\":[" + fields + "]}";
    }

    private static final String A = "{\"name\":\"a\",\"type\":\"string\"}";
    private static final String A_INT = "{\"name\":\"a\",\"type\":\"int\"}";
    private static final String B_DEFAULT = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}";
    private static final String B = "{\"name\":\"b\",\"type\":\"string\"}";
    private static final String C_INT = "{\"name\":\"c\",\"type\":\"int\"}";
    private static final String C_LONG = "{\"name\":\"c\",\"type\":\"long\"}";

    static Stream<Arguments> matrix() {
        String base = record(A);
        String addWithDefault = record(A + "," + B_DEFAULT);
        String addWithoutDefault = record(A + "," + B);
        String baseWithB = record(A + "," + B);
        String removeB = record(A);
        String unpromotable = record(A_INT);
        String intField = record(A + "," + C_INT);
        String promoted = record(A + "," + C_LONG);
        // [levels that accept, levels that refuse]
        return Stream.of(
                row("add a field with a default", List.of(base), addWithDefault,
                        "NONE,BACKWARD,BACKWARD_TRANSITIVE,FORWARD,FORWARD_TRANSITIVE,FULL,FULL_TRANSITIVE", ""),
                row("add a field without a default", List.of(base), addWithoutDefault,
                        "NONE,FORWARD,FORWARD_TRANSITIVE", "BACKWARD,BACKWARD_TRANSITIVE,FULL,FULL_TRANSITIVE"),
                row("remove a field without a default", List.of(baseWithB), removeB,
                        "NONE,BACKWARD,BACKWARD_TRANSITIVE", "FORWARD,FORWARD_TRANSITIVE,FULL,FULL_TRANSITIVE"),
                row("change a type to an unpromotable one", List.of(base), unpromotable,
                        "NONE", "BACKWARD,BACKWARD_TRANSITIVE,FORWARD,FORWARD_TRANSITIVE,FULL,FULL_TRANSITIVE"),
                row("promote int to long", List.of(intField), promoted,
                        "NONE,BACKWARD,BACKWARD_TRANSITIVE", "FORWARD,FORWARD_TRANSITIVE,FULL,FULL_TRANSITIVE"),
                // v1 {a}, v2 {a, b default}, v3 {a, b}: v3 reads v2 data but not v1 data.
                row("drop a default that the first version needed", List.of(base, addWithDefault), addWithoutDefault,
                        "NONE,BACKWARD,FULL", "BACKWARD_TRANSITIVE,FULL_TRANSITIVE"),
                // v1 {a, b}, v2 {a, b default}, v3 {a}: v2 reads v3 data, v1 does not.
                row("remove a field the first version requires", List.of(baseWithB, addWithDefault), removeB,
                        "NONE,FORWARD", "FORWARD_TRANSITIVE"));
    }

    private static Arguments row(String name, List<String> earlier, String candidate, String accepting, String refusing) {
        return Arguments.of(name, earlier, candidate, split(accepting), split(refusing));
    }

    private static List<String> split(String levels) {
        return levels.isEmpty() ? List.of() : List.of(levels.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachLevelAcceptsOrRefusesTheEvolution(String name, List<String> earlier, String candidate,
                                               List<String> accepting, List<String> refusing) {
        for (String level : accepting) {
            assertThat(registerAfter(earlier, level, candidate)).as("%s under %s", name, level).isEqualTo(200);
        }
        for (String level : refusing) {
            assertThat(registerAfter(earlier, level, candidate)).as("%s under %s", name, level).isEqualTo(409);
        }
    }

    @Test
    void theGlobalLevelAppliesToSubjectsWithoutTheirOwn() {
        String subject = "global-" + SUBJECTS.incrementAndGet();
        http.register(subject, record(A));
        assertThat(http.put("/config", "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);
        try {
            assertThat(http.post("/subjects/" + subject + "/versions", Http.schemaBody(record(A_INT))).status()).isEqualTo(200);
        } finally {
            assertThat(http.put("/config", "{\"compatibility\":\"BACKWARD\"}").status()).isEqualTo(200);
        }
        assertThat(http.post("/subjects/" + subject + "/versions", Http.schemaBody(record(A + "," + B))).status()).isEqualTo(409);
    }

    private static int registerAfter(List<String> earlier, String level, String candidate) {
        String subject = "matrix-" + SUBJECTS.incrementAndGet();
        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);
        earlier.forEach(schema -> http.register(subject, schema));
        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}").status()).isEqualTo(200);
        return http.post("/subjects/" + subject + "/versions", Http.schemaBody(candidate)).status();
    }
}
