package io.rtdp.ksql.engine.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.TestEngines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions from jars in ksql.extension.dir, compiled here from source. */
class ExtensionJarsTest {
  private static final String SHOUT = """
      package ext;
      import io.rtdp.ksql.udf.*;
      @UdfDescription(name = "shout", description = "Upper-cases and adds a bang.", author = "tests",
          version = "1.0", category = "STRING")
      public class Shout {
        @Udf(description = "Shouts the text.")
        public String shout(@UdfParameter(value = "text", description = "what to shout") String text) {
          return text == null ? null : text.toUpperCase() + "!";
        }
      }
      """;

  @TempDir
  Path tmp;

  @Test
  void aQueryCallsAFunctionFromAnExtensionJar() throws IOException {
    Path ext = Files.createDirectories(tmp.resolve("ext"));
    Path jar = jar(ext.resolve("shout.jar"), "ext.Shout", SHOUT);
    FunctionRegistry functions = FunctionRegistry.forConfig(
        new EngineConfig(Map.of(EngineConfig.EXTENSION_DIR, ext.toString())));
    KsqlEngine engine = TestEngines.engine(functions, Map.of("in", 1), (q, m, e) -> { });

    engine.execute("CREATE STREAM S (ID STRING KEY, T STRING) WITH (KAFKA_TOPIC='in', VALUE_FORMAT='JSON');"
        + "CREATE STREAM OUT AS SELECT ID, SHOUT(T) AS LOUD FROM S;");
    List<TestRecord<String, String>> out = TestEngines.run(engine.queries().get(0), "in",
        List.of(new TestRecord<>("a", "{\"T\":\"hi\"}")));

    assertThat(out).extracting(TestRecord::value).containsExactly("{\"LOUD\":\"HI!\"}");
    FunctionDescription d = engine.describeFunction("SHOUT");
    assertThat(d.path()).isEqualTo(jar.toString());
    assertThat(d.author()).isEqualTo("tests");
    assertThat(d.functions()).containsExactly(new FunctionDescription.Overload(
        List.of(new FunctionDescription.Argument("text", "VARCHAR", "what to shout", false)), "VARCHAR",
        "Shouts the text."));
    assertThat(engine.listFunctions()).contains(new FunctionSummary("SHOUT", "SCALAR", "STRING"));
  }

  @Test
  void aFunctionNamedLikeABuiltInIsRejectedNamingJarAndClass() throws IOException {
    Path ext = Files.createDirectories(tmp.resolve("ext"));
    Path jar = jar(ext.resolve("abs.jar"), "ext.MyAbs",
        SHOUT.replace("Shout", "MyAbs").replace("\"shout\"", "\"abs\""));

    assertThatThrownBy(() -> FunctionRegistry.withBuiltIns().loadExtensions(ext))
        .isInstanceOf(KsqlException.class)
        .hasMessageContaining("ext.MyAbs")
        .hasMessageContaining(jar.toString())
        .hasMessageContaining("UdfFactory not compatible with existing factory");
  }

  @Test
  void aJarThatIsNotAZipIsRejectedByName() throws IOException {
    Path ext = Files.createDirectories(tmp.resolve("ext"));
    Path bad = Files.writeString(ext.resolve("broken.jar"), "not a zip");

    assertThatThrownBy(() -> FunctionRegistry.withBuiltIns().loadExtensions(ext))
        .isInstanceOf(KsqlException.class)
        .hasMessageStartingWith("Cannot read extension jar " + bad);
  }

  @Test
  void extensionsAreSkippedWhenUdfsAreDisabledAndAMissingConfiguredDirectoryIsAnError() throws IOException {
    Path ext = Files.createDirectories(tmp.resolve("ext"));
    jar(ext.resolve("shout.jar"), "ext.Shout", SHOUT);

    FunctionRegistry disabled = FunctionRegistry.forConfig(new EngineConfig(
        Map.of(EngineConfig.EXTENSION_DIR, ext.toString(), EngineConfig.UDFS_ENABLED, "false")));
    assertThat(disabled.scalar("SHOUT")).isEmpty();
    assertThatThrownBy(() -> FunctionRegistry.forConfig(new EngineConfig(
        Map.of(EngineConfig.EXTENSION_DIR, tmp.resolve("missing").toString()))))
        .hasMessageContaining("missing");
  }

  /** Compiles one class (without -parameters, as third-party jars often are) into a jar. */
  private Path jar(Path jar, String className, String source) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path classes = Files.createDirectories(tmp.resolve("classes-" + className));
    Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
        "-d", classes.toString(), file.toString());
    assertThat(rc).as("javac exit code").isZero();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path c : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        Files.copy(c, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
