package io.rtdp.ksql.engine.serde;

import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.client.SchemaRegistryClient;
import io.rtdp.ksql.engine.EngineConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One caching registry client per registry URL, shared by every query of the process: schemas by
 * id never change, so what one query fetched serves the others.
 */
public final class SchemaRegistries {
  private static final Duration LATEST_TTL = Duration.ofSeconds(30);
  private static final Map<String, RegistryClient> CLIENTS = new ConcurrentHashMap<>();

  private SchemaRegistries() {}

  public static RegistryClient forUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new SchemaRegistryNotConfiguredException("The AVRO and JSON_SR formats need a schema registry, but '"
          + EngineConfig.SCHEMA_REGISTRY_URL + "' is not set: set it in the server's properties "
          + "(e.g. http://localhost:8081), or use a format without a registry (JSON, DELIMITED, KAFKA).");
    }
    return CLIENTS.computeIfAbsent(url.trim(), u -> new SchemaRegistryClient(u, LATEST_TTL));
  }
}
