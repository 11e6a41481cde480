package io.rtdp.avro.serde;

import org.apache.avro.Schema;

/** {@code <record full name>}: one schema line per record type, whatever topics it travels on. */
public final class RecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}
