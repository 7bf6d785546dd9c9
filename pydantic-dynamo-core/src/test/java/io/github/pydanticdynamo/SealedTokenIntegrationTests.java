package io.github.pydanticdynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pydanticdynamo.test.LocalDynamoDb;
import io.github.pydanticdynamo.test.TestTable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Continuation tokens are sealed (AES-GCM): they show no key value, and an altered, truncated,
 * swapped, forged or old-format token fails with {@link InvalidCommandException} before any request
 * reaches the engine (counted by an interceptor on the client).
 */
class SealedTokenIntegrationTests {
  private static final String KEY = "c2VhbGVkLXRva2Vucy10ZXN0LWtleS0zMi1ieXRlcyE="; // 32 bytes
  private static final String OTHER_KEY = "b3RoZXIta2V5LTE2LWJ5dA=="; // 16 bytes

  @DynamoEntity(contentType = "member", partitionName = "members")
  @DynamoIndex(name = "by-team", partitionIds = "team", contentIds = "email")
  @DynamoIndex(
      name = "by-rank",
      local = true,
      contentIds = {"rank", "email"})
  record Member(String id, String team, int rank, String email, boolean hidden) {}

  /** Counts the requests a client sends. */
  static final class RequestCounter implements ExecutionInterceptor {
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public void beforeExecution(
        Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
      requests.incrementAndGet();
    }
  }

  private final RequestCounter counter = new RequestCounter();
  private TestTable table;
  private TestTable otherTable;
  private DynamoDbClient client;
  private DynamoDbAsyncClient asyncClient;
  private DynamoRepository<Member> members;

  @BeforeEach
  void createTables() {
    table = IndexIntegrationTests.tableFor(Member.class);
    otherTable = IndexIntegrationTests.tableFor(Member.class);
    ClientOverrideConfiguration counting =
        ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build();
    client = LocalDynamoDb.shared().newClient(counting);
    asyncClient = LocalDynamoDb.shared().newAsyncClient(counting);
    members = repository(table, KEY);
    List<PartitionedContent<Member>> items = new ArrayList<>();
    for (String partition : List.of("Rich", "Secretive")) {
      IntStream.range(0, 12)
          .mapToObj(
              i ->
                  PartitionedContent.of(
                      List.of(partition),
                      List.of(String.format("%02d-%s-user-%d@example.com", i, hidden(i), i)),
                      new Member(
                          "m" + i, "team-" + (i % 2), i, "user-" + i + "@example.com", i % 3 == 0)))
          .forEach(items::add);
    }
    members.putBatch(items);
    repository(otherTable, KEY).putBatch(items);
  }

  private static String hidden(int i) {
    return i % 3 == 0 ? "hidden" : "shown";
  }

  @AfterEach
  void deleteTables() {
    client.close();
    asyncClient.close();
    table.delete();
    otherTable.delete();
  }

  private DynamoRepository<Member> repository(TestTable on, String key) {
    return RepositoryFixture.sync(Member.class, on, client).tokenKey(key).build();
  }

  /** The token of the first page of a call, and how to resume that call from a token. */
  record Issued(String name, String token, Consumer<String> resume) {}

  private List<Issued> tokensOfEveryKind(DynamoRepository<Member> repo) {
    QueryOptions shownOnly =
        QueryOptions.builder()
            .pageSize(3)
            .filter(FilterCommand.builder().equalTo("hidden", false).build())
            .build();
    QueryOptions three = QueryOptions.builder().pageSize(3).build();
    Map<String, Consumer<String>> resumes = new LinkedHashMap<>();
    resumes.put(
        "list",
        t ->
            repo.list(List.of("Rich"), List.of(), shownOnly.toBuilder().startToken(t).build())
                .toList());
    resumes.put(
        "listBetween",
        t ->
            repo.listBetween(
                    List.of("Rich"),
                    List.of("01"),
                    List.of("09"),
                    three.toBuilder().startToken(t).build())
                .toList());
    resumes.put(
        "global index",
        t ->
            repo.index("by-team")
                .list(List.of("team-1"), List.of(), three.toBuilder().startToken(t).build())
                .toList());
    resumes.put(
        "local index",
        t ->
            repo.index("by-rank")
                .list(List.of("Rich"), List.of(), three.toBuilder().startToken(t).build())
                .toList());
    resumes.put(
        "scan", t -> repo.scan(ScanOptions.builder().pageSize(3).startToken(t).build()).toList());
    resumes.put(
        "parallel scan",
        t ->
            repo.scan(ScanOptions.builder().parallel(3).pageSize(3).startToken(t).build())
                .toList());
    List<Issued> issued = new ArrayList<>();
    issued.add(new Issued("list", first(repo.list(List.of("Rich"), List.of(), shownOnly)), null));
    issued.add(
        new Issued(
            "listBetween",
            first(repo.listBetween(List.of("Rich"), List.of("01"), List.of("09"), three)),
            null));
    issued.add(
        new Issued(
            "global index",
            first(repo.index("by-team").list(List.of("team-1"), List.of(), three)),
            null));
    issued.add(
        new Issued(
            "local index",
            first(repo.index("by-rank").list(List.of("Rich"), List.of(), three)),
            null));
    issued.add(
        new Issued("scan", first(repo.scan(ScanOptions.builder().pageSize(3).build())), null));
    issued.add(
        new Issued(
            "parallel scan",
            first(repo.scan(ScanOptions.builder().parallel(3).pageSize(3).build())),
            null));
    return issued.stream()
        .map(i -> new Issued(i.name(), i.token(), resumes.get(i.name())))
        .toList();
  }

