package io.rtdp.ksql.engine.serde;

import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.ksql.engine.KsqlException;

/** The subjects of the schema-registry formats (topic-name strategy) and the registration of their schemas. */
final class RegistrySubjects {
  private RegistrySubjects() {}

  static String of(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  /**
   * Checks that a schema id given in the WITH clause exists, else registers {@code schema} under the
   * topic's subject (left alone when it exists and {@code onlyIfSubjectMissing}); a registry that
   * refuses fails the statement.
   */
  static void ensureRegistered(RegistryOptions r, String topic, boolean isKey, String schemaType, String schema,
      boolean onlyIfSubjectMissing) {
    String subject = of(topic, isKey);
    try {
      if (r.schemaId() != null) {
        r.client().textById(r.schemaId());
      } else if (!onlyIfSubjectMissing || !exists(r.client(), subject)) {
        r.client().register(subject, schemaType, schema);
      }
    } catch (RegistryClientException e) {
      String what = r.schemaId() != null ? "Could not find schema id " + r.schemaId() + " for topic '" + topic + "'"
          : "Could not register schema for topic '" + topic + "' (subject " + subject + ")";
      throw new KsqlException(what + " in the schema registry at " + r.client().urls() + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(RegistryClient registry, String subject) {
    try {
      registry.latestText(subject);
      return true;
    } catch (RegistryClientException e) {
      if (e.errorCode() == 40401) {
        return false;
      }
      throw e;
    }
  }
}
