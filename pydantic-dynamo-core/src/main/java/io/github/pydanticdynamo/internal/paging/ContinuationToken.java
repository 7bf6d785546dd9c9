package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.internal.paging.TokenSealer.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The position of a table query page, the key to resume after, sealed by a {@link TokenSealer} into
 * an opaque, URL-safe token bound to the query that issued it.
 */
public record ContinuationToken(String partitionKey, String sortKey) {

  /** The sealed token, bound to {@code binding} (see {@link QueryPlan#binding}). */
  public String encode(TokenSealer sealer, List<String> binding) {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(partitionKey.length() + sortKey.length() + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(partitionKey);
      out.writeUTF(sortKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sealer.seal(Kind.TABLE_QUERY, binding, bytes.toByteArray());
  }

  /**
   * The position in a token sealed for {@code binding}; any other token fails with {@link
   * io.github.pydanticdynamo.InvalidCommandException} naming {@code issuer}.
   */
  public static ContinuationToken decode(
      String token, TokenSealer sealer, List<String> binding, String issuer) {
    byte[] plaintext = sealer.open(token, Kind.TABLE_QUERY, binding, "query", issuer);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
      return new ContinuationToken(in.readUTF(), in.readUTF());
    } catch (IOException e) {
      throw TokenSealer.invalid("query", "it cannot be read");
    }
  }
}
