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
import java.util.Arrays;
import java.util.Base64;

/** The opaque, checksummed, URL-safe token of a query page: the key to resume after. */
public record ContinuationToken(String partitionKey, String sortKey) {
  private static final byte VERSION = 1;
  private static final int CHECKSUM_BYTES = 8;
  private static final byte[] SALT = "pydantic-dynamo token".getBytes(StandardCharsets.UTF_8);

  String encode() {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(partitionKey.length() + sortKey.length() + 24);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(partitionKey);
      out.writeUTF(sortKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] payload = bytes.toByteArray();
    byte[] token = Arrays.copyOf(payload, payload.length + CHECKSUM_BYTES);
    System.arraycopy(checksum(payload), 0, token, payload.length, CHECKSUM_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  public static ContinuationToken decode(String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid(token, "it is not URL-safe base64");
    }
    if (bytes.length <= CHECKSUM_BYTES + 1) {
      throw invalid(token, "it is too short");
    }
    byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECKSUM_BYTES);
    byte[] expected = checksum(payload);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, payload.length, bytes.length))) {
      throw invalid(token, "its checksum does not match (it was altered or truncated)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      if (in.readByte() != VERSION) {
        throw invalid(token, "it was made by another version of this library");
      }
      return new ContinuationToken(in.readUTF(), in.readUTF());
    } catch (IOException e) {
      throw invalid(token, "it cannot be read");
    }
  }

  static InvalidCommandException invalid(String token, String reason) {
    String shown = token.length() > 40 ? token.substring(0, 37) + "..." : token;
    return new InvalidCommandException(
        "startToken '"
            + shown
            + "' is not a continuation token of this query: "
            + reason
            + ". Pass a BatchResponse.nextToken() from the same list call.");
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
