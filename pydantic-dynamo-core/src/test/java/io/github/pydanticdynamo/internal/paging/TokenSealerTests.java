package io.github.pydanticdynamo.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.internal.paging.TokenSealer.Kind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSealerTests {
  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final TokenSealer SEALER = TokenSealer.withKey(KEY, "tokenKey");
  private static final List<String> BINDING = List.of("query", "t", "app#p#a", "begins_with", "");
  private static final byte[] SECRET =
      "Secretive#09-hidden-user-9@example.com".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealsIntoUrlSafeTextWithoutPaddingThatOpensToThePlaintext() {
    String token = SEALER.seal(Kind.TABLE_QUERY, BINDING, SECRET);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(SEALER.open(token, Kind.TABLE_QUERY, BINDING, "query", "this list"))
        .isEqualTo(SECRET);
    byte[] raw = Base64.getUrlDecoder().decode(token);
    assertThat(raw[0]).isEqualTo(TokenSealer.VERSION);
    assertThat(raw).hasSize(2 + 12 + SECRET.length + 16);
  }

  @Test
  void aTokenShowsNoPlaintextAndNoTwoTokensOfOnePositionAreAlike() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String token = SEALER.seal(Kind.TABLE_QUERY, BINDING, SECRET);
      tokens.add(token);
      String decoded =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
      assertThat(decoded).doesNotContain("Secretive").doesNotContain("example.com");
      assertThat(token).doesNotContain(Base64.getEncoder().encodeToString(SECRET).substring(0, 8));
    }
    assertThat(tokens).hasSize(100); // a fresh nonce every time
  }

  @Test
  void flippingAnyBitOfAnyByteIsRefused() {
    byte[] token = Base64.getUrlDecoder().decode(SEALER.seal(Kind.TABLE_QUERY, BINDING, SECRET));
    int refused = 0;
    for (int position = 0; position < token.length; position++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] altered = token.clone();
        altered[position] ^= (byte) (1 << bit);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
        assertThatThrownBy(() -> SEALER.open(text, Kind.TABLE_QUERY, BINDING, "query", "this list"))
            .as("bit %d of byte %d", bit, position)
            .isInstanceOf(InvalidCommandException.class)
            .hasMessageStartingWith("startToken is not a continuation token of this query: ");
        refused++;
      }
    }
    assertThat(refused).isEqualTo(token.length * 8);
  }

  @Test
  void everyTruncationAndExtensionIsRefused() {
    byte[] token = Base64.getUrlDecoder().decode(SEALER.seal(Kind.TABLE_QUERY, BINDING, SECRET));
    for (int length = 0; length < token.length + 3; length++) {
      if (length == token.length) {
        continue;
      }
      String text =
          Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(token, length));
      assertThatThrownBy(() -> SEALER.open(text, Kind.TABLE_QUERY, BINDING, "query", "this list"))
          .as("length %d", length)
          .isInstanceOf(InvalidCommandException.class);
    }
  }

  @Test
  void aTokenBoundToAnythingElseOrOfTheOtherKindIsRefused() {
    String token = SEALER.seal(Kind.TABLE_QUERY, BINDING, SECRET);
    for (List<String> other :
        List.of(
            List.of("query", "t2", "app#p#a", "begins_with", ""),
            List.of("query", "t", "app#p#b", "begins_with", ""),
            List.of("query", "t", "app#p#a", "begins_with", "x"),
            List.of("query", "t", "app#p#", "abegins_with", ""), // parts cannot run together
            List.of("query", "t", "app#p#a", "between", "", "z"))) {
      assertThatThrownBy(() -> SEALER.open(token, Kind.TABLE_QUERY, other, "query", "this list"))
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageContaining("not issued by this list");
    }
    assertThatThrownBy(() -> SEALER.open(token, Kind.PAGE, BINDING, "scan", "this scan"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("query of the table itself");
  }

  @Test
  void aTokenSealedWithAnotherKeyIsRefusedEvenWhenThatKeyIsKnown() {
    // a forger who knows the format and holds a key of their own, or this process's random key
    TokenSealer forger = TokenSealer.withKey("AAECAwQFBgcICQoLDA0ODw==", "tokenKey");
    for (TokenSealer other : List.of(forger, TokenSealer.processKey())) {
      String forged = other.seal(Kind.TABLE_QUERY, BINDING, SECRET);
      assertThatThrownBy(() -> SEALER.open(forged, Kind.TABLE_QUERY, BINDING, "query", "this"))
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageContaining("another token key");
    }
  }

  @Test
  void unsealedTokensOfEarlierVersionsAreRefusedClearly() throws Exception {
    for (String old :
        List.of(
            unsealed((byte) 1, "pydantic-dynamo token", "app#p#a", "actor#1"),
            unsealed((byte) 2, "pydantic-dynamo page token", "a scan", "x"))) {
      assertThatThrownBy(() -> SEALER.open(old, Kind.TABLE_QUERY, BINDING, "query", "this list"))
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageContaining("unsealed token of an earlier version")
          .hasMessageContaining("start again without a startToken");
    }
  }

  @Test
  void aKeyOfTheWrongLengthOrNotInBase64FailsNamingTheSettingButNotTheValue() {
    assertThatThrownBy(() -> TokenSealer.withKey("c2VjcmV0LWtleQ==", "pydantic-dynamo.token-key"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("pydantic-dynamo.token-key decodes to 10 bytes")
        .hasMessageContaining("16, 24 or 32")
        .message()
        .doesNotContain("c2VjcmV0LWtleQ")
        .doesNotContain("secret-key");
    assertThatThrownBy(() -> TokenSealer.withKey("not base64 at all!", "tokenKey"))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("tokenKey is not Base64")
        .message()
        .doesNotContain("not base64 at all");
    byte[] urlSafe = new byte[32];
    Arrays.fill(urlSafe, (byte) 0xFB); // "-_v7..." in URL-safe Base64, "+/v7..." in standard
    String sealed =
        TokenSealer.withKey(Base64.getUrlEncoder().encodeToString(urlSafe), "k")
            .seal(Kind.PAGE, BINDING, SECRET);
    assertThat(
            TokenSealer.withKey(Base64.getEncoder().encodeToString(urlSafe), "k")
                .open(sealed, Kind.PAGE, BINDING, "scan", "this scan"))
        .isEqualTo(SECRET);
    assertThat(TokenSealer.withKey(Base64.getEncoder().encodeToString(new byte[24]), "k"))
        .isNotNull();
  }

  @Test
  void toStringNeverShowsTheKey() {
    assertThat(SEALER).hasToString("TokenSealer[configured key]");
    assertThat(TokenSealer.processKey()).hasToString("TokenSealer[process key]");
    assertThat(TokenSealer.processKey().configured()).isFalse();
  }

  /** A token as versions before sealing made it: a version byte, the payload, a SHA-256 check. */
  private static String unsealed(byte version, String salt, String first, String second)
      throws IOException, java.security.NoSuchAlgorithmException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(version);
      out.writeUTF(first);
      out.writeUTF(second);
    }
    byte[] payload = bytes.toByteArray();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(salt.getBytes(StandardCharsets.UTF_8));
    byte[] token = Arrays.copyOf(payload, payload.length + 8);
    System.arraycopy(sha.digest(payload), 0, token, payload.length, 8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }
}
