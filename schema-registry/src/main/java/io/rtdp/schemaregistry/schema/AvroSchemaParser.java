package io.rtdp.schemaregistry.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/** Parses Avro schemas, first parsing the schemas their references point at. */
public final class AvroSchemaParser {
    /** What a reference points at: the text and the references of a registered version. */
    public record Referenced(String schema, List<SchemaReference> references) {
    }

    /** Finds the registered version a reference names. */
    public interface ReferenceResolver {
        Optional<Referenced> resolve(SchemaReference reference);
    }

    private final ReferenceResolver resolver;

    public AvroSchemaParser(ReferenceResolver resolver) {
        this.resolver = resolver;
    }

    public ParsedSchema parse(String text, List<SchemaReference> references) throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Invalid schema: the \"schema\" field is empty or missing");
        }
        Schema.Parser parser = new Schema.Parser();
        List<Schema> referenced = new ArrayList<>();
        for (SchemaReference ref : references) {
            referenced.add(parseReference(parser, ref, 0));
        }
        try {
            Schema schema = parser.parse(text);
            @SuppressWarnings("deprecation") // the one rendering that keeps referenced types as names
            String canonical = references.isEmpty() ? schema.toString() : schema.toString(referenced, false);
            return new ParsedSchema(schema, canonical, List.copyOf(references));
        } catch (AvroRuntimeException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidSchemaException("Invalid schema " + abbreviate(text) + ": " + e.getMessage());
        }
    }

    private Schema parseReference(Schema.Parser parser, SchemaReference ref, int depth) throws InvalidSchemaException {
        if (depth > 32) {
            throw new InvalidSchemaException("Invalid schema: references nest deeper than 32 levels (a cycle?) at " + ref);
        }
        Referenced target = resolver.resolve(ref).orElseThrow(() -> new InvalidSchemaException(
                "Invalid schema: reference " + ref.name() + " points at subject " + ref.subject() + " version "
                        + ref.version() + ", which is not registered; register it first"));
        for (SchemaReference inner : target.references()) {
            if (!parser.getTypes().containsKey(inner.name())) {
                parseReference(parser, inner, depth + 1);
            }
        }
        try {
            return parser.parse(target.schema());
        } catch (AvroRuntimeException e) {
            throw new InvalidSchemaException("Invalid schema: referenced subject " + ref.subject() + " version "
                    + ref.version() + " does not parse together with the others: " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
