package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.Udtf;
import io.rtdp.ksql.udf.UdtfDescription;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All functions the engine can call, fed only through the UDF API's annotations: built-ins and
 * extension classes are loaded the same way (SPEC §6.1).
 */
public final class FunctionRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionRegistry.class);

  private final Map<String, ScalarFunction> scalars = new TreeMap<>();
  private final Map<String, AggregateFunction> aggregates = new TreeMap<>();
  private final Map<String, TableFunction> tables = new TreeMap<>();
  private final StatementParser typeParser = new StatementParser();

  /** A registry holding the built-in functions. */
  public static FunctionRegistry withBuiltIns() {
    FunctionRegistry registry = new FunctionRegistry();
    BuiltInFunctions.CLASSES.forEach(c -> registry.load(c, "internal"));
    return registry;
  }

  /**
   * The built-ins plus the functions of the jars in {@code ksql.extension.dir} (SPEC §6.1).
   * Extension jars are skipped when {@code ksql.udfs.enabled} is false, or when the directory is
   * left at its default and does not exist; a configured directory must exist.
   */
  public static FunctionRegistry forConfig(EngineConfig config) {
    FunctionRegistry registry = withBuiltIns();
    if (!Boolean.parseBoolean(config.get(EngineConfig.UDFS_ENABLED, "true"))) {
      return registry;
    }
    String configured = config.get(EngineConfig.EXTENSION_DIR, null);
    Path dir = Path.of(configured == null ? "ext" : configured);
    if (configured != null || Files.isDirectory(dir)) {
      registry.loadExtensions(dir);
    }
    return registry;
  }

  /**
   * Registers the functions of every jar directly inside {@code dir}, each jar in its own class
   * loader under the engine's. A jar that cannot be read, a class that cannot be loaded, or a
   * name already registered (built-ins cannot be replaced) fails with the jar and class named.
   */
  public void loadExtensions(Path dir) {
    ExtensionJars.load(this, dir, FunctionRegistry.class.getClassLoader());
  }

  /** Registers the functions an annotated class declares; {@code path} is shown by DESCRIBE FUNCTION. */
  public void load(Class<?> holder, String path) {
    UdfDescription udf = holder.getAnnotation(UdfDescription.class);
    if (udf != null) {
      loadScalar(holder, udf, path);
    }
    UdafDescription udaf = holder.getAnnotation(UdafDescription.class);
    if (udaf != null) {
      loadAggregate(holder, udaf, path);
    }
    UdtfDescription udtf = holder.getAnnotation(UdtfDescription.class);
    if (udtf != null) {
      loadTable(holder, udtf, path);
    }
  }

  private void loadTable(Class<?> holder, UdtfDescription d, String path) {
    String name = d.name().toUpperCase(Locale.ROOT);
    checkNameFree(name);
    TableFunction fn = new TableFunction(new FunctionInfo(name, FunctionInfo.Kind.TABLE, d.description(),
        d.category(), d.author(), d.version(), path));
    for (Method m : holder.getMethods()) {
      Udtf u = m.getAnnotation(Udtf.class);
      if (u == null) {
        continue;
      }
      if (m.getReturnType() != List.class) {
        LOG.warn("Skipping table function {} of {}: it must return a parameterized List", m, name);
        continue;
      }
      try {
        SqlType declared = u.schema().isEmpty() ? null : SqlType.array(typeParser.parseType(u.schema()));
        fn.add(new ScalarOverload(holder, m, declared));
      } catch (KsqlException e) {
        LOG.warn("Skipping overload {} of {}: {}", m, name, e.getMessage());
      }
    }
    tables.put(name, fn);
  }

  private void loadScalar(Class<?> holder, UdfDescription d, String path) {
    String name = d.name().toUpperCase(Locale.ROOT);
    checkNameFree(name);
    ScalarFunction fn = new ScalarFunction(new FunctionInfo(name, FunctionInfo.Kind.SCALAR, d.description(),
        d.category(), d.author(), d.version(), path));
    for (Method m : holder.getMethods()) {
      Udf u = m.getAnnotation(Udf.class);
      if (u == null) {
        continue;
      }
      try {
        fn.add(new ScalarOverload(holder, m, u.schema().isEmpty() ? null : typeParser.parseType(u.schema())));
      } catch (KsqlException e) {
        LOG.warn("Skipping overload {} of {}: {}", m, name, e.getMessage());
      }
    }
    scalars.put(name, fn);
  }

  private void loadAggregate(Class<?> holder, UdafDescription d, String path) {
    String name = d.name().toUpperCase(Locale.ROOT);
    checkNameFree(name);
    AggregateFunction fn = new AggregateFunction(new FunctionInfo(name, FunctionInfo.Kind.AGGREGATE,
        d.description(), d.category(), d.author(), d.version(), path));
    for (Method m : holder.getMethods()) {
      UdafFactory f = m.getAnnotation(UdafFactory.class);
      if (f == null) {
        continue;
      }
      if (!Modifier.isStatic(m.getModifiers()) || !Udaf.class.isAssignableFrom(m.getReturnType())) {
        LOG.warn("Skipping UDAF factory {} of {}: must be public static and return a Udaf", m, name);
        continue;
      }
      try {
        SqlType declared = f.returnSchema().isEmpty() ? null : typeParser.parseType(f.returnSchema());
        fn.add(new AggregateOverload(m, declared));
      } catch (KsqlException e) {
        LOG.warn("Skipping UDAF factory {} of {}: {}", m, name, e.getMessage());
      }
    }
    aggregates.put(name, fn);
  }

  private void checkNameFree(String name) {
    if (scalars.containsKey(name) || aggregates.containsKey(name) || tables.containsKey(name)) {
      throw new KsqlException("UdfFactory not compatible with existing factory: function " + name
          + " is already registered");
    }
  }

  public Optional<ScalarFunction> scalar(String name) {
    return Optional.ofNullable(scalars.get(name.toUpperCase(Locale.ROOT)));
  }

  public Optional<AggregateFunction> aggregate(String name) {
    return Optional.ofNullable(aggregates.get(name.toUpperCase(Locale.ROOT)));
  }

  public Optional<TableFunction> table(String name) {
    return Optional.ofNullable(tables.get(name.toUpperCase(Locale.ROOT)));
  }

  public boolean isTableFunction(String name) {
    return tables.containsKey(name.toUpperCase(Locale.ROOT));
  }

  public boolean isAggregate(String name) {
    return aggregates.containsKey(name.toUpperCase(Locale.ROOT));
  }

  /** SHOW FUNCTIONS: every function by name. */
  public List<FunctionSummary> summaries() {
    return list().stream().map(i -> new FunctionSummary(i.name(), i.kind().name(), i.category())).toList();
  }

  /** DESCRIBE FUNCTION, with ksqlDB's message for an unknown name. */
  public FunctionDescription describe(String name) {
    String key = name.toUpperCase(Locale.ROOT);
    if (scalars.containsKey(key)) {
      return scalars.get(key).description();
    }
    if (aggregates.containsKey(key)) {
      return aggregates.get(key).description();
    }
    if (tables.containsKey(key)) {
      return tables.get(key).description();
    }
    throw new KsqlException("Can't find any functions with the name '" + name + "'");
  }

  /** Every function, for SHOW FUNCTIONS. */
  public List<FunctionInfo> list() {
    Collection<ScalarFunction> s = scalars.values();
    Collection<AggregateFunction> a = aggregates.values();
    Collection<TableFunction> t = tables.values();
    return java.util.stream.Stream.of(s.stream().map(ScalarFunction::info), a.stream().map(AggregateFunction::info),
            t.stream().map(TableFunction::info))
        .flatMap(x -> x).sorted(java.util.Comparator.comparing(FunctionInfo::name)).toList();
  }
}
