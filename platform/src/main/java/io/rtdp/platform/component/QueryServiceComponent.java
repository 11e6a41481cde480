package io.rtdp.platform.component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rtdp.platform.config.Settings;

/**
 * The query service (Dropwizard) for applications: its own configuration file
 * ({@code query-service/config.yml}), pointed at the platform's PostgreSQL and KSQL server through
 * the environment variables that file reads.
 */
final class QueryServiceComponent implements Component {
    private final PlatformContext context;

    QueryServiceComponent(PlatformContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "query-service";
    }

    private Settings settings() {
        return context.settings();
    }

    private String host() {
        return settings().string("query-service.host");
    }

    @Override
    public List<PortClaim> ports() {
        return List.of(new PortClaim("query-service.port", host(), settings().port("query-service.port"), false),
                new PortClaim("query-service.admin-port", host(), settings().port("query-service.admin-port"), false));
    }

    @Override
    public List<String> command() {
        return JvmCommand.onModuleClasspath(context.home(), "query-service", settings().string("query-service.jvm-options"),
                "io.rtdp.query.QueryServiceApplication", "server",
                context.home().resolve("query-service").resolve("config.yml").toString());
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RTDP_QUERY_HOST", host());
        env.put("RTDP_QUERY_PORT", Integer.toString(settings().port("query-service.port")));
        env.put("RTDP_QUERY_ADMIN_PORT", Integer.toString(settings().port("query-service.admin-port")));
        env.put("RTDP_QUERY_DB_URL", "jdbc:postgresql://" + settings().string("postgres.host") + ":"
                + settings().port("postgres.port") + "/" + settings().string("postgres.database"));
        env.put("RTDP_QUERY_DB_USER", settings().string("postgres.user"));
        env.put("RTDP_QUERY_DB_PASSWORD", settings().string("postgres.password"));
        env.put("RTDP_QUERY_KSQL_URL", KsqlServerComponent.url(settings()));
        return env;
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    /** Ready once it serves from PostgreSQL; the KSQL server is not needed for that. */
    @Override
    public boolean ready() {
        return HttpProbe.answers200("http://" + host() + ":" + settings().port("query-service.admin-port") + "/ready");
    }

    @Override
    public String url() {
        return "http://" + host() + ":" + settings().port("query-service.port");
    }
}
