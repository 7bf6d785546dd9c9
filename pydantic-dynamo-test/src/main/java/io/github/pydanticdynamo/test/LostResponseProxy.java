package io.github.pydanticdynamo.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Loses DynamoDB responses (or requests) on chosen calls: a loopback HTTP proxy a client's endpoint
 * points at, which forwards each call to the engine and, for a call a rule picks, either forwards
 * it and then closes the client's connection without the response (the write was applied, the
 * caller never hears) or closes it without forwarding (nothing was applied, the caller cannot tell
 * the difference). A rule may run an action in between, after the engine applied the call and
 * before the connection is dropped, to play "another writer changed the item meanwhile". Rules pick
 * calls by operation ({@code X-Amz-Target}, e.g. {@code PutItem}) or by any predicate on the call,
 * and each fires a set number of times. The proxy counts what it did.
 *
 * <pre>{@code
 * try (LostResponseProxy proxy = LostResponseProxy.start(LocalDynamoDb.shared().endpoint())) {
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(proxy.endpoint())...build();
 *   proxy.loseNext("PutItem", LostResponseProxy.Fault.LOSE_RESPONSE);
 *   repository.putIfAbsent(content); // applied, response lost: the library finds out it landed
 *   assertThat(proxy.lostResponses()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>A dropped connection is closed on both sides (client and upstream), so a pooled connection is
 * never reused after a drop. Each forwarded call uses a fresh upstream connection.
 */
public final class LostResponseProxy implements AutoCloseable {
  /** What a rule does to the call it picks. */
  public enum Fault {
    /** Forward the call to the engine, then drop the connection without the response. */
    LOSE_RESPONSE,
    /** Drop the connection without forwarding: nothing reaches the engine. */
    LOSE_REQUEST
  }

  /**
   * One call through the proxy.
   *
   * @param operation the DynamoDB operation, e.g. {@code UpdateItem}
   * @param number the 1-based count of calls of that operation through this proxy
   * @param body the request's JSON body
   */
  public record Call(String operation, int number, String body) {}

  private record Rule(
      Predicate<Call> when, Fault fault, @Nullable Runnable between, AtomicInteger remaining) {}

  private final URI target;
  private final ServerSocket server;
  private final ExecutorService threads;
  private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong lostResponses = new AtomicLong();
  private final AtomicLong lostRequests = new AtomicLong();
  private volatile boolean closed;

  private LostResponseProxy(URI target, ServerSocket server) {
    this.target = target;
    this.server = server;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread =
                  new Thread(runnable, "lost-response-proxy-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts a proxy on a free loopback port in front of {@code target}.
   *
   * @param target the engine's endpoint, e.g. {@code LocalDynamoDb.shared().endpoint()}
   * @return the running proxy; close it when done
   * @throws LocalEngineException when no port can be opened
   */
  public static LostResponseProxy start(URI target) {
    try {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      LostResponseProxy proxy = new LostResponseProxy(target, server);
      proxy.threads.execute(proxy::acceptLoop);
      return proxy;
    } catch (IOException e) {
      throw new LocalEngineException("could not open the lost-response proxy's port", e);
    }
  }

  /**
   * The endpoint clients should use.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * Loses the next call of {@code operation}.
   *
   * @param operation the DynamoDB operation name, e.g. {@code PutItem}
   * @param fault what to lose
   * @return this proxy
   */
  public LostResponseProxy loseNext(String operation, Fault fault) {
    return lose(call -> call.operation().equals(operation), fault, 1, null);
  }

  /**
   * Loses the next call of {@code operation}, running {@code between} after the engine applied it
   * (for {@link Fault#LOSE_RESPONSE}) or instead of forwarding it, before dropping the connection.
   *
   * @param operation the DynamoDB operation name
   * @param fault what to lose
   * @param between what happens meanwhile (use a client that does not go through this proxy)
   * @return this proxy
   */
  public LostResponseProxy loseNext(String operation, Fault fault, Runnable between) {
    return lose(call -> call.operation().equals(operation), fault, 1, between);
  }

  /**
   * Loses the next {@code times} calls that {@code when} picks.
   *
   * @param when which calls
   * @param fault what to lose
   * @param times how many calls, at most
   * @param between what happens meanwhile, or null
   * @return this proxy
   */
  public LostResponseProxy lose(
      Predicate<Call> when, Fault fault, int times, @Nullable Runnable between) {
    if (times < 1) {
      throw new IllegalArgumentException("times " + times + " must be at least 1");
    }
    rules.add(new Rule(when, fault, between, new AtomicInteger(times)));
    return this;
  }

  /** Forgets every rule that has not fired yet. */
  public void clear() {
    rules.clear();
  }

  /**
   * How many rule firings are still armed.
   *
   * @return the remaining firings of all rules
   */
  public int armed() {
    return rules.stream().mapToInt(r -> Math.max(0, r.remaining().get())).sum();
  }

  /**
   * Calls forwarded to the engine (including those whose response was then lost).
   *
   * @return the count
   */
  public long forwarded() {
    return forwarded.get();
  }

  /**
   * Calls forwarded and applied whose response was dropped.
   *
   * @return the count
   */
  public long lostResponses() {
    return lostResponses.get();
  }

  /**
   * Calls dropped without forwarding.
   *
   * @return the count
   */
  public long lostRequests() {
    return lostRequests.get();
  }

  /**
   * How many calls of {@code operation} went through the proxy (forwarded or dropped).
   *
   * @param operation the DynamoDB operation name
   * @return the count
   */
  public int calls(String operation) {
    AtomicInteger count = calls.get(operation);
    return count == null ? 0 : count.get();
  }

  /**
   * Failures inside the proxy (an action that threw, an engine that could not be reached).
   *
   * @return the failures so far, in order
   */
  public List<Throwable> errors() {
    return List.copyOf(errors);
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      errors.add(e);
    }
    for (Socket socket : new ArrayList<>(open)) {
      closeQuietly(socket);
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        if (!closed) {
          errors.add(e);
        }
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (!closed) {
        HttpMessage request = HttpMessage.readRequest(in, out);
        if (request == null) {
          return;
        }
        String operation = request.operation();
        int number = calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        Rule rule =
            pick(new Call(operation, number, new String(request.body, StandardCharsets.UTF_8)));
        if (rule != null && rule.fault() == Fault.LOSE_REQUEST) {
          lostRequests.incrementAndGet();
          runBetween(rule);
          return; // closes the connection: nothing was forwarded
        }
        byte[] response = forward(request);
        forwarded.incrementAndGet();
        if (rule != null) {
          runBetween(rule);
          lostResponses.incrementAndGet();
          return; // closes the connection: applied, but the response is lost
        }
        out.write(response);
        out.flush();
      }
    } catch (SocketException | EOFException e) {
      // the client closed its connection
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        errors.add(e);
      }
    } finally {
      open.remove(client);
    }
  }

  private @Nullable Rule pick(Call call) {
    for (Rule rule : rules) {
      if (rule.remaining().get() > 0 && rule.when().test(call)) {
        if (rule.remaining().getAndDecrement() > 0) {
          if (rule.remaining().get() <= 0) {
            rules.remove(rule);
          }
          return rule;
        }
      }
    }
    return null;
  }

  private void runBetween(Rule rule) {
    if (rule.between() != null) {
      try {
        rule.between().run();
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
  }

  private byte[] forward(HttpMessage request) throws IOException {
    int port = target.getPort() < 0 ? 80 : target.getPort();
    try (Socket upstream = new Socket(target.getHost(), port)) {
      upstream.setTcpNoDelay(true);
      OutputStream out = upstream.getOutputStream();
      out.write(request.encode("Connection: close"));
      out.flush();
      HttpMessage response =
          HttpMessage.readResponse(new BufferedInputStream(upstream.getInputStream()));
      return response.encode(null);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** One HTTP/1.1 message: start line, headers (without framing ones) and whole body. */
  private static final class HttpMessage {
    private static final Set<String> FRAMING =
        Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "expect");

    final String startLine;
    final List<String[]> headers;
    final byte[] body;

    private HttpMessage(String startLine, List<String[]> headers, byte[] body) {
      this.startLine = startLine;
      this.headers = headers;
      this.body = body;
    }

    String operation() {
      for (String[] header : headers) {
        if (header[0].equalsIgnoreCase("x-amz-target")) {
          String target = header[1];
          return target.substring(target.indexOf('.') + 1);
        }
      }
      return "(none)";
    }

    byte[] encode(@Nullable String extraHeader) {
      StringBuilder head = new StringBuilder(startLine).append("\r\n");
      for (String[] header : headers) {
        if (!FRAMING.contains(header[0].toLowerCase(Locale.ROOT))) {
          head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
      }
      if (extraHeader != null) {
        head.append(extraHeader).append("\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = new byte[start.length + body.length];
      System.arraycopy(start, 0, all, 0, start.length);
      System.arraycopy(body, 0, all, start.length, body.length);
      return all;
    }

    /** A request, or null at the end of the connection; answers "100 Continue" when asked. */
    static @Nullable HttpMessage readRequest(InputStream in, OutputStream out) throws IOException {
      String startLine = readLine(in);
      while (startLine != null && startLine.isEmpty()) {
        startLine = readLine(in);
      }
      if (startLine == null) {
        return null;
      }
      List<String[]> headers = readHeaders(in);
      if ("100-continue".equalsIgnoreCase(header(headers, "expect"))) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      return new HttpMessage(startLine, headers, readBody(in, headers, false));
    }

    static HttpMessage readResponse(InputStream in) throws IOException {
      while (true) {
        String startLine = readLine(in);
        if (startLine == null) {
          throw new EOFException("the engine closed the connection without a response");
        }
        List<String[]> headers = readHeaders(in);
        if (startLine.contains(" 100 ")) {
          continue;
        }
        return new HttpMessage(startLine, headers, readBody(in, headers, true));
      }
    }

    private static @Nullable String header(List<String[]> headers, String name) {
      for (String[] header : headers) {
        if (header[0].equalsIgnoreCase(name)) {
          return header[1];
        }
      }
      return null;
    }

    private static List<String[]> readHeaders(InputStream in) throws IOException {
      List<String[]> headers = new ArrayList<>();
      for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        headers.add(
            new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
      }
      return headers;
    }

    private static byte[] readBody(InputStream in, List<String[]> headers, boolean untilEnd)
        throws IOException {
      String length = header(headers, "content-length");
      if (length != null) {
        return in.readNBytes(Integer.parseInt(length));
      }
      if ("chunked".equalsIgnoreCase(header(headers, "transfer-encoding"))) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
          String size = readLine(in);
          if (size == null) {
            throw new EOFException("chunked body ended early");
          }
          int semicolon = size.indexOf(';');
          int chunk =
              Integer.parseInt(
                  semicolon < 0 ? size.trim() : size.substring(0, semicolon).trim(), 16);
          if (chunk == 0) {
            readHeaders(in); // trailers
            return body.toByteArray();
          }
          body.write(in.readNBytes(chunk));
          readLine(in);
        }
      }
      return untilEnd ? in.readAllBytes() : new byte[0];
    }

    private static @Nullable String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(128);
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int end =
              bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
        line.write(b);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
