package io.rtdp.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.rtdp.testkit.KafkaBrokerExtension;

/** The Confluent Schema Registry REST API, endpoint by endpoint, answers and error codes, over HTTP. */
class RestApiTest {
    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final RegistryExtension registry = new RegistryExtension(kafka);

    static final String USER_V1 = """
            {"type":"record","name":"User","namespace":"io.rtdp.test","fields":[{"name":"name","type":"string"}]}""";
    /** The same schema as USER_V1, written with other whitespace and another order of JSON members. */
    static final String USER_V1_REFORMATTED = """
            {
              "namespace": "io.rtdp.test", "name": "User",
              "fields": [ { "type": "string", "name": "name" } ],
              "type": "record"
            }""";
    static final String USER_V2 = """
            {"type":"record","name":"User","namespace":"io.rtdp.test","fields":[{"name":"name","type":"string"},
             {"name":"age","type":["null","int"],"default":null}]}""";

    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(registry.url());
    }

    @Test
    void registersFetchesAndListsVersions() throws Exception {
        int id1 = http.register("users-value", USER_V1);
        int id2 = http.register("users-value", USER_V2);
        assertThat(id2).isGreaterThan(id1);

        Http.Response versions = http.get("/subjects/users-value/versions");
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(versions.body()).isEqualTo("[1,2]");

        JsonNode v1 = http.get("/subjects/users-value/versions/1").json();
        assertThat(v1.get("subject").asText()).isEqualTo("users-value");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("id").asInt()).isEqualTo(id1);
        assertThat(v1.has("schemaType")).as("schemaType only when not AVRO").isFalse();
        assertThat(Http.JSON.readTree(v1.get("schema").asText())).isEqualTo(Http.JSON.readTree(USER_V1));

        JsonNode latest = http.get("/subjects/users-value/versions/latest").json();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        assertThat(http.get("/subjects/users-value/versions/-1").json().get("version").asInt()).isEqualTo(2);

        Http.Response raw = http.get("/subjects/users-value/versions/2/schema");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().get("name").asText()).isEqualTo("User");
        assertThat(raw.json().get("fields")).hasSize(2);

        assertThat(http.get("/subjects").json()).anySatisfy(s -> assertThat(s.asText()).isEqualTo("users-value"));
    }

    @Test
    void theSameSchemaAgainGivesTheSameIdAndNoNewVersion() {
        int first = http.register("same-value", USER_V1);
        int again = http.register("same-value", USER_V1_REFORMATTED);
        assertThat(again).isEqualTo(first);
        assertThat(http.get("/subjects/same-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void idsAreGlobalAcrossSubjects() {
        String schema = """
                {"type":"record","name":"Shared","namespace":"io.rtdp.test","fields":[{"name":"x","type":"long"}]}""";
        int a = http.register("shared-a-value", schema);
        int b = http.register("shared-b-value", schema);
        assertThat(b).isEqualTo(a);

        assertThat(http.get("/schemas/ids/" + a).json().get("schema").asText()).contains("Shared");
        assertThat(http.get("/schemas/ids/" + a + "?subject=no-such-subject").status()).as("subject is only a hint").isEqualTo(200);
        assertThat(http.get("/schemas/ids/" + a + "/schema").json().get("name").asText()).isEqualTo("Shared");
        assertThat(http.get("/schemas/ids/" + a + "?fetchMaxId=true").json().get("maxId").asInt()).isGreaterThanOrEqualTo(a);
        assertThat(http.get("/schemas/ids/" + a + "/subjects").body()).isEqualTo("[\"shared-a-value\",\"shared-b-value\"]");
        assertThat(http.get("/schemas/ids/" + a + "/versions").body())
                .isEqualTo("[{\"subject\":\"shared-a-value\",\"version\":1},{\"subject\":\"shared-b-value\",\"version\":1}]");
    }

    @Test
    void lookUpFindsTheVersionOfASchemaUnderASubject() {
        int id = http.register("lookup-value", USER_V1);
        Http.Response found = http.post("/subjects/lookup-value", Http.schemaBody(USER_V1_REFORMATTED));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("subject").asText()).isEqualTo("lookup-value");
        assertThat(found.json().get("id").asInt()).isEqualTo(id);
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        assertThat(found.json().get("schema").asText()).contains("User");

        Http.Response otherSchema = http.post("/subjects/lookup-value", Http.schemaBody(USER_V2));
        assertThat(otherSchema.status()).isEqualTo(404);
        assertThat(otherSchema.errorCode()).isEqualTo(40403);
        Http.Response noSubject = http.post("/subjects/lookup-nobody", Http.schemaBody(USER_V1));
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
    }

    @Test
    void unknownThingsAnswerConfluentErrorCodesInJson() {
        http.register("errors-value", USER_V1);
        expectError(http.get("/subjects/nobody/versions"), 404, 40401);
        expectError(http.get("/subjects/nobody/versions/1"), 404, 40401);
        expectError(http.get("/subjects/errors-value/versions/7"), 404, 40402);
        expectError(http.get("/subjects/errors-value/versions/0"), 422, 42202);
        expectError(http.get("/subjects/errors-value/versions/one"), 422, 42202);
        expectError(http.get("/schemas/ids/987654"), 404, 40403);
        expectError(http.get("/schemas/ids/987654/schema"), 404, 40403);
        expectError(http.get("/no/such/path"), 404, 404);
        assertThat(http.get("/no/such/path").json().get("message").asText()).isEqualTo("HTTP 404 Not Found");
        expectError(http.get("/associations/subjects/x"), 404, 404);
    }

    @Test
    void invalidSchemasAreRefusedWith42201() {
        Http.Response notJson = http.post("/subjects/invalid-value/versions", Http.schemaBody("{not json"));
        expectError(notJson, 422, 42201);
        Http.Response badType = http.post("/subjects/invalid-value/versions", Http.schemaBody("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"strung"}]}"""));
        expectError(badType, 422, 42201);
        assertThat(badType.json().get("message").asText()).contains("strung");
        Http.Response badDefault = http.post("/subjects/invalid-value/versions", Http.schemaBody("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"int","default":"x"}]}"""));
        expectError(badDefault, 422, 42201);
        Http.Response protobuf = http.post("/subjects/invalid-value/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        expectError(protobuf, 422, 42201);
        assertThat(http.get("/subjects/invalid-value/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void incompatibleEvolutionIsRefusedWith409AndTheReason() {
        http.register("evolve-value", USER_V1);
        String addedRequiredField = """
                {"type":"record","name":"User","namespace":"io.rtdp.test","fields":[{"name":"name","type":"string"},
                 {"name":"email","type":"string"}]}""";
        Http.Response refused = http.post("/subjects/evolve-value/versions", Http.schemaBody(addedRequiredField));
        expectError(refused, 409, 409);
        assertThat(refused.json().get("message").asText()).contains("email").contains("evolve-value");
        assertThat(http.get("/subjects/evolve-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void softAndPermanentDeletesOfVersions() {
        http.register("delv-value", USER_V1);
        int id2 = http.register("delv-value", USER_V2);

        expectError(http.delete("/subjects/delv-value/versions/2?permanent=true"), 404, 40407);
        Http.Response soft = http.delete("/subjects/delv-value/versions/2");
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.body()).isEqualTo("2");
        expectError(http.delete("/subjects/delv-value/versions/2"), 404, 40406);
        assertThat(http.get("/subjects/delv-value/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/delv-value/versions?deleted=true").body()).isEqualTo("[1,2]");
        expectError(http.get("/subjects/delv-value/versions/2"), 404, 40402);
        assertThat(http.get("/subjects/delv-value/versions/2?deleted=true").json().get("id").asInt()).isEqualTo(id2);
        assertThat(http.get("/schemas/ids/" + id2).status()).as("a soft-deleted schema still resolves by id").isEqualTo(200);

        assertThat(http.delete("/subjects/delv-value/versions/2?permanent=true").body()).isEqualTo("2");
        assertThat(http.get("/subjects/delv-value/versions?deleted=true").body()).isEqualTo("[1]");
        expectError(http.get("/schemas/ids/" + id2), 404, 40403);
        expectError(http.delete("/subjects/delv-value/versions/9"), 404, 40402);
        expectError(http.delete("/subjects/nobody/versions/1"), 404, 40401);
    }

    @Test
    void softAndPermanentDeletesOfSubjects() {
        http.register("dels-value", USER_V1);
        http.register("dels-value", USER_V2);

        expectError(http.delete("/subjects/dels-value?permanent=true"), 404, 40405);
        Http.Response soft = http.delete("/subjects/dels-value");
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.body()).isEqualTo("[1,2]");
        expectError(http.delete("/subjects/dels-value"), 404, 40404);
        assertThat(http.get("/subjects").json()).noneSatisfy(s -> assertThat(s.asText()).isEqualTo("dels-value"));
        assertThat(http.get("/subjects?deleted=true").json()).anySatisfy(s -> assertThat(s.asText()).isEqualTo("dels-value"));
        expectError(http.get("/subjects/dels-value/versions"), 404, 40401);

        http.put("/config/dels-value", "{\"compatibility\":\"NONE\"}");
        assertThat(http.delete("/subjects/dels-value?permanent=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").json()).noneSatisfy(s -> assertThat(s.asText()).isEqualTo("dels-value"));
        expectError(http.get("/config/dels-value"), 404, 40408);
        expectError(http.delete("/subjects/dels-value"), 404, 40401);
    }

    @Test
    void idsAreNeverReusedAfterAPermanentDelete() {
        String gone = """
                {"type":"record","name":"Gone","namespace":"io.rtdp.test","fields":[{"name":"g","type":"int"}]}""";
        int id = http.register("reuse-value", gone);
        http.delete("/subjects/reuse-value");
        http.delete("/subjects/reuse-value?permanent=true");
        int next = http.register("reuse-other-value", """
                {"type":"record","name":"Next","namespace":"io.rtdp.test","fields":[{"name":"n","type":"int"}]}""");
        assertThat(next).isGreaterThan(id);
    }

    @Test
    void globalAndSubjectCompatibilityConfig() {
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        Http.Response set = http.put("/config/cfg-value", "{\"compatibility\":\"FULL\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(http.get("/config/cfg-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

        expectError(http.get("/config/cfg-other-value"), 404, 40408);
        assertThat(http.get("/config/cfg-other-value?defaultToGlobal=true").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        expectError(http.put("/config/cfg-value", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);

        assertThat(http.delete("/config/cfg-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        expectError(http.get("/config/cfg-value"), 404, 40408);
    }

    @Test
    void subjectNamesAreUrlDecoded() {
        int id = http.register("with%20space%3Aand%2Fslash-value", USER_V1);
        assertThat(http.get("/subjects").json()).anySatisfy(s -> assertThat(s.asText()).isEqualTo("with space:and/slash-value"));
        assertThat(http.get("/subjects/with%20space%3Aand%2Fslash-value/versions/1").json().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void typesModeAndRoot() {
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
        assertThat(http.get("/mode").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(http.get("/mode/anything").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(http.get("/").status()).isEqualTo(200);
    }

    @Test
    void acceptsEveryContentTypeClientsSend() {
        Http.Response noContentType = http.send("GET", "/subjects", null, null);
        assertThat(noContentType.status()).isEqualTo(200);
        assertThat(noContentType.json().isArray()).isTrue();
        for (String type : new String[] {"application/json", "application/vnd.schemaregistry+json", "application/octet-stream"}) {
            Http.Response r = http.send("POST", "/subjects/ctype-value/versions", Http.schemaBody(USER_V1), type);
            assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void resolvesSchemaReferences() {
        String address = """
                {"type":"record","name":"Address","namespace":"io.rtdp.test","fields":[{"name":"city","type":"string"}]}""";
        http.register("address-value", address);
        String customer = """
                {"type":"record","name":"Customer","namespace":"io.rtdp.test","fields":[{"name":"home","type":"io.rtdp.test.Address"}]}""";
        String body = "{\"schema\":" + Http.JSON.valueToTree(customer) + ",\"references\":"
                + "[{\"name\":\"io.rtdp.test.Address\",\"subject\":\"address-value\",\"version\":1}]}";
        Http.Response registered = http.post("/subjects/customer-value/versions", body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        JsonNode fetched = http.get("/subjects/customer-value/versions/1").json();
        assertThat(fetched.get("references").get(0).get("subject").asText()).isEqualTo("address-value");
        assertThat(fetched.get("schema").asText()).doesNotContain("city");

        String dangling = "{\"schema\":" + Http.JSON.valueToTree(customer) + ",\"references\":"
                + "[{\"name\":\"io.rtdp.test.Address\",\"subject\":\"nowhere\",\"version\":1}]}";
        expectError(http.post("/subjects/customer2-value/versions", dangling), 422, 42201);
    }

    @Test
    void compatibilityEndpointAnswersIsCompatible() {
        http.register("check-value", USER_V1);
        Http.Response ok = http.post("/compatibility/subjects/check-value/versions/latest", Http.schemaBody(USER_V2));
        assertThat(ok.body()).isEqualTo("{\"is_compatible\":true}");
        String renamedType = USER_V1.replace("\"string\"", "\"int\"");
        Http.Response bad = http.post("/compatibility/subjects/check-value/versions/1?verbose=true", Http.schemaBody(renamedType));
        assertThat(bad.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(bad.json().get("messages")).isNotEmpty();
        expectError(http.post("/compatibility/subjects/nobody/versions/latest", Http.schemaBody(USER_V2)), 404, 40401);
        expectError(http.post("/compatibility/subjects/check-value/versions/5", Http.schemaBody(USER_V2)), 404, 40402);
        expectError(http.post("/compatibility/subjects/check-value/versions/latest", Http.schemaBody("{oops")), 422, 42201);
    }

    private static void expectError(Http.Response r, int status, int code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(r.json().get("error_code").asInt()).as(r.body()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }
}
