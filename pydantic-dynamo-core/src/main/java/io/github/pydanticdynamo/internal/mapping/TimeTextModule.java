package io.github.pydanticdynamo.internal.mapping;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetTimeSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes Instant, OffsetDateTime, LocalDateTime, LocalTime and OffsetTime as {@link TimeText}
 * (Python's isoformat) in place of the Java time module's own serializers; a {@code @JsonFormat} or
 * config override on a type or property, and any other serializer, is left as it was.
 */
final class TimeTextModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module's id: registered once per mapper. */
  static final String NAME = "io.github.pydanticdynamo.TimeText";

  private static final Map<Class<?>, Function<Object, String>> TEXTS =
      Map.of(
          InstantSerializer.class, v -> TimeText.instant((Instant) v),
          OffsetDateTimeSerializer.class, v -> TimeText.offsetDateTime((OffsetDateTime) v),
          LocalDateTimeSerializer.class, v -> TimeText.localDateTime((LocalDateTime) v),
          LocalTimeSerializer.class, v -> TimeText.localTime((LocalTime) v),
          OffsetTimeSerializer.class, v -> TimeText.offsetTime((OffsetTime) v));

  TimeTextModule() {
    super(NAME);
    setSerializerModifier(
        new BeanSerializerModifier() {
          private static final long serialVersionUID = 1L;

          @Override
          public JsonSerializer<?> modifySerializer(
              SerializationConfig config, BeanDescription description, JsonSerializer<?> found) {
            Function<Object, String> text = TEXTS.get(found.getClass());
            return text == null ? found : new TimeTextSerializer(found, text);
          }
        });
  }

  @Override
  public Object getTypeId() {
    return NAME;
  }

  /** One time type's serializer: the text, unless a format override asks for Jackson's own. */
  static final class TimeTextSerializer extends StdSerializer<Object>
      implements ContextualSerializer {
    private static final long serialVersionUID = 1L;

    private final JsonSerializer<?> jackson;
    private final transient Function<Object, String> text;

    @SuppressWarnings("unchecked")
    TimeTextSerializer(JsonSerializer<?> jackson, Function<Object, String> text) {
      super((Class<Object>) jackson.handledType());
      this.jackson = jackson;
      this.text = text;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      JsonFormat.Value format = findFormatOverrides(provider, property, handledType());
      if (format == null || isPlain(format)) {
        return this;
      }
      return jackson instanceof ContextualSerializer c
          ? c.createContextual(provider, property)
          : jackson;
    }

    /** No pattern, shape, zone, locale or feature asked for: the default text. */
    private static boolean isPlain(JsonFormat.Value format) {
      JsonFormat.Shape shape = format.getShape();
      return !format.hasPattern()
          && !format.hasLocale()
          && !format.hasTimeZone()
          && (shape == JsonFormat.Shape.ANY || shape == JsonFormat.Shape.STRING)
          && format.getFeatures().equals(JsonFormat.Features.empty());
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType typeHint)
        throws JsonMappingException {
      visitStringFormat(visitor, typeHint);
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(text.apply(value));
    }

    @Override
    public void serializeWithType(
        Object value,
        JsonGenerator generator,
        SerializerProvider provider,
        TypeSerializer typeSerializer)
        throws IOException {
      WritableTypeId id =
          typeSerializer.writeTypePrefix(
              generator, typeSerializer.typeId(value, JsonToken.VALUE_STRING));
      serialize(value, generator, provider);
      typeSerializer.writeTypeSuffix(generator, id);
    }
  }
}
