package io.rtdp.query;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.rtdp.query.auth.AdminAuthFilter;
import io.rtdp.query.auth.ApiKeyAuthFilter;
import io.rtdp.query.auth.Caller;
import io.rtdp.query.auth.CallerDirectory;
import io.rtdp.query.auth.JsonUnauthorizedHandler;
import io.rtdp.query.docs.DocsResource;
import io.rtdp.query.docs.OpenApiDocument;
import io.rtdp.query.docs.OpenApiResource;
import io.rtdp.query.errors.ApiExceptionMapper;
import io.rtdp.query.errors.DatabaseFailures;
import io.rtdp.query.errors.JsonErrorHandler;
import io.rtdp.query.errors.JsonServletErrorHandler;
import io.rtdp.query.errors.UnexpectedExceptionMapper;
import io.rtdp.query.errors.ViolationExceptionMapper;
import io.rtdp.query.errors.WebApplicationExceptionMapper;
import io.rtdp.query.ksql.KsqlClient;
import io.rtdp.query.ksql.KsqlConfiguration;
import io.rtdp.query.ksql.KsqlServerHealthCheck;
import io.rtdp.query.live.EventStreams;
import io.rtdp.query.live.LiveResource;
import io.rtdp.query.live.LiveSource;
import io.rtdp.query.live.LiveSourceCheck;
import io.rtdp.query.ops.PrometheusServlet;
import io.rtdp.query.ops.ReadinessServlet;
import io.rtdp.query.tables.BoundedDatabase;
import io.rtdp.query.tables.InFlightCalls;
import io.rtdp.query.tables.PostgresPool;
import io.rtdp.query.tables.ResultTable;
import io.rtdp.query.tables.TableCatalog;
import io.rtdp.query.tables.TableReader;
import io.rtdp.query.tables.TableResource;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;

/** The query service: {@code java -cp … io.rtdp.query.QueryServiceApplication server config.yml}. */
public final class QueryServiceApplication extends Application<QueryServiceConfiguration> {
    static final String POSTGRESQL_HEALTH_CHECK = "postgresql";
    static final String KSQL_HEALTH_CHECK = "ksql-server";

    public static void main(String[] args) throws Exception {
        new QueryServiceApplication().run(args);
    }

    @Override
    public String getName() {
        return "rtdp-query-service";
    }

    @Override
    public void initialize(Bootstrap<QueryServiceConfiguration> bootstrap) {
        // Secrets and hosts from the environment: ${RTDP_QUERY_API_KEY} or ${VAR:-default} in the YAML.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(QueryServiceConfiguration configuration, Environment environment) {
        ObjectMapper json = environment.getObjectMapper();
        InFlightCalls databaseCalls = new InFlightCalls();
        Duration queryTimeout = Duration.ofMillis(configuration.limits().queryTimeout().toMilliseconds());
        Jdbi jdbi = PostgresPool.jdbi(configuration.database(), environment, POSTGRESQL_HEALTH_CHECK, databaseCalls, queryTimeout);
        Map<String, ResultTable> tables = checkedTables(configuration, jdbi);

        errors(configuration, environment);
        authentication(configuration, environment, json);

        databaseCalls.sweepOn(environment.lifecycle().scheduledExecutorService("postgresql-deadlines").threads(1).build());
        // As many callers as pooled connections, and eight times as many waiting for one.
        int maxCallers = configuration.database().getMaxSize() * 9;
        TableReader reader = new TableReader(new BoundedDatabase(jdbi, databaseCalls, maxCallers, queryTimeout), json);
        environment.jersey().register(new TableResource(tables, reader, configuration.limits(), environment.metrics(), json));
        Map<String, LiveSource> live = LiveSource.of(configuration.live());
        liveResources(configuration, environment, live);
        environment.jersey().register(new OpenApiResource(
                new OpenApiDocument(json).build(tables.values(), live.values(), configuration.limits().maxPageSize())));
        environment.jersey().register(new DocsResource());

        environment.healthChecks().register(KSQL_HEALTH_CHECK, new KsqlServerHealthCheck(configuration.ksql(), json));
        environment.admin().addServlet("prometheus", new PrometheusServlet(environment.metrics())).addMapping("/prometheus");
        environment.admin().addServlet("ready", new ReadinessServlet(environment.healthChecks(), List.of(POSTGRESQL_HEALTH_CHECK)))
                .addMapping("/ready");
    }

