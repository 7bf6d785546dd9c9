package io.github.pydanticdynamo.benchmarks.endtoend;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 that holds every request for a fixed delay before forwarding it,
 * to simulate the network hop to DynamoDB. Requests are read whole (they carry a Content-Length; an
 * {@code Expect: 100-continue} is answered by the proxy); responses stream back untouched.
 *
 * <pre>{@code
 * try (DelayProxy proxy = DelayProxy.start(engineEndpoint, Duration.ofMillis(5))) {
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(proxy.endpoint())...;
 * }
 * }</pre>
 */
public final class DelayProxy implements AutoCloseable {
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final long delayNanos;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  private DelayProxy(ServerSocket server, InetSocketAddress target, Duration delay) {
    this.server = server;
    this.target = target;
    this.delayNanos = delay.toNanos();
  }

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param target the engine's endpoint ({@code http://host:port})
   * @param delay the delay added to every request
   * @return the running proxy
   */
  public static DelayProxy start(URI target, Duration delay) {
    try {
      ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
      DelayProxy proxy =
          new DelayProxy(server, new InetSocketAddress(target.getHost(), target.getPort()), delay);
      Thread acceptor = new Thread(proxy::accept, "delay-proxy-accept");
      acceptor.setDaemon(true);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the delay proxy's port", e);
    }
  }

  /**
   * Where clients connect.
   *
   * @return the proxy's endpoint
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * How many requests were forwarded.
   *
   * @return the count
   */
  public long requests() {
    return requests.get();
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Socket upstream = new Socket();
      try {
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        upstream.connect(target);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      sockets.add(client);
      sockets.add(upstream);
      int id = connections.incrementAndGet();
      start("delay-proxy-" + id + "-requests", () -> forwardRequests(client, upstream));
      start("delay-proxy-" + id + "-responses", () -> forwardResponses(upstream, client));
    }
  }

  private static void start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Reads each request whole, waits the delay, then sends it on. */
  private void forwardRequests(Socket client, Socket upstream) {
    try {
      InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
      OutputStream toClient = client.getOutputStream();
      OutputStream out = upstream.getOutputStream();
      while (true) {
        byte[] head = readHead(in);
        if (head == null) {
          break;
        }
        String headText = new String(head, StandardCharsets.ISO_8859_1);
        String lower = headText.toLowerCase(Locale.ROOT);
        if (lower.contains("\r\ntransfer-encoding:")) {
          throw new IOException("chunked requests are not supported by the delay proxy");
        }
        if (lower.contains("\r\nexpect: 100-continue")) {
          synchronized (toClient) {
            toClient.write(CONTINUE);
            toClient.flush();
          }
          head = withoutHeader(headText, "expect").getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] body = in.readNBytes(contentLength(lower));
        sleep();
        out.write(head);
        out.write(body);
        out.flush();
        requests.incrementAndGet();
      }
    } catch (IOException e) {
      // a connection closed: close its pair below
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      sockets.remove(client);
      sockets.remove(upstream);
    }
  }

  private void forwardResponses(Socket upstream, Socket client) {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream in = upstream.getInputStream();
      OutputStream out = client.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        synchronized (out) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
    } catch (IOException e) {
      // a connection closed: close its pair below
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      sockets.remove(client);
      sockets.remove(upstream);
    }
  }

  private void sleep() {
    long deadline = System.nanoTime() + delayNanos;
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The request line and headers up to the blank line; null at a clean end of stream. */
  private static byte @Nullable [] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
    int last4 = 0;
    while (last4 != 0x0D0A0D0A) { // CR LF CR LF
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("connection closed inside a request head");
      }
      head.write(b);
      last4 = (last4 << 8) | b;
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head larger than " + MAX_HEAD + " bytes");
      }
    }
    return head.toByteArray();
  }

  private static int contentLength(String lowerHead) throws IOException {
    int at = lowerHead.indexOf("\r\ncontent-length:");
    if (at < 0) {
      return 0;
    }
    int start = at + "\r\ncontent-length:".length();
    int end = lowerHead.indexOf("\r\n", start);
    try {
      return Integer.parseInt(lowerHead.substring(start, end).trim());
    } catch (NumberFormatException e) {
      throw new IOException("bad content-length in " + lowerHead, e);
    }
  }

  private static String withoutHeader(String head, String name) {
    StringBuilder kept = new StringBuilder(head.length());
    for (String line : head.split("\r\n", -1)) {
      if (!line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
        kept.append(line).append("\r\n");
      }
    }
    // split keeps the two empty strings after the final CRLFCRLF; restore exactly one blank line
    String text = kept.toString();
    while (text.endsWith("\r\n\r\n\r\n")) {
      text = text.substring(0, text.length() - 2);
    }
    return text;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }
}
