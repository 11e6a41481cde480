package io.rtdp.connectors.generator;

/** Readable, fixed-width identifiers ("device-000042"), which sort the way their numbers do. */
final class Ids {
    private Ids() {
    }

    static String of(String prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        sb.append(prefix);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
