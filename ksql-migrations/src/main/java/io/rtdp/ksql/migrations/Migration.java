package io.rtdp.ksql.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A migration file {@code V<6 digits>__<name>.ksql} (or {@code .sql}, as ksqlDB's tool names them). */
public record Migration(int version, String name, Path file, String checksum, String text) {
  private static final Pattern FILE_NAME = Pattern.compile("V(\\d{6})__(\\w+)\\.(ksql|sql)");

  /** The migration in {@code file}, or empty when the file name is not a migration's. */
  static Optional<Migration> read(Path file) {
    Matcher m = FILE_NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      return Optional.of(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), file,
          md5(bytes), new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read migration " + file + ": " + e.getMessage(), e);
    }
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }
}
