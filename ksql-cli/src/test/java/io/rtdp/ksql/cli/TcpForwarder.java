package io.rtdp.ksql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port that forwards to the KSQL server and can be taken away and given back, so that a test can
 * make the server unreachable for the CLI and reachable again, as a restarted server would be.
 */
final class TcpForwarder implements AutoCloseable {
  private final URI target;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  TcpForwarder(URI target) throws IOException {
    this.target = target;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void up() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress("127.0.0.1", port));
    listener = socket;
    start(new Thread(() -> accept(socket), "forwarder-accept"));
  }

  /**
   * Closes the port and every connection through it: the CLI now meets a refused connection. Waits
   * for the threads that used them: a socket closed while a thread is blocked on it is only released
   * once that thread wakes up, and until then the port and the connections still work.
   */
  void down() throws IOException {
    if (listener != null) {
      listener.close();
    }
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while closing the forwarder", e);
      }
    }
    threads.clear();
  }

  @Override
  public void close() throws IOException {
    down();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server = new Socket(target.getHost(), target.getPort());
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    start(new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // One side closed: the other is closed with it below.
      } finally {
        try {
          to.close();
          from.close();
        } catch (IOException e) {
          // Already closed.
        }
      }
    }, "forwarder-pump"));
  }

  private void start(Thread t) {
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }
}
