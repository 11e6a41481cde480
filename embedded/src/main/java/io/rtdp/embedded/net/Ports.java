package io.rtdp.embedded.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port look-ups for servers that must bind before they can say they failed. */
public final class Ports {
    private Ports() {
    }

    /** A port the kernel says is free right now on the loopback interface. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    /**
     * True when nothing listens on host:port. Checked by binding, and also by connecting, because a
     * server bound to another address of the same host (0.0.0.0 or ::) still takes the port.
     */
    public static boolean isFree(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return false;
        } catch (IOException refused) {
            // nothing answered: try to bind it ourselves
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** The first free port at or after {@code from}. */
    public static int firstFreeFrom(String host, int from) {
        for (int port = from; port < Math.min(from + 100, 65536); port++) {
            if (isFree(host, port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on " + host + " between " + from + " and " + (from + 99));
    }
}
