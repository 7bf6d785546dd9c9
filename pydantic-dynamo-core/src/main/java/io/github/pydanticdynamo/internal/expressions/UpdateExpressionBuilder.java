package io.github.pydanticdynamo.internal.expressions;

import static io.github.pydanticdynamo.internal.item.ItemCodec.TIMESTAMP;
import static io.github.pydanticdynamo.internal.item.ItemCodec.TTL;
import static io.github.pydanticdynamo.internal.item.ItemCodec.VERSION;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.UpdateCommand.Action;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.mapping.AttributePath;
import io.github.pydanticdynamo.internal.mapping.ItemMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Validates an {@link UpdateCommand} against the model and renders its UpdateItem expressions. */
public final class UpdateExpressionBuilder {
  private static final AttributeValue ZERO = AttributeValue.fromN("0");
  private static final AttributeValue ONE = AttributeValue.fromN("1");
  private static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());

  private UpdateExpressionBuilder() {}

  /**
   * Renders the command plus what every update sets ({@code _timestamp}, {@code _object_version}
   * one higher). The command is not changed, so it can be reused.
   *
   * @param partitionKeyName the partition key attribute (for the existence condition)
   * @param now the update's timestamp
   * @param createMaps dotted paths of merged maps to set whole (they are missing or NULL)
   * @param nullTargets dotted paths of increment/append targets stored as NULL (they start from
   *     zero / empty)
   */
  public static UpdatePlan render(
      UpdateCommand command,
      ItemMapper<?> mapper,
      String partitionKeyName,
      Instant now,
      Set<String> createMaps,
      Set<String> nullTargets) {
    return render(command, mapper, partitionKeyName, now, createMaps, nullTargets, null);
  }

  /**
   * The same, also setting {@code _write_id} to {@code writeId} when it is not null (the write id
   * of an update with an exact outcome, see {@code internal.operations.ExactWrites}).
   */
  public static UpdatePlan render(
      UpdateCommand command,
      ItemMapper<?> mapper,
      String partitionKeyName,
      Instant now,
      Set<String> createMaps,
      Set<String> nullTargets,
      @Nullable String writeId) {
    if (command.actions().isEmpty() && command.expiryChange() == UpdateCommand.ExpiryChange.KEEP) {
      throw new InvalidCommandException(
          "the update command changes nothing; add set, merge, increment, append, remove or expiry");
    }
    ExpressionContext ctx = new ExpressionContext();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    List<List<String>> touched = new ArrayList<>();

    for (Action action : command.actions()) {
      AttributePath path = mapper.schema().resolve(action.path());
      if (action instanceof UpdateCommand.Set set) {
        touch(touched, path.segments(), action);
        if (set.value() == null && !mapper.storesNulls()) {
          removes.add(ctx.path(path.segments()));
        } else {
          sets.add(
              ctx.path(path.segments())
                  + " = "
                  + ctx.value(mapper.toAttributeValue(path, set.value())));
        }
      } else if (action instanceof UpdateCommand.Remove) {
        touch(touched, path.segments(), action);
        removes.add(ctx.path(path.segments()));
      } else if (action instanceof UpdateCommand.Increment increment) {
        if (path.kind() != AttributePath.Kind.INTEGRAL) {
          throw new InvalidCommandException(
              "increment of '"
                  + path.dotted()
                  + "' needs an integral attribute (int, long, BigInteger…); it is "
                  + describe(path));
        }
        touch(touched, path.segments(), action);
        String name = ctx.path(path.segments());
        boolean fromNull = nullTargets.contains(path.dotted());
        String start = fromNull ? "" : ctx.value(ZERO);
        String amount = ctx.value(AttributeValue.fromN(Long.toString(increment.amount())));
        sets.add(
            fromNull
                ? name + " = " + amount
                : name + " = if_not_exists(" + name + ", " + start + ") + " + amount);
      } else if (action instanceof UpdateCommand.Append append) {
        if (path.kind() != AttributePath.Kind.LIST) {
          throw new InvalidCommandException(
              "append to '"
                  + path.dotted()
                  + "' needs a list attribute; it is "
                  + describe(path)
                  + (path.kind() == AttributePath.Kind.SET ? " (use set to replace a set)" : ""));
        }
        touch(touched, path.segments(), action);
        List<AttributeValue> elements = new ArrayList<>(append.values().size());
        for (Object element : append.values()) {
          elements.add(mapper.toElementAttributeValue(path, element));
        }
        String name = ctx.path(path.segments());
        boolean fromNull = nullTargets.contains(path.dotted());
        String start = fromNull ? "" : ctx.value(EMPTY_LIST);
        String list = ctx.value(AttributeValue.fromL(elements));
        sets.add(
            fromNull
                ? name + " = " + list
                : name
                    + " = list_append(if_not_exists("
                    + name
                    + ", "
                    + start
                    + "), "
                    + list
                    + ")");
      } else if (action instanceof UpdateCommand.Merge merge) {
        renderMerge(merge, path, mapper, ctx, sets, removes, conditions, touched, createMaps);
      }
    }

    switch (command.expiryChange()) {
      case SET ->
          sets.add(
              ctx.name(TTL)
                  + " = "
                  + ctx.value(
                      AttributeValue.fromN(
                          Long.toString(command.expiry().orElseThrow().getEpochSecond()))));
      case CLEAR -> removes.add(ctx.name(TTL));
      case KEEP -> {}
    }
    sets.add(ctx.name(TIMESTAMP) + " = " + ctx.value(ItemCodec.timestamp(now)));
    if (writeId != null) {
      sets.add(ctx.name(ItemCodec.WRITE_ID) + " = " + ctx.value(AttributeValue.fromS(writeId)));
    }
    String version = ctx.name(VERSION);
    // An existing item without a version reads as version 1, so it moves to 2; a created one is 1.
    String base = ctx.value(command.requireExists() ? ONE : ZERO);
    sets.add(version + " = if_not_exists(" + version + ", " + base + ") + " + ctx.value(ONE));

    if (command.requireExists()) {
      conditions.add(0, "attribute_exists(" + ctx.name(partitionKeyName) + ")");
    }
    if (command.currentVersion().isPresent()) {
      long expected = command.currentVersion().getAsLong();
      String value = ctx.value(AttributeValue.fromN(Long.toString(expected)));
      conditions.add(
          expected == 1
              ? "(" + version + " = " + value + " OR attribute_not_exists(" + version + "))"
              : version + " = " + value);
    }

    StringBuilder expression = new StringBuilder("SET ").append(String.join(", ", sets));
    if (!removes.isEmpty()) {
      expression.append(" REMOVE ").append(String.join(", ", removes));
    }
    return new UpdatePlan(
        expression.toString(),
        conditions.isEmpty() ? null : String.join(" AND ", conditions),
        ctx.names(),
        ctx.values());
  }

  private static void renderMerge(
      UpdateCommand.Merge merge,
      AttributePath path,
      ItemMapper<?> mapper,
      ExpressionContext ctx,
      List<String> sets,
      List<String> removes,
      List<String> conditions,
      List<List<String>> touched,
      Set<String> createMaps) {
    boolean create = createMaps.contains(path.dotted());
    AttributePath.Kind kind = path.kind();
    if (kind != AttributePath.Kind.MAP
        && kind != AttributePath.Kind.OBJECT
        && kind != AttributePath.Kind.ANY) {
      throw new InvalidCommandException(
          "merge into '"
              + path.dotted()
              + "' needs a map or nested record attribute; it is "
              + describe(path)
              + " (use set to replace it)");
    }
    if (merge.entries().isEmpty()) {
      throw new InvalidCommandException(
          "merge into '" + path.dotted() + "' has no entries; pass at least one key");
    }
    Map<String, AttributeValue> converted = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> entry : merge.entries().entrySet()) {
      AttributePath entryPath = child(mapper, path, entry.getKey());
      touch(touched, entryPath.segments(), merge);
      if (entry.getValue() != null || mapper.storesNulls()) {
        // toAttributeValue writes null as NULL, as the Python format stores null values.
        converted.put(entry.getKey(), mapper.toAttributeValue(entryPath, entry.getValue()));
      } else if (!create) {
        removes.add(ctx.path(entryPath.segments()));
      }
    }
    String name = ctx.path(path.segments());
    if (create) {
      sets.add(name + " = " + ctx.value(AttributeValue.fromM(converted)));
      conditions.add(FilterExpressionBuilder.absentOrNull(name, ctx));
      return;
    }
    for (Map.Entry<String, AttributeValue> entry : converted.entrySet()) {
      List<String> segments = new ArrayList<>(path.segments());
      segments.add(entry.getKey());
      sets.add(ctx.path(segments) + " = " + ctx.value(entry.getValue()));
    }
  }

  private static AttributePath child(ItemMapper<?> mapper, AttributePath parent, String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidCommandException(
          "merge into '" + parent.dotted() + "' has an empty key; map keys must not be empty");
    }
    return mapper.schema().child(parent, key);
  }

  private static void touch(List<List<String>> touched, List<String> segments, Action action) {
    for (List<String> earlier : touched) {
      if (startsWith(earlier, segments) || startsWith(segments, earlier)) {
        throw new InvalidCommandException(
            "the update touches '"
                + String.join(".", segments)
                + "' twice (or a path and its parent: '"
                + String.join(".", earlier)
                + "'); DynamoDB rejects overlapping paths. Combine them into one action ("
                + action.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + ").");
      }
    }
    touched.add(segments);
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static String describe(AttributePath path) {
    return path.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + path.type().getRawClass().getSimpleName()
        + ")";
  }
}
