package io.rtdp.platform.component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One server of the platform, run as a process of its own. To add a server to {@code ./rtdp up},
 * write one implementation and list it in {@link Components#all}.
 */
public interface Component {
    String name();

    /** The ports it will bind, checked before anything starts. */
    List<PortClaim> ports();

    /** Creates its directories and configuration files (and formats storage) before each start. */
    default void prepare() throws IOException {
    }

    /** The command line of its server process. */
    List<String> command();

    /** Environment variables its process gets on top of the launcher's (servers configured through them). */
    default Map<String, String> environment() {
        return Map.of();
    }

    Duration startTimeout();

    /** Whether it serves requests now; answers within a few seconds, never hangs. */
    boolean ready();

    /** Where users reach it, in a form their tools accept as it is. */
    String url();

    /** Work that needs the server up (databases, schema); runs on every start and must be idempotent. */
    default void afterReady() {
    }

    /** The signal that stops it cleanly. */
    default String stopSignal() {
        return "TERM";
    }

    /**
     * @param movable true when the component may take the next free port instead (said clearly)
     */
    record PortClaim(String settingKey, String host, int port, boolean movable) {
    }
}
