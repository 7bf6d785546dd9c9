package io.github.pydanticdynamo.spring.boot.autoconfigure;

import io.github.pydanticdynamo.TableLayout;
import java.util.List;
import java.util.stream.Collectors;

/** A table and the entities stored in it (all with the same layout, the catalog checks). */
record EntityTable(String name, TableLayout layout, List<DynamoEntityDefinition> entities) {

  /** The entities' simple names for messages: {@code FilmActor and ActorReview}. */
  String entityNames() {
    List<String> names = entities.stream().map(DynamoEntityDefinition::simpleName).toList();
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }

  /** The settings the key names come from, distinct, for messages. */
  String keySettings() {
    return entities.stream()
        .map(DynamoEntityDefinition::keySettings)
        .distinct()
        .collect(Collectors.joining("; "));
  }
}
