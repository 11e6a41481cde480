package io.rtdp.ksql.engine.serde;

import io.rtdp.avro.client.InMemoryRegistryClient;
import io.rtdp.avro.client.RegisteredSchema;
import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.avro.client.SchemaText;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The registry of an engine that only validates statements (a server's sandbox): it reads the real
 * registry but keeps its own registrations in memory, so that validating, or replaying, a CREATE or
 * CSAS registers nothing, while later statements of the same request still see what earlier ones
 * registered. The real registry is resolved on first use: a sandbox without AVRO statements needs none.
 */
public final class DryRunRegistryClient implements RegistryClient {
  /** Ids of schemas registered here start far above any real registry's. */
  private static final int FIRST_LOCAL_ID = 1 << 30;

  private final Supplier<RegistryClient> real;
  private final InMemoryRegistryClient local = new InMemoryRegistryClient(FIRST_LOCAL_ID);
  private RegistryClient resolved;

  public DryRunRegistryClient(Supplier<RegistryClient> real) {
    this.real = real;
  }

  private synchronized RegistryClient real() {
    if (resolved == null) {
      resolved = real.get();
    }
    return resolved;
  }

  @Override
  public String urls() {
    return real().urls();
  }

  @Override
  public int register(String subject, Schema schema) {
    return register(subject, "AVRO", schema.toString());
  }

  @Override
  public int register(String subject, String schemaType, String schema) {
    return local.register(subject, schemaType, schema);
  }

  @Override
  public int idOf(String subject, Schema schema) {
    try {
      return local.idOf(subject, schema);
    } catch (RegistryClientException e) {
      return real().idOf(subject, schema);
    }
  }

  @Override
  public Schema schemaById(int id) {
    return id >= FIRST_LOCAL_ID ? local.schemaById(id) : real().schemaById(id);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    try {
      return local.latest(subject);
    } catch (RegistryClientException e) {
      return real().latest(subject);
    }
  }

  @Override
  public SchemaText textById(int id) {
    return id >= FIRST_LOCAL_ID ? local.textById(id) : real().textById(id);
  }

  @Override
  public SchemaText latestText(String subject) {
    try {
      return local.latestText(subject);
    } catch (RegistryClientException e) {
      return real().latestText(subject);
    }
  }
}
