package io.rtdp.ksql.engine.qtt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a conformance run prints and keeps, for QTT on the engine ({@link QttMain}) and RQTT on the
 * server (ksql-server's RqttMain, through this module's test-jar): per file
 * {@code NAME: P passed / F failed / S skipped} (or {@code unsupported}, the runner's word for a case
 * it cannot run) with a line for each case that did not pass, then the totals.
 */
public final class ConformanceSummary {
  private final String skippedWord;
  private int passed;
  private int failed;
  private int skipped;
  private final List<String> passing = new ArrayList<>();
  private final Set<String> notPassing = new HashSet<>();
  private final List<String> problems = new ArrayList<>();

  /** {@code skippedWord}: how the runner calls a case it does not run, e.g. "skipped" or "unsupported". */
  public ConformanceSummary(String skippedWord) {
    this.skippedWord = skippedWord;
  }

  /** A file that cannot be read counts as one failure. */
  public void unreadable(Path file, IOException e, PrintStream out) {
    out.println(file.getFileName() + ": cannot be read: " + e.getMessage());
    failed++;
  }

  /** The tally of one file's cases; {@link FileTally#print} reports it and adds it to the totals. */
  public FileTally file(Path file) {
    return new FileTally(file);
  }

  /** {@code N passed, M failed, K skipped}. */
  public String totals() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }

  /** The names of the cases that passed, once each: a name that occurs twice passes only if every case of it passed. */
  public List<String> passing() {
    return passing.stream().filter(name -> !notPassing.contains(name)).distinct().toList();
  }

  /** One line per case that failed or was skipped: its full name and why. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** One file's counts and the reasons of its cases that did not pass. */
  public final class FileTally {
    private final Path file;
    private int filePassed;
    private int fileFailed;
    private int fileSkipped;
    private final List<String> reasons = new ArrayList<>();

    private FileTally(Path file) {
      this.file = file;
    }

    /** Counts the case's outcome; a case not run counts as skipped. */
    public void record(String fullName, String name, Outcome outcome) {
      switch (outcome.status()) {
        case PASSED -> passed(fullName);
        case FAILED -> failed(fullName, name, outcome.reason());
        case UNSUPPORTED -> skipped(fullName, name, outcome.reason());
      }
    }

    private void passed(String fullName) {
      filePassed++;
      passing.add(fullName);
    }

    private void failed(String fullName, String name, String reason) {
      fileFailed++;
      notPassing.add(fullName);
      reasons.add("  FAILED " + name + ": " + reason);
      problems.add(fullName + ": " + reason);
    }

    private void skipped(String fullName, String name, String reason) {
      fileSkipped++;
      notPassing.add(fullName);
      reasons.add("  " + skippedWord.toUpperCase(Locale.ROOT) + " " + name + ": " + reason);
      problems.add(fullName + ": " + skippedWord + ", " + reason);
    }

    /** Prints the file's line and its reasons, and adds its counts to the totals. */
    public void print(PrintStream out) {
      out.println(file.getFileName() + ": " + filePassed + " passed / " + fileFailed + " failed / "
          + fileSkipped + " " + skippedWord);
      reasons.forEach(out::println);
      passed += filePassed;
      failed += fileFailed;
      skipped += fileSkipped;
    }
  }
}