    /** Pull queries and event streams through one client of the KSQL server, for sources checked against it. */
    private static void liveResources(QueryServiceConfiguration configuration, Environment environment,
            Map<String, LiveSource> live) {
        KsqlConfiguration ksql = configuration.ksql();
        long retryAfter = configuration.limits().retryAfter().toSeconds();
        KsqlClient client = new KsqlClient(ksql, environment.getObjectMapper(), requestThreads(configuration));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                client.close();
            }
        });
        LiveSourceCheck check = new LiveSourceCheck(client, live.values());
        check.atStartUp();
        environment.healthChecks().register(LiveSourceCheck.NAME, check);
        EventStreams events = new EventStreams(client, environment.getObjectMapper(),
                environment.lifecycle().scheduledExecutorService("sse-heartbeat-%d").threads(1).build(),
                ksql.heartbeat().toMilliseconds(), retryAfter, ksql.maxEventStreams(), environment.metrics());
        environment.lifecycle().manage(events);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                // An event stream never ends by itself: Jetty's graceful stop would wait for each one.
                if (event instanceof Server) {
                    events.stop();
                }
            }
        });
        environment.jersey().register(new LiveResource(live, client, events, retryAfter, environment.metrics()));
    }

    /**
     * Jetty's request threads, as many as may wait on the KSQL server at once (for a server factory
     * of another kind, Dropwizard's default of 1024).
     */
    private static int requestThreads(QueryServiceConfiguration configuration) {
        return configuration.getServerFactory() instanceof AbstractServerFactory server ? server.getMaxThreads() : 1024;
    }

    private static Map<String, ResultTable> checkedTables(QueryServiceConfiguration configuration, Jdbi jdbi) {
        try {
            return new TableCatalog(jdbi).resolve(configuration.tables());
        } catch (ConnectionException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + configuration.database().getUrl()
                    + " to check the configured tables (is it running? see database.url in the configuration): "
                    + e.getMessage(), e);
        }
    }

    /** One error shape for everything: Dropwizard's own mappers would answer in theirs. */
    private static void errors(QueryServiceConfiguration configuration, Environment environment) {
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        DatabaseFailures databaseFailures = new DatabaseFailures(configuration.limits().retryAfter().toSeconds());
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new ViolationExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper(databaseFailures));
        // What Jetty answers itself (bad URIs, unknown admin paths) gets the same shape.
        environment.getApplicationContext().setErrorHandler(new JsonServletErrorHandler());
        environment.getAdminContext().setErrorHandler(new JsonServletErrorHandler());
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new JsonErrorHandler());
                }
            }
        });
    }

    private static void authentication(QueryServiceConfiguration configuration, Environment environment, ObjectMapper json) {
        CallerDirectory callers = new CallerDirectory(configuration.auth());
        String realm = configuration.auth().realm();
        JsonUnauthorizedHandler unauthorized = new JsonUnauthorizedHandler();
        ApiKeyAuthFilter apiKeys = new ApiKeyAuthFilter.Builder()
                .setAuthenticator(callers::byApiKey)
                .setRealm(realm)
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        BasicCredentialAuthFilter<Caller> basic = new BasicCredentialAuthFilter.Builder<Caller>()
                .setAuthenticator(callers::byPassword)
                .setRealm(realm)
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        environment.jersey().register(new AuthDynamicFeature(new ChainedAuthFilter<>(List.of(apiKeys, basic))));
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));

        environment.admin().addFilter("admin-auth", new AdminAuthFilter(callers, realm, Set.of("/ping", "/ready"), json))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
