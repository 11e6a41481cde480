package io.rtdp.avro.serde;

import org.apache.avro.Schema;

/** Names the registry subject a record's schema is registered and looked up under. */
public interface SubjectNameStrategy {
    String subjectName(String topic, boolean isKey, Schema schema);
}
