package io.github.pydanticdynamo.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The property names set under {@code pydantic-dynamo.entities}, to find unknown settings. */
final class EntitySettingNames {
  private static final ConfigurationPropertyName ENTITIES =
      ConfigurationPropertyName.of(PydanticDynamoProperties.PREFIX + ".entities");

  private final List<ConfigurationPropertyName> names;

  EntitySettingNames(List<ConfigurationPropertyName> names) {
    this.names = List.copyOf(names);
  }

  /** Leaves out environment variables: FILM_ACTOR_TABLE_NAME cannot say where the key ends. */
  static EntitySettingNames of(Environment environment) {
    Set<ConfigurationPropertyName> found = new LinkedHashSet<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable
          && !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
        iterable.filter(ENTITIES::isAncestorOf).stream().forEach(found::add);
      }
    }
    return new EntitySettingNames(new ArrayList<>(found));
  }

  static EntitySettingNames none() {
    return new EntitySettingNames(List.of());
  }

  /** The first name that is no setting of an entity, or null. */
  @Nullable ConfigurationPropertyName firstUnknown() {
    Set<String> valid =
        PydanticDynamoProperties.Entity.settingNames().stream()
            .map(PydanticDynamoProperties::normalize)
            .collect(Collectors.toSet());
    for (ConfigurationPropertyName name : names) {
      if (name.getNumberOfElements() < 4) {
        continue;
      }
      boolean known =
          name.getNumberOfElements() == 4
              && valid.contains(
                  PydanticDynamoProperties.normalize(name.getElement(3, Form.UNIFORM)));
      if (!known) {
        return name;
      }
    }
    return null;
  }
}
