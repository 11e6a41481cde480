package io.rtdp.platform.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The one table users read: each component, where to reach it, and whether it is up. */
final class StatusTable {
    record Row(String component, String url, String status) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String component, String url, String status) {
        rows.add(new Row(component, url, status));
    }

    void print(PrintStream out) {
        int c = "COMPONENT".length();
        int u = "URL".length();
        for (Row r : rows) {
            c = Math.max(c, r.component().length());
            u = Math.max(u, r.url().length());
        }
        String format = "%-" + c + "s  %-" + u + "s  %s%n";
        out.printf(format, "COMPONENT", "URL", "STATUS");
        for (Row r : rows) {
            out.printf(format, r.component(), r.url(), r.status());
        }
    }
}
