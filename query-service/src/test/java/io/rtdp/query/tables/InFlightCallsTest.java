package io.rtdp.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sweep stops calls past their deadline, and only those, and never one that has finished. */
class InFlightCallsTest {
    private static final long NOW = 1_000_000_000L;

    private final InFlightCalls calls = new InFlightCalls();
    private final List<String> aborted = new ArrayList<>();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aCallPastItsDeadlineHasItsConnectionAbortedAndItsThreadInterrupted() {
        DatabaseCall call = calls.enter(NOW - 1);
        call.uses(connection("borrowed"));

        calls.stopOverdue(NOW);

        assertThat(aborted).containsExactly("borrowed");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        calls.leave(call);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt cleared when the call ends").isFalse();
    }

    @Test
    void aCallStillWaitingForAConnectionIsInterrupted() {
        DatabaseCall call = calls.enter(NOW);

        calls.stopOverdue(NOW);

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        calls.leave(call);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void theConnectionAbortedIsTheOneTheCallNowUses() {
        DatabaseCall call = calls.enter(NOW);
        call.uses(connection("validated, then aborted"));
        calls.stopOverdue(NOW);
        call.uses(connection("reconnected"));

        calls.stopOverdue(NOW + 50);

        assertThat(aborted).containsExactly("validated, then aborted", "reconnected");
        calls.leave(call);
    }

    @Test
    void aCallWithinItsDeadlineIsLeftAlone() {
        DatabaseCall call = calls.enter(NOW + 1);
        call.uses(connection("in use"));

        calls.stopOverdue(NOW);

        assertThat(aborted).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        calls.leave(call);
    }

    @Test
    void aFinishedCallIsNeverStopped() throws Exception {
        DatabaseCall call = calls.enter(NOW);
        call.uses(connection("returned to the pool"));
        calls.leave(call);

        calls.stopOverdue(NOW + 1_000_000_000L);
        call.stop();

        assertThat(aborted).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anInterruptFromElsewhereIsKept() {
        DatabaseCall call = calls.enter(NOW + 1);
        Thread.currentThread().interrupt();

        calls.leave(call);

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void onlyTheCurrentThreadsCallIsFound() throws Exception {
        assertThat(calls.ofCurrentThread()).isEmpty();
        DatabaseCall call = calls.enter(NOW);
        assertThat(calls.ofCurrentThread()).containsSame(call);
        List<Object> seenElsewhere = new ArrayList<>();
        Thread other = new Thread(() -> seenElsewhere.add(calls.ofCurrentThread()));
        other.start();
        other.join();
        assertThat(seenElsewhere).containsExactly(Optional.empty());
        calls.leave(call);
        assertThat(calls.ofCurrentThread()).isEmpty();
    }

    /** A connection that records its abort and is closed from then on, as PgConnection's abort does. */
    private Connection connection(String name) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "abort" -> {
                        ((Executor) args[0]).execute(() -> aborted.add(name));
                        closed[0] = true;
                        yield null;
                    }
                    case "isClosed" -> closed[0];
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
