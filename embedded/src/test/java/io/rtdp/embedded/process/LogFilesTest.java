package io.rtdp.embedded.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void lastLinesOfALogLargerThanOneChunk() throws Exception {
        Path log = dir.resolve("big.log");
        Files.writeString(log, IntStream.range(0, 5000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogFiles.tail(log, 3)).isEqualTo("line 4997\nline 4998\nline 4999");
        assertThat(LogFiles.tail(log, 1)).isEqualTo("line 4999");
    }

    @Test
    void shortLogsAndLogsWithoutAFinalNewline() throws Exception {
        Path log = dir.resolve("short.log");
        Files.writeString(log, "first\nsecond");
        assertThat(LogFiles.tail(log, 20)).isEqualTo("first\nsecond");
        assertThat(LogFiles.tail(log, 1)).isEqualTo("second");

        Files.writeString(log, "");
        assertThat(LogFiles.tail(log, 5)).isEmpty();
        assertThat(LogFiles.tail(dir.resolve("missing.log"), 5)).isEqualTo("(no log at " + dir.resolve("missing.log") + ")");
    }
}
