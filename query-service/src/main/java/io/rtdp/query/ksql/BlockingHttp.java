package io.rtdp.query.ksql;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Short HTTP/1.1 POSTs (pull queries, statements) on the calling thread, over kept-alive sockets.
 * The JDK's HttpClient reads answers on its selector thread and completes them on its executor:
 * two thread wake-ups per request that on a busy machine cost more than the pull query itself.
 * Here the request's thread writes the request and blocks reading the answer, and every wait
 * (connect, each read) is bounded by what is left of the deadline. A kept-alive socket that the
 * server closed meanwhile is noticed before any answer byte; the request is then sent once more
 * on a new socket (a POST that only reads state, so repeating it is harmless).
 */
final class BlockingHttp implements AutoCloseable {
    /** More idle sockets than this are closed rather than kept. */
    private static final int MAX_IDLE = 32;

    /** An answer: its status and its body as text. */
    record Answer(int status, String body) {
    }

    private final URI url;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    BlockingHttp(URI url, Duration timeout) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("ksql.url must be an http:// URL with a host, not " + url);
        }
        this.url = url;
        this.host = url.getHost();
        this.port = url.getPort() == -1 ? 80 : url.getPort();
        this.timeout = timeout;
    }

    /**
     * POSTs the body and reads the whole answer within the timeout.
     *
     * @throws KsqlUnavailableException when the server cannot be reached or does not answer in time
     */
    Answer post(String path, String contentType, String accept, byte[] body) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = request(path, contentType, accept, body);
        try {
            Connection reused = idle.pollFirst();
            if (reused != null) {
                try {
                    return exchange(reused, request, deadline);
                } catch (StaleConnectionException closedMeanwhile) {
                    reused.close();
                }
            }
            return exchange(open(deadline), request, deadline);
        } catch (IOException e) {
            throw KsqlUnavailableException.of(url, timeout, e);
        }
    }

    @Override
    public void close() {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }

    private Answer exchange(Connection connection, byte[] request, long deadline) throws IOException {
        boolean keep = false;
        try {
            Answer answer;
            try {
                connection.out.write(request);
                connection.out.flush();
                connection.in.deadline = deadline;
                answer = readAnswer(connection, deadline);
            } catch (IOException e) {
                if (connection.reused && !connection.in.answered && !(e instanceof SocketTimeoutException)) {
                    throw new StaleConnectionException(e);
                }
                throw e;
            }
            keep = connection.reusable;
            return answer;
        } finally {
            if (keep && idle.size() < MAX_IDLE) {
                connection.reused = true;
                connection.in.answered = false;
                idle.offerFirst(connection);
            } else {
                connection.close();
            }
        }
    }

    private Answer readAnswer(Connection connection, long deadline) throws IOException {
        DeadlineInput in = connection.in;
        while (true) {
            String statusLine = in.line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("answered something that is not HTTP/1.1: " + abbreviate(statusLine));
            }
            int status = parseStatus(parts[1], statusLine);
            long length = -1;
            boolean chunked = false;
            boolean close = parts[0].equals("HTTP/1.0");
            for (String header = in.line(); !header.isEmpty(); header = in.line()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                    default -> {
                    }
                }
            }
            if (status / 100 == 1) {
                continue;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = chunkSize(in.line()); size > 0; size = chunkSize(in.line())) {
                    in.copy(body, size);
                    in.line();
                }
                for (String trailer = in.line(); !trailer.isEmpty(); trailer = in.line()) {
                    // trailers carry nothing this client needs
                }
            } else if (length >= 0) {
                in.copy(body, length);
            } else {
                in.copyToEnd(body);
                close = true;
            }
            connection.reusable = !close;
            return new Answer(status, body.toString(StandardCharsets.UTF_8));
        }
    }

    private Connection open(long deadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), remainingMillis(deadline));
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private byte[] request(String path, String contentType, String accept, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: " + contentType
                + "\r\nAccept: " + accept + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static int parseStatus(String text, String statusLine) throws IOException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("answered a status line without a status: " + abbreviate(statusLine), e);
        }
    }

    private static long chunkSize(String line) throws IOException {
        int extension = line.indexOf(';');
        try {
            return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("answered a chunk without a size: " + abbreviate(line), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /** A kept-alive socket failed before any answer byte: the server had closed it. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(IOException cause) {
            super(cause);
        }
    }

    private static final class Connection {
        final Socket socket;
        final DeadlineInput in;
        final OutputStream out;
        boolean reused;
        boolean reusable;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DeadlineInput(socket);
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that is of no more use
            }
        }
    }

    /** A buffered socket input whose every read waits at most until the deadline. */
    private static final class DeadlineInput {
        private final Socket socket;
        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        long deadline;
        boolean answered;

        DeadlineInput(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        /** Fills the buffer; false at the end of the stream. */
        private boolean fill() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            answered = true;
            position = 0;
            limit = read;
            return true;
        }

        /** A line without its CRLF. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit && !fill()) {
                    throw new EOFException("closed the connection in the middle of an answer");
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) (b & 0xff));
            }
        }

        void copy(ByteArrayOutputStream to, long count) throws IOException {
            long left = count;
            while (left > 0) {
                if (position == limit && !fill()) {
                    throw new EOFException("closed the connection in the middle of an answer");
                }
                int n = (int) Math.min(left, limit - position);
                to.write(buffer, position, n);
                position += n;
                left -= n;
            }
        }

        void copyToEnd(ByteArrayOutputStream to) throws IOException {
            while (position < limit || fill()) {
                to.write(buffer, position, limit - position);
                position = limit;
            }
        }
    }
}
