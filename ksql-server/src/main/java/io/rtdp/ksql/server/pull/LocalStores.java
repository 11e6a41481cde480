package io.rtdp.ksql.server.pull;

import io.rtdp.ksql.engine.query.StoreAccess;
import io.rtdp.ksql.server.query.QueryRuntime;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * The state stores of this server's persistent queries, as pull queries read them: all local
 * active partitions, or one partition including standby (stale) copies when its owner is down.
 * A store that is briefly unavailable (rebalancing, restoring) throws InvalidStateStoreException,
 * for the caller to retry.
 */
final class LocalStores implements StoreAccess {
  private final QueryRuntime runtime;
  private final Integer partition;

  private LocalStores(QueryRuntime runtime, Integer partition) {
    this.runtime = runtime;
    this.partition = partition;
  }

  /** Every partition this server is active for. */
  static LocalStores active(QueryRuntime runtime) {
    return new LocalStores(runtime, null);
  }

  /** One partition, served from an active or standby copy here. */
  static LocalStores anyCopyOf(QueryRuntime runtime, int partition) {
    return new LocalStores(runtime, partition);
  }

  @Override
  public <T> T store(String persistentQueryId, String storeName, QueryableStoreType<T> type) {
    KafkaStreams streams = runtime.streams(persistentQueryId).orElseThrow(() -> new PullQueryFailure(
        "The query " + persistentQueryId + " that materializes this table is not running on this server."));
    StoreQueryParameters<T> params = StoreQueryParameters.fromNameAndType(storeName, type);
    if (partition != null) {
      params = params.withPartition(partition).enableStaleStores();
    }
    if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
        || streams.state() == KafkaStreams.State.PENDING_ERROR) {
      throw new PullQueryFailure("The query " + persistentQueryId + " that materializes this table is not running ("
          + streams.state() + "); see SHOW QUERIES.");
    }
    return streams.store(params);
  }
}
