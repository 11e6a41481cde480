package io.rtdp.platform.pipelines;

import java.io.PrintStream;

import io.rtdp.platform.component.PlatformContext;
import io.rtdp.platform.config.Settings;

/**
 * The shipped pipelines (IoT monitoring, commerce analytics), applied to a running platform by
 * every {@code ./rtdp up}: the KSQL migrations of {@code ksql/} first (they create the topics the
 * connectors read and write, with the partitions the queries expect), then the connectors of
 * {@code connectors/config/}. Both steps are idempotent. PostgreSQL's result tables come with the
 * platform's Flyway migrations ({@code sql/}), applied when PostgreSQL starts.
 */
public final class Pipelines {
    private final PlatformContext context;
    private final PrintStream out;

    public Pipelines(PlatformContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    /**
     * Whether {@code ./rtdp up} applies them (setting pipelines.apply). A platform that an older
     * launcher started recorded no such setting, and is left as it is.
     */
    public static boolean enabled(Settings settings) {
        return settings.asMap().containsKey("pipelines.apply") && settings.flag("pipelines.apply");
    }

    /** Applies both steps, printing progress; returns false (having said what failed and where) on a failure. */
    public boolean apply() {
        Settings settings = context.settings();
        KsqlMigrationsStep ksql = new KsqlMigrationsStep(context.home(), url(settings, "ksql-server"), out);
        out.println();
        out.println("Applying the pipelines");
        try {
            out.println("  KSQL migrations (" + ksql.directory() + ")");
            ksql.apply();
            out.println("  connectors (" + ConnectorConfigs.directory(context.home()) + ")");
            ConnectRestClient connect = new ConnectRestClient(url(settings, "connect"));
            for (ConnectorConfigs.Connector connector : ConnectorConfigs.read(context.home(), settings)) {
                out.print("    " + connector.name() + " ... ");
                out.flush();
                try {
                    out.println(connect.put(connector.name(), connector.config()) == ConnectRestClient.Outcome.CREATED
                            ? "created" : "up to date");
                } catch (PipelineException e) {
                    out.println("FAILED");
                    throw new PipelineException(connector.file() + ": " + e.getMessage());
                }
            }
        } catch (PipelineException e) {
            out.println();
            out.println("The pipelines are not fully applied: " + e.getMessage());
            out.println("The platform runs; fix the file and run ./rtdp up again to apply the rest.");
            return false;
        }
        new NextSteps(settings).print(out);
        return true;
    }

    private static String url(Settings settings, String component) {
        return "http://" + settings.string(component + ".host") + ":" + settings.port(component + ".port");
    }
}
