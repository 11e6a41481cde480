package io.rtdp.platform;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./rtdp}: the one entry point for people. */
@Command(name = "rtdp", mixinStandardHelpOptions = true, versionProvider = RtdpVersion.class,
        description = "Runs the rtdp platform (Kafka, PostgreSQL, Kafka Connect) on this machine.",
        subcommands = {UpCommand.class, DownCommand.class, RestartCommand.class, StatusCommand.class, LogsCommand.class, ResetCommand.class})
public final class Rtdp {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Rtdp());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("rtdp " + commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
