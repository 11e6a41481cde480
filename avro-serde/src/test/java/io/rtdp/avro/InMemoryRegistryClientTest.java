package io.rtdp.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.rtdp.avro.client.InMemoryRegistryClient;
import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.avro.client.SchemaText;

class InMemoryRegistryClientTest {
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    private final InMemoryRegistryClient registry = new InMemoryRegistryClient();

    @Test
    void idsAreGlobalAndOnePerDistinctSchema() {
        int a = registry.register("a-value", INT);
        assertThat(registry.register("a-value", INT)).isEqualTo(a);
        assertThat(registry.register("b-value", INT)).as("same schema, other subject").isEqualTo(a);
        int s = registry.register("a-value", STRING);

        assertThat(s).isNotEqualTo(a);
        assertThat(registry.latest("a-value")).satisfies(l -> {
            assertThat(l.id()).isEqualTo(s);
            assertThat(l.version()).isEqualTo(2);
            assertThat(l.schema()).isEqualTo(STRING);
        });
        assertThat(registry.idOf("a-value", INT)).isEqualTo(a);
        assertThat(registry.schemaById(a)).isEqualTo(INT);
    }

    @Test
    void fixedIdsAreKeptAndNeverHandedOutAgain() {
        registry.register("t-value", INT, 100);

        assertThat(registry.schemaById(100)).isEqualTo(INT);
        assertThat(registry.register("u-value", STRING)).isGreaterThan(100);
        assertThatThrownBy(() -> registry.register("v-value", STRING, 100))
                .isInstanceOf(RegistryClientException.class).hasMessageContaining("already taken");
    }

    @Test
    void schemasOfOtherTypesAreKeptAsTextWithTheirType() {
        int id = registry.register("j-value", "JSON", "{\"type\":\"string\"}");
        int avro = registry.register("a-value", STRING);

        assertThat(registry.latestText("j-value")).isEqualTo(new SchemaText(id, 1, "JSON", "{\"type\":\"string\"}"));
        assertThat(registry.textById(avro).schemaType()).isEqualTo("AVRO");
        assertThatThrownBy(() -> registry.schemaById(id)).isInstanceOf(RegistryClientException.class)
                .hasMessageContaining("is a JSON schema, not an Avro one");
    }

    @Test
    void unknownSubjectsAndIdsFailWithConfluentsCodes() {
        assertThatThrownBy(() -> registry.latest("nope-value")).isInstanceOfSatisfying(RegistryClientException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.schemaById(5)).isInstanceOfSatisfying(RegistryClientException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
        registry.register("a-value", INT);
        assertThatThrownBy(() -> registry.idOf("a-value", STRING)).isInstanceOfSatisfying(RegistryClientException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
    }
}