  /**
   * The token of the first page, after reading every page: a parallel scan reads ahead, and no
   * request of it may still be in flight when the refusals are counted.
   */
  private static String first(java.util.stream.Stream<BatchResponse<Member>> pages) {
    List<BatchResponse<Member>> all;
    try (pages) {
      all = pages.toList();
    }
    return all.get(0).nextToken().orElseThrow();
  }

  private void assertRefusedBeforeAnyRequest(Consumer<String> call, String token, String what) {
    int before = counter.requests.get();
    assertThatThrownBy(() -> call.accept(token))
        .as(what)
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("startToken is not a continuation token")
        .message()
        .doesNotContain(token.length() >= 12 ? token.substring(0, 12) : "\u0000");
    assertThat(counter.requests.get()).as("requests sent for " + what).isEqualTo(before);
  }

  @Test
  void everyTokenResumesWhereItsPageEnded() {
    for (Issued issued : tokensOfEveryKind(members)) {
      int before = counter.requests.get();
      issued.resume().accept(issued.token());
      assertThat(counter.requests.get()).as(issued.name()).isGreaterThan(before);
    }
    List<String> ids =
        members
            .listContents(
                List.of("Rich"),
                List.of(),
                QueryOptions.builder()
                    .startToken(
                        first(
                            members.list(
                                List.of("Rich"),
                                List.of(),
                                QueryOptions.builder().pageSize(5).build())))
                    .build())
            .map(c -> c.contentIds().get(0))
            .toList();
    assertThat(ids).hasSize(7).first().asString().startsWith("05-");
  }

