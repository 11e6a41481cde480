package io.rtdp.ksql.engine.topology;

import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;

/** Where a query's rows come from (a source, or a join of sources): a stream or a table of rows. */
public record RowInput(Function<StreamsBuilder, KStream<List<Object>, Object[]>> stream,
    Function<StreamsBuilder, KTable<List<Object>, Object[]>> table) {

  public boolean isTable() {
    return table != null;
  }
}
