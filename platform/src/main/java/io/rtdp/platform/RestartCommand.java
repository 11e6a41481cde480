package io.rtdp.platform;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = "Stops one server of the running platform and starts it again; the others run on.")
final class RestartCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Parameters(paramLabel = "SERVER", description = "the server, as ./rtdp status names it (for example ksql-server, connect)")
    String server;

    @Override
    public Integer call() {
        return options.platform().restart(server);
    }
}
