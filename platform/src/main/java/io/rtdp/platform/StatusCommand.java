package io.rtdp.platform;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", description = "Prints each component, its URL and whether it is up. "
        + "Exit code 0: all up; 1: some part is down; 3: not running.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Override
    public Integer call() {
        return options.platform().status();
    }
}
