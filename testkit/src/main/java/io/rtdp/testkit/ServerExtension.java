package io.rtdp.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server that lives as long as one test class: started before its first test, stopped after
 * its last. Register it on a static field with {@code @RegisterExtension}; {@link #start()} may
 * also be called directly (it is idempotent), e.g. by a server that needs another one first.
 */
public abstract class ServerExtension implements BeforeAllCallback, AfterAllCallback {
    @Override
    public final void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        stop();
    }

    public abstract ServerExtension start();

    public abstract void stop();

    static IllegalStateException notStarted(Class<?> extension) {
        return new IllegalStateException("the server is not started: register " + extension.getSimpleName()
                + " on a static field with @RegisterExtension");
    }
}
