package io.rtdp.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rtdp.schemaregistry.config.RegistryConfig;
import io.rtdp.testkit.KafkaBrokerExtension;

/** The schemas topic is the truth: a restarted instance serves the same ids, two instances agree. */
class DurabilityAndClusterTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static String schema(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.rtdp.test\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
    }

    private static SchemaRegistryServer start(String topic) {
        return Registries.start(kafka.bootstrapServers(), Map.of(RegistryConfig.TOPIC, topic, RegistryConfig.GROUP_ID, "group-" + topic));
    }

    @Test
    void aRestartedRegistryServesTheSameIdsVersionsAndConfig() {
        int orders;
        int payments;
        int payments2;
        try (SchemaRegistryServer first = start("_schemas_restart")) {
            Http http = new Http(first.url());
            orders = http.register("orders-value", schema("Order"));
            payments = http.register("payments-value", schema("Payment"));
            http.put("/config/payments-value", "{\"compatibility\":\"NONE\"}");
            payments2 = http.register("payments-value", schema("PaymentV2"));
            http.delete("/subjects/orders-value");
        }
        try (SchemaRegistryServer second = start("_schemas_restart")) {
            Http http = new Http(second.url());
            assertThat(http.get("/schemas/ids/" + orders).json().get("schema").asText()).contains("Order");
            assertThat(http.get("/schemas/ids/" + payments2).json().get("schema").asText()).contains("PaymentV2");
            assertThat(http.get("/subjects/payments-value/versions/1").json().get("id").asInt()).isEqualTo(payments);
            assertThat(http.get("/subjects/payments-value/versions").body()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects").body()).isEqualTo("[\"payments-value\"]");
            assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[\"orders-value\",\"payments-value\"]");
            assertThat(http.get("/config/payments-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(http.register("payments-value", schema("PaymentV2"))).as("same schema, same id").isEqualTo(payments2);
            assertThat(http.register("refunds-value", schema("Refund"))).isGreaterThan(payments2);
        }
    }

    @Test
    void twoInstancesElectOneWriterAndAgree() throws Exception {
        try (SchemaRegistryServer a = start("_schemas_pair"); SchemaRegistryServer b = start("_schemas_pair")) {
            assertThat(a.isLeader() ^ b.isLeader()).as("exactly one leader").isTrue();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(a::isLeader); // joining does not take it away
            SchemaRegistryServer follower = a.isLeader() ? b : a;
            SchemaRegistryServer leader = a.isLeader() ? a : b;
            assertThat(follower.leaderUrl()).contains(leader.url());
            Http viaFollower = new Http(follower.url());
            Http viaLeader = new Http(leader.url());

            int id = viaFollower.register("pair-value", schema("Forwarded"));
            assertThat(viaFollower.get("/subjects/pair-value/versions/latest").json().get("id").asInt())
                    .as("the follower reads its own forwarded write").isEqualTo(id);
            assertThat(viaLeader.get("/schemas/ids/" + id).status()).isEqualTo(200);

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> ids = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    Http target = i % 2 == 0 ? viaFollower : viaLeader;
                    String name = "Concurrent" + i;
                    ids.add(pool.submit((Callable<Integer>) () -> target.register("concurrent-" + name + "-value", schema(name))));
                }
                Set<Integer> distinct = new HashSet<>();
                for (Future<Integer> f : ids) {
                    distinct.add(f.get());
                }
                assertThat(distinct).as("every new schema got its own id").hasSize(12);
            } finally {
                pool.shutdownNow();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(viaFollower.get("/subjects").body()).isEqualTo(viaLeader.get("/subjects").body()));
            for (String subject : Http.JSON.readValue(viaLeader.get("/subjects").body(), String[].class)) {
                assertThat(viaFollower.get("/subjects/" + subject + "/versions/latest").body())
                        .isEqualTo(viaLeader.get("/subjects/" + subject + "/versions/latest").body());
            }
        }
    }

    @Test
    void whenTheLeaderStopsTheOtherInstanceTakesOverWrites() {
        SchemaRegistryServer a = start("_schemas_failover");
        try (SchemaRegistryServer b = start("_schemas_failover")) {
            SchemaRegistryServer leader = a.isLeader() ? a : b;
            SchemaRegistryServer survivor = a.isLeader() ? b : a;
            int before = new Http(survivor.url()).register("failover-value", schema("Before"));
            leader.close();
            await().atMost(Duration.ofSeconds(30)).until(survivor::isLeader);
            int after = new Http(survivor.url()).register("failover-after-value", schema("After"));
            assertThat(after).isGreaterThan(before);
            assertThat(survivor.leaderUrl()).contains(survivor.url());
        } finally {
            a.close();
        }
    }
}