  @Test
  void flippingAnyBitOfAnyByteOfAnyKindOfTokenFailsBeforeAnyRequest() {
    int refused = 0;
    for (Issued issued : tokensOfEveryKind(members)) {
      byte[] bytes = Base64.getUrlDecoder().decode(issued.token());
      for (int position = 0; position < bytes.length; position++) {
        for (int bit : new int[] {0, 3, 7}) {
          byte[] altered = bytes.clone();
          altered[position] ^= (byte) (1 << bit);
          assertRefusedBeforeAnyRequest(
              issued.resume(),
              Base64.getUrlEncoder().withoutPadding().encodeToString(altered),
              issued.name() + ", bit " + bit + " of byte " + position);
          refused++;
        }
      }
      for (int length : new int[] {0, 1, 2, 14, 29, bytes.length - 1}) {
        assertRefusedBeforeAnyRequest(
            issued.resume(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(bytes, length)),
            issued.name() + " truncated to " + length);
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(6 * 30 * 3);
  }

  @Test
  void tokensSwappedBetweenCallsPartitionsIndexesTablesAndKeysFailBeforeAnyRequest() {
    List<Issued> issued = tokensOfEveryKind(members);
    // every token given to every other kind of call
    for (Issued from : issued) {
      for (Issued to : issued) {
        if (from != to) {
          assertRefusedBeforeAnyRequest(to.resume(), from.token(), from.name() + " → " + to.name());
        }
      }
    }
    Issued list = issued.get(0);
    Issued globalIndex = issued.get(2);
    Issued localIndex = issued.get(3);
    QueryOptions withList = QueryOptions.builder().startToken(list.token()).build();
    // another partition, another range, another index partition
    assertRefusedBeforeAnyRequest(
        t -> members.list(List.of("Secretive"), List.of(), withList), list.token(), "partition");
    assertRefusedBeforeAnyRequest(
        t -> members.list(List.of("Rich"), List.of("0"), withList), list.token(), "range");
    assertRefusedBeforeAnyRequest(
        t -> members.listBetween(List.of("Rich"), List.of("00"), List.of("99"), withList),
        list.token(),
        "list → listBetween");
    assertRefusedBeforeAnyRequest(
        t ->
            members
                .index("by-team")
                .list(List.of("team-0"), List.of(), QueryOptions.builder().startToken(t).build()),
        globalIndex.token(),
        "index partition");
    assertRefusedBeforeAnyRequest(
        t ->
            members
                .index("by-rank")
                .list(
                    List.of("Secretive"), List.of(), QueryOptions.builder().startToken(t).build()),
        localIndex.token(),
        "local index partition");
    // the same calls on another table (same key), and on this table with another key
    for (DynamoRepository<Member> other :
        List.of(repository(otherTable, KEY), repository(table, OTHER_KEY))) {
      List<Issued> theirs = tokensOfEveryKind(other); // the same calls, in the same order
      for (int i = 0; i < issued.size(); i++) {
        Issued mine = issued.get(i);
        assertRefusedBeforeAnyRequest(
            theirs.get(i).resume(), mine.token(), mine.name() + " elsewhere");
      }
    }
    // another content type in the same table and partition
    DynamoRepository<Member> otherType =
        RepositoryFixture.sync(Member.class, table, client)
            .contentType("member2")
            .tokenKey(KEY)
            .build();
    assertRefusedBeforeAnyRequest(
        t -> otherType.list(List.of("Rich"), List.of(), withList), list.token(), "content type");
  }

  @Test
  void aTokenForgedWithAKnownKeyOrInTheUnsealedFormatFailsBeforeAnyRequest() throws Exception {
    // the forger holds a key of their own: tokens sealed with it name any position they like
    DynamoRepository<Member> forgersRepository = repository(table, OTHER_KEY);
    Issued forged = tokensOfEveryKind(forgersRepository).get(0);
    assertRefusedBeforeAnyRequest(tokensOfEveryKind(members).get(0).resume(), forged.token(), "");
    // the unsealed format of earlier versions, with a correct SHA-256 check, inside the range
    String unsealed = unsealedToken("test#members#Rich", "member#09-hidden-user-9@example.com");
    int before = counter.requests.get();
    assertThatThrownBy(
            () ->
                members.list(
                    List.of("Rich"),
                    List.of(),
                    QueryOptions.builder().startToken(unsealed).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("unsealed token of an earlier version")
        .hasMessageContaining("start again without a startToken");
    assertThat(counter.requests.get()).isEqualTo(before);
  }

  @Test
  void decodingATokenShowsNoKeyValueEvenOfAnItemTheFilterLeftOut() {
    // pages of 3 with a filter: a page can end on an item the filter excluded (ids 00, 03, 06, 09)
    List<BatchResponse<Member>> pages =
        members
            .list(
                List.of("Secretive"),
                List.of(),
                QueryOptions.builder()
                    .pageSize(3)
                    .filter(FilterCommand.builder().equalTo("hidden", false).build())
                    .build())
            .toList();
    List<String> tokens = new ArrayList<>();
    pages.forEach(p -> p.nextToken().ifPresent(tokens::add));
    tokens.addAll(tokensOfEveryKind(members).stream().map(Issued::token).toList());
    assertThat(tokens).hasSizeGreaterThan(8);
    for (String token : tokens) {
      String decoded =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
      for (String value :
          List.of("Secretive", "Rich", "hidden", "example.com", "members", "member#", "team-")) {
        assertThat(decoded).doesNotContain(value);
      }
    }
  }

  @Test
  void repositoriesSharingATokenKeyResumeEachOthersTokens() {
    String token =
        first(members.list(List.of("Rich"), List.of(), QueryOptions.builder().pageSize(4).build()));
    try (DynamoDbClient elsewhere =
        LocalDynamoDb.shared().newClient(ClientOverrideConfiguration.builder().build())) {
      DynamoRepository<Member> otherInstance =
          RepositoryFixture.sync(Member.class, table, elsewhere).tokenKey(KEY).build();
      assertThat(
              otherInstance
                  .listContents(
                      List.of("Rich"), List.of(), QueryOptions.builder().startToken(token).build())
                  .map(c -> c.contentIds().get(0).substring(0, 2))
                  .toList())
          .containsExactly("04", "05", "06", "07", "08", "09", "10", "11");
    }
  }

  @Test
  void anAsyncRepositoryRefusesAnAlteredTokenBeforeAnyRequest() {
    AsyncDynamoRepository<Member> async =
        RepositoryFixture.async(Member.class, table, asyncClient).tokenKey(KEY).build();
    String token = tokensOfEveryKind(members).get(0).token();
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    bytes[bytes.length - 1] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    int before = counter.requests.get();
    assertThatThrownBy(
            () ->
                async.list(
                    List.of("Rich"), List.of(), QueryOptions.builder().startToken(altered).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("altered");
    assertThatThrownBy(() -> async.scan(ScanOptions.builder().startToken(altered).build()))
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageContaining("query of the table itself");
    assertThat(counter.requests.get()).isEqualTo(before);
  }

  /** A list token as versions before sealing made it. */
  private static String unsealedToken(String partitionKey, String sortKey) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF(partitionKey);
      out.writeUTF(sortKey);
    }
    byte[] payload = bytes.toByteArray();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("pydantic-dynamo token".getBytes(StandardCharsets.UTF_8));
    byte[] token = Arrays.copyOf(payload, payload.length + 8);
    System.arraycopy(sha.digest(payload), 0, token, payload.length, 8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }
}
