package io.github.pydanticdynamo.internal.paging;

import io.github.pydanticdynamo.InvalidCommandException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals every continuation token with AES-GCM (JDK {@code AES/GCM/NoPadding}, 12-byte random nonce,
 * 128-bit tag): the position inside is encrypted, and what the token is bound to (table, index,
 * partition, content type, range, scan segments) is authenticated as associated data, so an
 * altered, forged or swapped token fails before any request. Layout, URL-safe Base64 without
 * padding: version byte, kind byte, nonce, ciphertext and tag. Thread-safe.
 */
public final class TokenSealer {
  /** The first byte of a sealed token; 1 and 2 were the unsealed tokens of earlier versions. */
  static final byte VERSION = 3;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER_BYTES = 2;
  private static final int MIN_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a token resumes; a token of one kind is refused by the other. */
  public enum Kind {
    /** A query of the table itself (list, listBetween). */
    TABLE_QUERY((byte) 1),
    /** An index query or a scan. */
    PAGE((byte) 2);

    final byte code;

    Kind(byte code) {
      this.code = code;
    }
  }

  private final SecretKey key;
  private final boolean configured;

  private TokenSealer(SecretKey key, boolean configured) {
    this.key = key;
    this.configured = configured;
  }

  /** The sealer of this process: one random 256-bit key, so tokens do not survive a restart. */
  public static TokenSealer processKey() {
    return ProcessKey.SEALER;
  }

  /**
   * A sealer with a configured key, the Base64 (standard or URL-safe) of 16, 24 or 32 bytes; any
   * other text fails naming {@code setting}, never echoing the value.
   */
  public static TokenSealer withKey(String base64Key, String setting) {
    byte[] bytes;
    String trimmed = base64Key.strip();
    try {
      bytes =
          trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(trimmed)
              : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new InvalidCommandException(
          setting
              + " is not Base64; pass the Base64 of 16, 24 or 32 random bytes (an AES key), e.g."
              + " the output of 'openssl rand -base64 32'");
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new InvalidCommandException(
          setting
              + " decodes to "
              + bytes.length
              + " bytes, not an AES key; pass the Base64 of 16, 24 or 32 random bytes, e.g. the"
              + " output of 'openssl rand -base64 32'");
    }
    SecretKey key = new SecretKeySpec(bytes, "AES");
    Arrays.fill(bytes, (byte) 0);
    return new TokenSealer(key, true);
  }

  /** Whether the key was configured (else it is this process's random key). */
  public boolean configured() {
    return configured;
  }

  /** The sealed, URL-safe token of {@code plaintext}, bound to {@code binding}. */
  public String seal(Kind kind, List<String> binding, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] header = {VERSION, kind.code};
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(header, binding));
      byte[] sealed = cipher.doFinal(plaintext);
      ByteBuffer token = ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length);
      token.put(header).put(nonce).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /**
   * The plaintext of a token sealed for {@code binding}; anything else (not Base64, truncated,
   * altered, forged, sealed with another key, bound to something else, of the other kind or of an
   * earlier version) fails with {@link InvalidCommandException} naming the {@code what} and the
   * {@code issuer} expected, never the token or what it holds.
   */
  public byte[] open(String token, Kind kind, List<String> binding, String what, String issuer) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid(what, "it is not URL-safe base64");
    }
    if (bytes.length > 0 && (bytes[0] == 1 || bytes[0] == 2)) {
      throw invalid(
          what,
          "it is an unsealed token of an earlier version of this library, which are no longer"
              + " accepted; start again without a startToken");
    }
    if (bytes.length < MIN_BYTES) {
      throw invalid(what, "it is too short (altered or truncated)");
    }
    if (bytes[0] != VERSION) {
      throw invalid(what, "it was made by another version of this library, or altered");
    }
    if (bytes[1] != kind.code) {
      throw invalid(
          what,
          bytes[1] == Kind.TABLE_QUERY.code
              ? "it belongs to a query of the table itself (list or listBetween)"
              : bytes[1] == Kind.PAGE.code
                  ? "it belongs to an index query or a scan"
                  : "it was altered");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, bytes, HEADER_BYTES, NONCE_BYTES));
      cipher.updateAAD(associatedData(Arrays.copyOf(bytes, HEADER_BYTES), binding));
      int start = HEADER_BYTES + NONCE_BYTES;
      return cipher.doFinal(bytes, start, bytes.length - start);
    } catch (AEADBadTagException e) {
      throw invalid(
          what,
          "it was not issued by "
              + issuer
              + ": it is a token of another partition, content type, range, index, table or"
              + " scan, an altered or truncated token, or one sealed with another token key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /** The message for a token that does not fit, naming the call it was given to. */
  public static InvalidCommandException invalid(String what, String reason) {
    return new InvalidCommandException(
        "startToken is not a continuation token of this "
            + what
            + ": "
            + reason
            + ". Pass a BatchResponse.nextToken() from the same call.");
  }

  /** The header, then each part of the binding with its length, so parts cannot run together. */
  private static byte[] associatedData(byte[] header, List<String> binding) {
    ByteArrayOutputStream data = new ByteArrayOutputStream(64);
    data.writeBytes(header);
    for (String part : binding) {
      byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
      data.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
      data.writeBytes(utf8);
    }
    return data.toByteArray();
  }

  @Override
  public String toString() {
    return configured ? "TokenSealer[configured key]" : "TokenSealer[process key]";
  }

  /** The random key of this process, made on first use. */
  private static final class ProcessKey {
    static final TokenSealer SEALER;

    static {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      SEALER = new TokenSealer(new SecretKeySpec(bytes, "AES"), false);
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
