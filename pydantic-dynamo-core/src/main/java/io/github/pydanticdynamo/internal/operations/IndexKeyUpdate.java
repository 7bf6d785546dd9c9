package io.github.pydanticdynamo.internal.operations;

import io.github.pydanticdynamo.InvalidCommandException;
import io.github.pydanticdynamo.UpdateCommand;
import io.github.pydanticdynamo.internal.expressions.ExpressionContext;
import io.github.pydanticdynamo.internal.item.IndexKeyCodec;
import io.github.pydanticdynamo.internal.item.ItemCodec;
import io.github.pydanticdynamo.internal.mapping.AttributePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The index key attributes an update rewrites, in the same atomic UpdateItem: a key whose sources
 * the command sets is set to the key composed from the new values (removed when one is null, so the
 * item leaves the index); a key whose sources it does not touch is left as stored. A command that
 * touches only some sources of one key, or changes one in a way whose result is unknown before the
 * write (increment, append, merge), is refused before any request.
 */
final class IndexKeyUpdate {
  private IndexKeyUpdate() {}

  /** The request with the index key assignments joined in. */
  static UpdateItemRequest apply(
      UpdateItemRequest request, UpdateCommand command, ItemCodec<?> codec) {
    if (codec.indexKeys().isEmpty()) {
      return request;
    }
    Map<String, UpdateCommand.Action> touched = new LinkedHashMap<>();
    for (UpdateCommand.Action action : command.actions()) {
      AttributePath path = codec.mapper().schema().resolve(action.path());
      touched.putIfAbsent(path.segments().get(0), action);
    }
    ExpressionContext ctx = new ExpressionContext("#x", ":x");
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    for (IndexKeyCodec index : codec.indexKeys().all()) {
      String partitionKey = index.index().partitionKey();
      if (partitionKey != null) {
        key(
            index,
            partitionKey,
            index.index().partitionIds(),
            index::partitionKey,
            touched,
            codec,
            ctx,
            sets,
            removes);
      }
      key(
          index,
          index.index().sortKey(),
          index.index().contentIds(),
          index::sortKey,
          touched,
          codec,
          ctx,
          sets,
          removes);
    }
    if (sets.isEmpty() && removes.isEmpty()) {
      return request; // no index source touched: the request stays as rendered
    }
    String expression = request.updateExpression();
    if (!sets.isEmpty()) {
      // the rendered update always starts with its SET clause (_timestamp, _object_version)
      expression = "SET " + String.join(", ", sets) + ", " + expression.substring("SET ".length());
    }
    if (!removes.isEmpty()) {
      int remove = expression.indexOf(" REMOVE ");
      expression =
          remove < 0
              ? expression + " REMOVE " + String.join(", ", removes)
              : expression.substring(0, remove + " REMOVE ".length())
                  + String.join(", ", removes)
                  + ", "
                  + expression.substring(remove + " REMOVE ".length());
    }
    Map<String, String> names = new HashMap<>(request.expressionAttributeNames());
    names.putAll(ctx.names());
    Map<String, AttributeValue> values = new HashMap<>(request.expressionAttributeValues());
    values.putAll(ctx.values());
    return request.toBuilder()
        .updateExpression(expression)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .build();
  }

  private static void key(
      IndexKeyCodec index,
      String attribute,
      List<String> sources,
      Function<List<String>, String> compose,
      Map<String, UpdateCommand.Action> touched,
      ItemCodec<?> codec,
      ExpressionContext ctx,
      List<String> sets,
      List<String> removes) {
    List<String> changed = sources.stream().filter(touched::containsKey).toList();
    if (!sources.isEmpty() && changed.isEmpty()) {
      return; // untouched: the stored key stays right
    }
    if (changed.size() < sources.size()) {
      throw new InvalidCommandException(
          "the update changes "
              + changed
              + " but not "
              + sources.stream().filter(s -> !touched.containsKey(s)).toList()
              + ", and index '"
              + index.index().name()
              + "' composes its key "
              + attribute
              + " from all of "
              + sources
              + "; set every one of them in the same update (read the item first for the values"
              + " that stay), so the new key is written with the change");
    }
    List<String> values = new ArrayList<>(sources.size());
    boolean absent = false;
    for (String source : sources) {
      UpdateCommand.Action action = touched.get(source);
      if (action instanceof UpdateCommand.Set set) {
        if (set.value() == null) {
          absent = true;
        } else {
          AttributePath path = codec.mapper().schema().resolve(source);
          values.add(
              String.valueOf(
                  IndexKeyCodec.text(codec.mapper().toAttributeValue(path, set.value()))));
        }
      } else if (action instanceof UpdateCommand.Remove) {
        absent = true;
      } else {
        throw new InvalidCommandException(
            "the update "
                + action.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + "s '"
                + source
                + "', a source of index '"
                + index.index().name()
                + "' key "
                + attribute
                + ", whose new value is not known before the write; set it to its new value"
                + " instead, so the new key is written with it");
      }
    }
    String name = ctx.name(attribute);
    if (absent) {
      removes.add(name);
    } else {
      sets.add(name + " = " + ctx.value(AttributeValue.fromS(compose.apply(values))));
    }
  }
}
