package io.rtdp.schemaregistry;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rtdp.schemaregistry.api.RestApi;
import io.rtdp.schemaregistry.api.SchemaRegistryService;
import io.rtdp.schemaregistry.cluster.LeaderElection;
import io.rtdp.schemaregistry.cluster.LeaderForwarder;
import io.rtdp.schemaregistry.config.RegistryConfig;
import io.rtdp.schemaregistry.http.RegistryHttpServer;
import io.rtdp.schemaregistry.store.RegistryState;
import io.rtdp.schemaregistry.store.SchemaLog;

/** One registry instance: the schemas topic, the leader election and the HTTP API, started in that order. */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final RegistryConfig config;
    private final RegistryState state = new RegistryState();
    private SchemaLog log;
    private LeaderElection election;
    private RegistryHttpServer http;
    private String url;
    private boolean closed;

    public SchemaRegistryServer(RegistryConfig config) {
        this.config = config;
    }

    /** Starts and returns once the instance has read every schema and answers HTTP; waits for a leader too. */
    public SchemaRegistryServer start() {
        log = new SchemaLog(config, state);
        log.start();
        SchemaRegistryService service = new SchemaRegistryService(state, log, config.compatibilityLevel());
        http = new RegistryHttpServer(new RestApi(service), log, this::isLeader,
                () -> state.leaderUrl(), new LeaderForwarder(config.timeout()), config.timeout().toMillis());
        int port = http.listen(config.host(), config.port());
        url = "http://" + config.advertisedHost() + ":" + port;
        http.selfUrl(url);
        if (config.leaderEligible()) {
            election = new LeaderElection(config, () -> {
                service.announceLeader(url);
                LOG.info("This instance ({}) is now the leader: it performs the writes of the registry group {}", url, config.groupId());
            });
            election.start();
        }
        awaitLeaderKnown();
        return this;
    }

    private void awaitLeaderKnown() {
        long deadline = System.currentTimeMillis() + config.timeout().toMillis();
        while (!isLeader() && state.leaderUrl().filter(u -> !u.equals(url)).isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                LOG.warn("No leader elected within {} ms: reads work, writes wait for a leader", config.timeout().toMillis());
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public String url() {
        return url;
    }

    public boolean isLeader() {
        return election != null && election.isLeader();
    }

    public Optional<String> leaderUrl() {
        return state.leaderUrl();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (http != null) {
            http.close();
        }
        if (election != null) {
            election.close();
        }
        if (log != null) {
            log.close();
        }
    }
}
