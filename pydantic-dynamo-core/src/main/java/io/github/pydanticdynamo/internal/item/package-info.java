/**
 * The item codec: a content to its whole stored item and back. {@code ItemCodec} adds the keys
 * ({@code KeyCodec}: partition {@code prefix#name#id…}, sort {@code type#id…}; in the standard
 * format ids are escaped so any string round-trips, with the Python library's bytes for ids without
 * {@code %} or {@code #}; in the Python format they are joined raw and writes refuse ids that would
 * not read back), the reserved attributes {@code _object_version}, {@code _timestamp} and {@code
 * _ttl}, runs bean validation when a validator is configured ({@code BeanValidation}, loaded only
 * then), rejects items over DynamoDB's 400 KB and reads the expiry back, hiding expired items when
 * asked. Sizes ({@code AttributeSize}) follow <a
 * href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">DynamoDB
 * item sizes</a>: names and strings count their UTF-8 bytes, numbers about one byte per two
 * significant digits plus one, binaries their bytes, booleans and nulls one byte, lists and maps
 * three bytes plus one per element. Secondary index keys ({@code IndexKeys}, one {@code
 * IndexKeyCodec} per index) are composed from the model's own top-level values like the table's
 * from ids, and left out when a source is null. A projection codec ({@code ItemCodec.projection},
 * checked by {@code ProjectionCheck}) reads a smaller record from only its attributes ({@code
 * ReadProjection}) while filters stay checked against the entity. Pure: nothing here sends a
 * request.
 */
@NullMarked
package io.github.pydanticdynamo.internal.item;

import org.jspecify.annotations.NullMarked;
