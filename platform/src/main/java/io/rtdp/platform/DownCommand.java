package io.rtdp.platform;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "down", description = "Stops the platform; its data stays for the next ./rtdp up.")
final class DownCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Override
    public Integer call() {
        return options.platform().down();
    }
}
