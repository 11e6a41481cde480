package io.rtdp.query.live;

/**
 * The type of a live source's key column, and how a key from a request becomes a KSQL literal:
 * strings are quoted with each quote doubled (SPEC §1.1), numbers must parse as one and are
 * written back in canonical form. Nothing else from the request reaches the statement.
 */
public enum KeyType {
    STRING {
        @Override
        String literal(String text) {
            return "'" + text.replace("'", "''") + "'";
        }
    },
    INTEGER {
        @Override
        String literal(String text) {
            try {
                return Integer.toString(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            }
        }
    },
    BIGINT {
        @Override
        String literal(String text) {
            try {
                return Long.toString(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
            }
        }
    };

    /** The KSQL literal of the key; IllegalArgumentException (saying what is expected) when it is not of this type. */
    abstract String literal(String text);
}
