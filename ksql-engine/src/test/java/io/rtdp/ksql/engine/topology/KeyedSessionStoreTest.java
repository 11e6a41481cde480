package io.rtdp.ksql.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.internals.SessionKeySchema;
import org.junit.jupiter.api.Test;

/** The store alone: restore from changelog records, retention as seen by look-ups and by EMIT FINAL. */
class KeyedSessionStoreTest {
  private static final long RETENTION = 1_000;
  private static final long SLACK = 60_000;

  private final AtomicReference<StateRestoreCallback> restore = new AtomicReference<>();

  /** A context that only takes the store's restore callback (the store asks nothing else of it outside processing). */
  private KeyedSessionStore opened() {
    StateStoreContext context = (StateStoreContext) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {StateStoreContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "register" -> {
            restore.set((StateRestoreCallback) args[1]);
            yield null;
          }
          case "recordMetadata" -> Optional.empty();
          default -> throw new UnsupportedOperationException(method.getName());
        });
    KeyedSessionStore store = new KeyedSessionStore("sessions", RETENTION, SLACK);
    store.init(context, store);
    return store;
  }

  private static Windowed<Bytes> session(String key, long start, long end) {
    return new Windowed<>(Bytes.wrap(key.getBytes(StandardCharsets.UTF_8)), new SessionWindow(start, end));
  }

  private static List<String> read(KeyValueIterator<Windowed<Bytes>, byte[]> it) {
    List<String> out = new ArrayList<>();
    while (it.hasNext()) {
      KeyValue<Windowed<Bytes>, byte[]> e = it.next();
      out.add(new String(e.key.key().get(), StandardCharsets.UTF_8) + "[" + e.key.window().start() + ","
          + e.key.window().end() + "]=" + new String(e.value, StandardCharsets.UTF_8));
    }
    it.close();
    return out;
  }

  @Test
  void restoresFromTheChangelogRecordsKafkaStreamsWrites() {
    KeyedSessionStore restored = opened();
    // The changelog of a key whose session grew from [0,0] to [0,10], and of a second key.
    for (Object[] change : new Object[][] {{"a", 0L, 0L, "1"}, {"a", 0L, 0L, null}, {"a", 0L, 10L, "2"},
        {"b", 5L, 5L, "1"}}) {
      byte[] key = SessionKeySchema.toBinary(session((String) change[0], (Long) change[1], (Long) change[2])).get();
      restore.get().restore(key, change[3] == null ? null : ((String) change[3]).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read(restored.fetch(Bytes.wrap("a".getBytes(StandardCharsets.UTF_8))))).containsExactly("a[0,10]=2");
    assertThat(read(restored.fetch(null, null))).containsExactly("a[0,10]=2", "b[5,5]=1");
  }

  @Test
  void lookUpsHideSessionsPastRetentionWhileEmitFinalStillFindsThem() {
    KeyedSessionStore store = opened();
    store.put(session("a", 0, 100), "old".getBytes(StandardCharsets.UTF_8));
    store.put(session("b", 5_000, 5_000), "new".getBytes(StandardCharsets.UTF_8));
    assertThat(read(store.findSessions(Bytes.wrap("a".getBytes(StandardCharsets.UTF_8)), 0, Long.MAX_VALUE)))
        .isEmpty();
    assertThat(store.fetchSession(Bytes.wrap("a".getBytes(StandardCharsets.UTF_8)), 0, 100)).isNull();
    assertThat(read(store.findSessions(0, 4_999))).containsExactly("a[0,100]=old");
    // Past retention and slack, the session is gone for good.
    store.put(session("b", 5_000, 100_000), "newer".getBytes(StandardCharsets.UTF_8));
    assertThat(read(store.findSessions(0, Long.MAX_VALUE))).containsExactly("b[5000,100000]=newer");
  }
}
