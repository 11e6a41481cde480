package io.rtdp.schemaregistry.schema;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Avro's own reader/writer compatibility rules applied the way a compatibility level asks. */
public final class CompatibilityChecker {
    /** One earlier version to check against. */
    public record Earlier(int version, Schema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * The incompatibilities of {@code candidate} with {@code earlier} (newest first) under {@code level};
     * empty when compatible. A non-transitive level looks at the newest only.
     */
    public static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
        List<String> problems = new ArrayList<>();
        List<Earlier> against = level.transitive || earlier.isEmpty() ? earlier : earlier.subList(0, 1);
        for (Earlier old : against) {
            if (level.newReadsOld) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
                        "the new schema cannot read data written with version " + old.version(), problems);
            }
            if (level.oldReadsNew) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
                        "version " + old.version() + " cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaPairCompatibility pair, String direction, List<String> out) {
        for (Incompatibility i : pair.getResult().getIncompatibilities()) {
            out.add("{errorType:'" + i.getType() + "', description:'" + direction + ": " + i.getMessage()
                    + "', additionalInfo:'at " + i.getLocation() + "'}");
        }
    }
}
