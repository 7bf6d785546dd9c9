package io.github.pydanticdynamo.test;

/**
 * A child JVM for {@code DynaliteServerIntegrationTests}: starts an engine, prints its pid, waits.
 */
public final class EngineHolder {
  private EngineHolder() {}

  public static void main(String[] args) throws InterruptedException {
    DynaliteServer server = DynaliteServer.start();
    System.out.println("ENGINE_PID " + server.pid());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
