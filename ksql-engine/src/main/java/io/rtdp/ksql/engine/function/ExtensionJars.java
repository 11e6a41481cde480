package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.KsqlException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the functions of the jars directly inside an extension directory (SPEC §6.1), each jar
 * through its own class loader so that jars cannot see each other's classes.
 */
final class ExtensionJars {
  /** Class-file constant-pool entries that only an annotated function holder contains. */
  private static final List<byte[]> HOLDER_MARKERS = Stream.of("UdfDescription", "UdafDescription",
          "UdtfDescription")
      .map(n -> ("Lio/rtdp/ksql/udf/" + n + ";").getBytes(StandardCharsets.UTF_8)).toList();

  private ExtensionJars() {}

  static void load(FunctionRegistry registry, Path dir, ClassLoader parent) {
    if (!Files.isDirectory(dir)) {
      throw new KsqlException("Extension directory " + dir + " does not exist or is not a directory");
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
          .toList();
    } catch (IOException e) {
      throw new KsqlException("Cannot list extension directory " + dir + ": " + e.getMessage(), e);
    }
    jars.forEach(jar -> loadJar(registry, jar, parent));
  }

  private static void loadJar(FunctionRegistry registry, Path jar, ClassLoader parent) {
    List<String> holders;
    try (JarFile file = new JarFile(jar.toFile())) {
      holders = holderClassNames(file);
    } catch (IOException e) {
      throw new KsqlException("Cannot read extension jar " + jar + ": " + e.getMessage(), e);
    }
    // Never closed: the loaded functions keep running inside queries for the engine's lifetime.
    URLClassLoader loader = new URLClassLoader(new URL[] {url(jar)}, parent);
    for (String name : holders) {
      try {
        registry.load(Class.forName(name, true, loader), jar.toString());
      } catch (ClassNotFoundException | LinkageError | KsqlException e) {
        throw new KsqlException("Cannot load function class " + name + " from extension jar " + jar + ": "
            + e.getMessage(), e);
      }
    }
  }

  /**
   * Classes carrying one of the description annotations. Scanning the bytes instead of loading
   * every class keeps an uber-jar's unrelated classes (and their missing optional dependencies)
   * out of the way.
   */
  private static List<String> holderClassNames(JarFile file) throws IOException {
    List<String> out = new ArrayList<>();
    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
      JarEntry entry = entries.nextElement();
      String path = entry.getName();
      if (!path.endsWith(".class") || path.endsWith("module-info.class") || path.startsWith("META-INF/")) {
        continue;
      }
      try (InputStream in = file.getInputStream(entry)) {
        if (containsAny(in.readAllBytes())) {
          out.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    return out;
  }

  private static boolean containsAny(byte[] bytes) {
    for (byte[] marker : HOLDER_MARKERS) {
      if (indexOf(bytes, marker) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] bytes, byte[] marker) {
    outer:
    for (int i = 0; i <= bytes.length - marker.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new KsqlException("Bad extension jar path " + jar, e);
    }
  }
}
