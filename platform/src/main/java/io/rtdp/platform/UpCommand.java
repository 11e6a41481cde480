package io.rtdp.platform;

import java.util.concurrent.Callable;

import io.rtdp.platform.run.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Starts the platform and waits until every component is ready. "
        + "Stays in the foreground (Ctrl-C stops it) unless -d is given.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Option(names = {"-d", "--detach"}, description = "Return once ready, leaving the platform running (stop it with ./rtdp down).")
    boolean detach;

    @Override
    public Integer call() {
        Platform platform = options.platform();
        boolean alreadyRunning = platform.state().map(s -> s.anyAlive()).orElse(false);
        int code = platform.up(options.settings());
        if (code != 0 || detach || alreadyRunning) {
            return code;
        }
        platform.waitInForeground();
        return 0;
    }
}
