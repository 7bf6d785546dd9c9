/**
 * pydantic-dynamo for Java: typed repositories of Java records over one DynamoDB table.
 *
 * <h2>Model</h2>
 *
 * A record is the stored model; Jackson 2 maps it (annotations honoured), Bean Validation checks it
 * before writes when a validator is configured.
 *
 * <pre>{@code
 * @DynamoEntity(contentType = "review", partitionName = "reviews")
 * public record ActorReview(String id, String actorId, Instant created, String review) {}
 * }</pre>
 *
 * <h2>Repository</h2>
 *
 * <pre>{@code
 * DynamoRepository<ActorReview> reviews = DynamoRepository.builder(ActorReview.class)
 *     .client(DynamoDbClient.create())
 *     .tableName("app-table")
 *     .partitionPrefix("films")
 *     .build();
 *
 * reviews.put(PartitionedContent.of(List.of("tom-hanks"), List.of(ContentIds.of(created)), review));
 *
 * // newest ten reviews of one actor, then the next ten
 * QueryOptions newest = QueryOptions.builder().ascending(false).limit(10).build();
 * BatchResponse<ActorReview> page = reviews.list(List.of("tom-hanks"), List.of(), newest)
 *     .findFirst().orElseThrow();
 * page.nextToken().ifPresent(token ->
 *     reviews.list(List.of("tom-hanks"), List.of(), newest.toBuilder().startToken(token).build()));
 *
 * // optimistic update
 * reviews.update(List.of("tom-hanks"), List.of(ContentIds.of(created)),
 *     UpdateCommand.builder().set("review", "Still great").currentVersion(1).build());
 * }</pre>
 *
 * <h2>Asynchronous repository</h2>
 *
 * {@link io.github.pydanticdynamo.AsyncDynamoRepository} returns futures, and reactive-streams
 * publishers of pages for queries and batch reads; its {@code collect…} methods gather a bounded
 * query into one list without a subscriber.
 *
 * <pre>{@code
 * AsyncDynamoRepository<ActorReview> reviews = AsyncDynamoRepository.builder(ActorReview.class)
 *     .client(DynamoDbAsyncClient.create())
 *     .tableName("app-table")
 *     .partitionPrefix("films")
 *     .build();
 * CompletableFuture<List<PartitionedContent<ActorReview>>> latest =
 *     reviews.collectList(List.of("tom-hanks"), List.of(), 10);
 * }</pre>
 *
 * <p>Keys are {@code prefix#partitionName#partitionIds…} and {@code contentType#contentIds…}, byte
 * for byte as the Python library writes them (ids holding {@code #} or {@code %} are escaped), so
 * tables the Python library wrote stay readable. {@link io.github.pydanticdynamo.ContentIds} turns
 * times into ids that sort in time order, as the Python library writes them.
 *
 * <h2>Beyond key access</h2>
 *
 * Exact deletes ({@code deleteItem}, {@code deleteBatch}), conditional writes ({@code put} and
 * {@code update} with a {@link io.github.pydanticdynamo.FilterCommand} condition, failing with
 * {@link io.github.pydanticdynamo.ConditionFailedException}), scans ({@link
 * io.github.pydanticdynamo.ScanOptions}: segments, limits, tokens), secondary indexes ({@link
 * io.github.pydanticdynamo.DynamoIndex}, {@code index(name)}) and projections ({@code
 * projection(Type)}).
 *
 * <pre>{@code
 * reviews.deleteItem(List.of("tom-hanks"), List.of(created.toString()), 2);
 * reviews.index("by-reviewer").listContents(List.of("alice"), List.of());
 * reviews.scan(ScanOptions.builder().parallel(8).build()).forEach(page -> export(page.items()));
 * }</pre>
 *
 * <h2>Table</h2>
 *
 * {@link io.github.pydanticdynamo.TableLayout} describes the table a repository needs (string
 * partition and sort keys, the {@code _ttl} attribute for time to live) and builds the requests
 * that create it.
 *
 * <pre>{@code
 * client.createTable(TableLayout.of("PK", "SK").createTableRequest("app-table"));
 * }</pre>
 *
 * <h2>Sharing a table with Python services</h2>
 *
 * With {@link io.github.pydanticdynamo.StorageFormat#PYTHON} a repository writes exactly what the
 * Python library writes: raw ids, {@code NULL} for null properties, sets as lists. Dates and times
 * are Python's {@code isoformat()} text in both formats.
 *
 * <pre>{@code
 * DynamoRepository.builder(ActorReview.class).storageFormat(StorageFormat.PYTHON)
 * }</pre>
 */
@NullMarked
package io.github.pydanticdynamo;

import org.jspecify.annotations.NullMarked;
