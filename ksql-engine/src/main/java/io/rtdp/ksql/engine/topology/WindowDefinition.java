package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.parser.WindowSpec;
import java.time.Duration;

/** Grace and retention of a WINDOW clause, with ksqlDB's defaults. */
final class WindowDefinition {
  private static final long DAY = 86_400_000L;

  private WindowDefinition() {}

  /** Without GRACE PERIOD: 24h minus the size, except that EMIT FINAL emits right at window end. */
  static long grace(WindowSpec w, boolean emitFinal) {
    if (w.graceMs() != null) {
      return w.graceMs();
    }
    return emitFinal ? 0 : Math.max(DAY - w.sizeMs(), 0);
  }

  /** The store retention: RETENTION if given, never less than size + grace. */
  static Duration retention(WindowSpec w, boolean emitFinal) {
    long minimum = w.sizeMs() + grace(w, emitFinal);
    return Duration.ofMillis(w.retentionMs() == null ? minimum : Math.max(w.retentionMs(), minimum));
  }
}
