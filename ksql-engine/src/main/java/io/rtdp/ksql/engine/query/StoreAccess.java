package io.rtdp.ksql.engine.query;

import org.apache.kafka.streams.state.QueryableStoreType;

/** Gives a pull query the state stores of the persistent query that materializes its table. */
@FunctionalInterface
public interface StoreAccess {
  <T> T store(String persistentQueryId, String storeName, QueryableStoreType<T> type);
}
