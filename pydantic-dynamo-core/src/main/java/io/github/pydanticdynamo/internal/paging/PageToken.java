package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.paging.TokenSealer.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The position of an index query or scan page: per segment (or for the one query), where to resume.
 * Sealed by a {@link TokenSealer} into an opaque, URL-safe token bound to what issued it (an index
 * query's index, partition and range; a scan's type and segments). The key attributes of an index
 * page are more than a table's two, so this is not a {@link ContinuationToken}; a token of one kind
 * is refused by the other.
 */
public record PageToken(List<Position> positions) {

  /** Where one segment (or the one query) stands. */
  public enum State {
    NOT_STARTED,
    AT,
    DONE
  }

  /** One segment's state and, when {@link State#AT}, the key to resume after. */
  public record Position(State state, Map<String, String> key) {
    public static final Position NOT_STARTED = new Position(State.NOT_STARTED, Map.of());
    public static final Position DONE = new Position(State.DONE, Map.of());

    public Position {
      key = Map.copyOf(key);
    }

    public static Position at(Map<String, String> key) {
      return new Position(State.AT, key);
    }
  }

  public PageToken {
    positions = List.copyOf(positions);
  }

  /** The sealed token, bound to {@code binding}. */
  public String encode(TokenSealer sealer, List<String> binding) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 64 * positions.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(positions.size());
      for (Position position : positions) {
        out.writeByte(position.state().ordinal());
        Map<String, String> sorted = new TreeMap<>(position.key());
        out.writeByte(sorted.size());
        for (Map.Entry<String, String> attribute : sorted.entrySet()) {
          out.writeUTF(attribute.getKey());
          out.writeUTF(attribute.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sealer.seal(Kind.PAGE, binding, bytes.toByteArray());
  }

  /**
   * The positions in a token sealed for {@code binding}; any other token (of another index, the
   * table, a scan of other segments, altered, forged, of another key) fails naming {@code what} and
   * the {@code issuer} expected.
   */
  public static PageToken decode(
      String token, TokenSealer sealer, List<String> binding, String what, String issuer) {
    byte[] plaintext = sealer.open(token, Kind.PAGE, binding, what, issuer);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
      int count = in.readInt();
      if (count < 0 || count > 1_000_000) {
        throw invalid(what, "it cannot be read");
      }
      List<Position> positions = new ArrayList<>(Math.min(count, 1024));
      for (int i = 0; i < count; i++) {
        State state = State.values()[in.readByte()];
        int size = in.readByte();
        Map<String, String> key = new TreeMap<>();
        for (int k = 0; k < size; k++) {
          key.put(in.readUTF(), in.readUTF());
        }
        positions.add(new Position(state, key));
      }
      return new PageToken(positions);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidCommandException invalid) {
        throw invalid;
      }
      throw invalid(what, "it cannot be read");
    }
  }

  /** The message for a token that does not fit, naming the call it was given to. */
  public static InvalidCommandException invalid(String what, String reason) {
    return TokenSealer.invalid(what, reason);
  }

  /** The one position of a query token. */
  public @Nullable Position single() {
    return positions.size() == 1 ? positions.get(0) : null;
  }
}
