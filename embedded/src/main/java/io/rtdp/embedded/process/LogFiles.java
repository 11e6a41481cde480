package io.rtdp.embedded.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What a user needs from a server's log when something went wrong: its last lines. */
public final class LogFiles {
    private static final int CHUNK = 8192;

    private LogFiles() {
    }

    /**
     * The last {@code lines} lines of the file. Reads backwards from the end, because the servers'
     * logs are never rotated and can grow far larger than the launcher's heap.
     */
    public static String tail(Path file, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            int newlines = 0;
            byte[] chunk = new byte[CHUNK];
            // A newline that ends the file closes the last line; it does not start another one.
            long scanEnd = end > 0 && lastByte(in, end) == '\n' ? end - 1 : end;
            long start = scanEnd;
            while (start > 0 && newlines < lines) {
                int size = (int) Math.min(CHUNK, start);
                in.seek(start - size);
                in.readFully(chunk, 0, size);
                int i = size - 1;
                for (; i >= 0; i--) {
                    if (chunk[i] == '\n' && ++newlines == lines) {
                        break;
                    }
                }
                start = i >= 0 ? start - size + i + 1 : start - size;
            }
            byte[] text = new byte[(int) (scanEnd - start)];
            in.seek(start);
            in.readFully(text);
            return new String(text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static int lastByte(RandomAccessFile in, long length) throws IOException {
        in.seek(length - 1);
        return in.read();
    }
}
