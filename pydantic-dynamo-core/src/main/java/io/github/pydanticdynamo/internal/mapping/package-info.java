/**
 * The mapping wing: a model (a record or bean) to DynamoDB attributes and back, and command values
 * to attribute values. Not a public API; it changes without notice. Nothing here depends on the
 * repositories, their operations or drivers: arrows run from them to {@link ItemMapper} and on
 * down, never back.
 *
 * <h2>Where each concern lives</h2>
 *
 * <ul>
 *   <li><b>Dispatch.</b> {@link ItemMapper} is the face the rest of core uses. Each model gets a
 *       {@link ModelSchema} (its attributes, which resolves the dotted paths of commands) and, when
 *       it is a plain record, a compiled record plan; every call goes to the plan first and to the
 *       Jackson path when the plan hands the value over.
 *   <li><b>Jackson configuration.</b> {@code JacksonConfiguration} sets up the ObjectMapper (a
 *       configured copy of the caller's: java.time, Jdk8, parameter names, Blackbird; ISO-8601
 *       dates with zone ids; unknown properties ignored). {@code ModelSchemaBuilder} builds the
 *       schema from the mapper's serializers and checks Jackson can read the model back.
 *   <li><b>The Jackson path</b>, the reference: {@code AttributeGenerator} turns Jackson's tokens
 *       into attribute values (one {@code GeneratorFrame} per open object or array, telling records
 *       from maps and sets from lists), {@code AttributeParser} turns attribute values into tokens.
 *   <li><b>The record plan.</b> {@code PlanCompiler} decides whether a model gets a plan and builds
 *       it: method handles for record accessors and canonical constructors, and one {@code
 *       ValueCodec} per property type family ({@code ScalarCodecs}, {@code NumberCodecs}, {@code
 *       TextCodec}, {@code EnumCodec}, {@code ListCodec}, {@code SetCodec}, {@code MapCodec},
 *       {@code RecordCodec}), as the Enhanced Client has one AttributeConverter per type. {@code
 *       RecordPlan} runs it.
 *   <li><b>Stored-form rules both paths share.</b> {@code StoredValues}: constant values, the
 *       syntax and range of DynamoDB numbers, why a number cannot be stored. {@code
 *       MappingMessages}: how failures name a value, a type, a path and Jackson's reason. {@code
 *       NameSet}: the reserved names an item's model ignores. {@link StoredForm} compares two items
 *       by what they store as.
 * </ul>
 *
 * <h2>Stored forms</h2>
 *
 * <p>Writing: strings are {@code S}, booleans {@code BOOL}, every number {@code N} (exact; NaN and
 * infinities are rejected), {@code byte[]} and ByteBuffer {@code B}, records, beans and maps {@code
 * M}, lists, arrays and other collections {@code L}. A {@code Set} of strings (or of values Jackson
 * writes as strings: enums, UUIDs…) is {@code SS}, of numbers {@code NS}, of bytes {@code BS}; an
 * empty set is omitted (DynamoDB rejects empty sets) and a set of anything else is an {@code L}.
 * UUID and java.time values are ISO-8601 strings; Instant, OffsetDateTime, LocalDateTime, LocalTime
 * and OffsetTime as Python's {@code isoformat()} writes them ({@code TimeText}, put in place of the
 * Java time module's serializers by {@code TimeTextModule} unless a format is asked for). Record
 * and bean properties that are null or empty optionals are omitted; nulls inside maps and lists are
 * kept as {@code NULL}. In the Python storage format ({@link
 * io.github.pydanticdynamo.StorageFormat#PYTHON}) null properties are {@code NULL} too and every
 * set is an {@code L} (an empty one {@code L []}), as the Python library writes them.
 *
 * <p>Reading is the reverse, in both formats: {@code NULL} properties read as absent, absent (or
 * {@code NULL}) set properties as empty sets, sets stored as lists as sets, attributes the model
 * does not know are ignored, and numbers are converted exactly to the property's type. In {@code
 * Object}, {@code Map<String, Object>} and other untyped positions numbers read back as Jackson
 * reads JSON numbers: {@code Integer}, {@code Long} or {@code BigInteger} by magnitude for whole
 * numbers and {@code BigDecimal} for the others. {@code -0.0} reads back as {@code 0.0}, as
 * DynamoDB has no negative zero.
 *
 * <p>Numbers are written exactly as Java prints them ({@code Double.toString}, {@code
 * BigDecimal.toString}: {@code 1.0E300}, {@code 1E+3}); DynamoDB's own limits (38 significant
 * digits, magnitudes from 1E-130 to below 1E+126) are left to DynamoDB to enforce. An empty set
 * inside a map or list is an empty {@code L}, so the entry keeps its place; sets below {@code
 * Object} or {@code JsonNode} properties are lists, as their type is unknown. A value DynamoDB
 * cannot store (a NaN or infinite number, a set holding null) is an {@link
 * UnstorableValueException} naming its path and the fix: {@code 'scores.imdb' is NaN: DynamoDB
 * numbers must be finite; store it as null or a string}.
 *
 * <pre>{@code
 * ItemMapper<FilmActor> mapper = ItemMapper.create(FilmActor.class, null, Set.of("_ttl"));
 * Map<String, AttributeValue> attributes = mapper.toAttributes(actor);
 * FilmActor back = mapper.fromAttributes(attributes);
 * AttributePath city = mapper.schema().resolve("address.city"); // STRING, type String
 * AttributePath imdb = mapper.schema().resolve("scores.imdb"); // a Map<String, Double> value
 * }</pre>
 *
 * <h2>The record plan</h2>
 *
 * <p>Plain records are mapped by a plan compiled once per model instead of Jackson's per-call and
 * per-property machinery. A plan exists only when Jackson would map the record in its default way:
 * no Jackson (or {@code java.beans}) annotations on the record or its parts, no mix-ins, naming
 * strategy, config overrides, custom serializers or deserializers, and only these property types:
 * String, primitives and their boxes, BigDecimal, BigInteger, enums, UUID, Instant, LocalDate,
 * nested records of the same kind, {@code List}/{@code Collection}, {@code Set}s of strings, whole
 * numbers, UUIDs or enums, and {@code Map}s with String keys. Anything else keeps the Jackson path,
 * and {@link ItemMapper#noPlanReason()} says why (also in a debug log line). The Jackson path stays
 * the reference: the plan writes exactly what it would write and reads exactly what it would read,
 * and for anything out of the ordinary (NaN, a number out of range, a null in a set, an attribute
 * of an unexpected type, a non-canonical number or date) it gives up, and the item is mapped
 * through Jackson instead, which writes the value or reports the problem as always.
 */
@NullMarked
package io.github.pydanticdynamo.internal.mapping;

import org.jspecify.annotations.NullMarked;
