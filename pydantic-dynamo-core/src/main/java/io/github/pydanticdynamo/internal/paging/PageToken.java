package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.InvalidCommandException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The opaque, checksummed, URL-safe token of an index query or scan page: the scope it belongs to
 * (an index, or a scan and its segments) and, per segment, where to resume. The key attributes of
 * an index page are more than a table's two, so this is not a {@link ContinuationToken}; a token of
 * one kind is refused by the other.
 */
public record PageToken(String scope, List<Position> positions) {
  private static final byte VERSION = 2;
  private static final int CHECKSUM_BYTES = 8;
  private static final byte[] SALT = "pydantic-dynamo page token".getBytes(StandardCharsets.UTF_8);

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

  public String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 64 * positions.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(scope);
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
    byte[] payload = bytes.toByteArray();
    byte[] token = Arrays.copyOf(payload, payload.length + CHECKSUM_BYTES);
    System.arraycopy(checksum(payload), 0, token, payload.length, CHECKSUM_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /**
   * Decodes a token of {@code scope}; a token of another scope (another index, the table, a scan of
   * other segments), an altered one or one of another kind is refused naming {@code what}.
   */
  public static PageToken decode(String token, String scope, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid(token, what, "it is not URL-safe base64");
    }
    if (bytes.length <= CHECKSUM_BYTES + 1) {
      throw invalid(token, what, "it is too short");
    }
    byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECKSUM_BYTES);
    if (payload[0] != VERSION) {
      throw invalid(
          token,
          what,
          payload[0] == 1
              ? "it belongs to a query of the table itself (list or listBetween)"
              : "it was made by another version of this library");
    }
    byte[] expected = checksum(payload);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, payload.length, bytes.length))) {
      throw invalid(token, what, "its checksum does not match (it was altered or truncated)");
    }
    PageToken decoded;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      in.readByte();
      String tokenScope = in.readUTF();
      int count = in.readInt();
      if (count < 0 || count > 1_000_000) {
        throw invalid(token, what, "it cannot be read");
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
      decoded = new PageToken(tokenScope, positions);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidCommandException invalid) {
        throw invalid;
      }
      throw invalid(token, what, "it cannot be read");
    }
    if (!decoded.scope().equals(scope)) {
      throw invalid(token, what, "it belongs to " + decoded.scope() + ", not " + scope);
    }
    return decoded;
  }

  /** The message for a token that does not fit, naming the call it was given to. */
  public static InvalidCommandException invalid(String token, String what, String reason) {
    String shown = token.length() > 40 ? token.substring(0, 37) + "..." : token;
    return new InvalidCommandException(
        "startToken '"
            + shown
            + "' is not a continuation token of this "
            + what
            + ": "
            + reason
            + ". Pass a BatchResponse.nextToken() from the same call.");
  }

  /** The one position of a query token. */
  public @Nullable Position single() {
    return positions.size() == 1 ? positions.get(0) : null;
  }

  private static byte[] checksum(byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(SALT);
      return Arrays.copyOf(sha.digest(payload), CHECKSUM_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
