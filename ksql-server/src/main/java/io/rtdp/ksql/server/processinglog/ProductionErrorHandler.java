package io.rtdp.ksql.server.processinglog;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * Kafka Streams' production error handler for a persistent query: an output row that cannot be
 * serialized is logged (SERIALIZATION_ERROR) and skipped; a record the broker refused is logged
 * (PRODUCTION_ERROR) and fails the query unless {@code ksql.fail.on.production.error} is false.
 */
public final class ProductionErrorHandler implements ProductionExceptionHandler {
  private QueryMonitoring.Tap tap;

  @Override
  public void configure(Map<String, ?> configs) {
    tap = QueryMonitoring.Tap.from(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    tap.log().productionError(tap.queryId(), record.topic(), "Error producing to " + record.topic() + ": "
        + exception.getMessage(), exception);
    return tap.failOnProductionError() ? Response.fail() : Response.resume();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
      SerializationExceptionOrigin origin) {
    tap.log().serializationError(tap.queryId(), record.topic(), origin.name().toLowerCase(Locale.ROOT), exception,
        origin == SerializationExceptionOrigin.KEY ? record.key() : record.value());
    return Response.resume();
  }
}
