package io.github.pydanticdynamo.internal.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeSizeTests {

  private static long size(String name, AttributeValue value) {
    return AttributeSize.itemSize(Map.of(name, value));
  }

  @Test
  void stringsCountTheUtf8BytesOfNameAndValue() {
    assertThat(size("name", AttributeValue.fromS("Tom"))).isEqualTo(4 + 3);
    assertThat(size("é", AttributeValue.fromS(""))).isEqualTo(2);
    assertThat(size("k", AttributeValue.fromS("é✓\uD83C\uDFAC"))).isEqualTo(1 + 2 + 3 + 4);
  }

  @Test
  void numbersCountOneBytePerTwoSignificantDigitsPlusOne() {
    assertThat(size("n", AttributeValue.fromN("12345"))).isEqualTo(1 + 4);
    assertThat(size("n", AttributeValue.fromN("123456"))).isEqualTo(1 + 4);
    assertThat(size("n", AttributeValue.fromN("-0.000123"))).isEqualTo(1 + 3);
    assertThat(size("n", AttributeValue.fromN("1200"))).isEqualTo(1 + 2);
    assertThat(size("n", AttributeValue.fromN("1.0E300"))).isEqualTo(1 + 2);
    assertThat(size("n", AttributeValue.fromN("0"))).isEqualTo(1 + 2);
    assertThat(size("n", AttributeValue.fromN("12345678901234567890123456789012345678")))
        .isEqualTo(1 + 20);
  }

  @Test
  void binariesCountTheirRawBytes() {
    assertThat(size("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))))
        .isEqualTo(1 + 3);
  }

  @Test
  void booleansAndNullsCountOneByte() {
    assertThat(size("flag", AttributeValue.fromBool(true))).isEqualTo(4 + 1);
    assertThat(size("gone", AttributeValue.fromNul(true))).isEqualTo(4 + 1);
  }

  @Test
  void listsAndMapsCountThreeBytesPlusOnePerElement() {
    assertThat(size("l", AttributeValue.fromL(List.of()))).isEqualTo(1 + 3);
    assertThat(size("m", AttributeValue.fromM(Map.of()))).isEqualTo(1 + 3);
    assertThat(
            size(
                "l",
                AttributeValue.fromL(
                    List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1")))))
        .isEqualTo(1 + 3 + (1 + 1) + (2 + 1));
    assertThat(size("m", AttributeValue.fromM(Map.of("key", AttributeValue.fromS("v")))))
        .isEqualTo(1 + 3 + (3 + 1 + 1));
    AttributeValue nested =
        AttributeValue.fromM(
            Map.of("inner", AttributeValue.fromL(List.of(AttributeValue.fromBool(false)))));
    assertThat(size("m", nested)).isEqualTo(1 + 3 + (5 + (3 + 1 + 1) + 1));
  }

  @Test
  void setsCountTheSumOfTheirElements() {
    assertThat(size("ss", AttributeValue.fromSs(List.of("a", "bc")))).isEqualTo(2 + 3);
    assertThat(size("ns", AttributeValue.fromNs(List.of("1", "22", "333")))).isEqualTo(2 + 7);
    assertThat(
            size(
                "bs",
                AttributeValue.fromBs(
                    List.of(
                        SdkBytes.fromByteArray(new byte[2]), SdkBytes.fromByteArray(new byte[5])))))
        .isEqualTo(2 + 7);
  }

  @Test
  void anItemIsTheSumOfItsAttributes() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS("films#actors#tom"));
    item.put("views", AttributeValue.fromN("42"));
    item.put("active", AttributeValue.fromBool(true));

    assertThat(AttributeSize.itemSize(item)).isEqualTo((2 + 16) + (5 + 2) + (6 + 1));
  }

  @Test
  void a400KilobyteItemIsOverTheLimitAndA300KilobyteItemIsUnder() {
    Map<String, AttributeValue> over =
        Map.of(
            "pk", AttributeValue.fromS("k"), "body", AttributeValue.fromS("x".repeat(400 * 1024)));
    Map<String, AttributeValue> under =
        Map.of(
            "pk", AttributeValue.fromS("k"), "body", AttributeValue.fromS("é".repeat(150 * 1024)));

    assertThat(AttributeSize.itemSize(over)).isGreaterThan(AttributeSize.MAX_ITEM_BYTES);
    assertThat(AttributeSize.itemSize(under)).isEqualTo(3 + 4 + 300 * 1024);
    assertThat(AttributeSize.itemSize(under)).isLessThan(AttributeSize.MAX_ITEM_BYTES);
    assertThat(AttributeSize.MAX_ITEM_BYTES).isEqualTo(409_600);
  }

  @Test
  void theBoundIsNeverBelowTheExactSizeAndExactForPlainAscii() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("é✓", AttributeValue.fromS("é✓\uD83C\uDFAC\uD800x"));
    item.put("n", AttributeValue.fromN("-0.000123e5"));
    item.put("ns", AttributeValue.fromNs(List.of("1200", "0", "12345678901234567890")));
    item.put("ss", AttributeValue.fromSs(List.of("a", "ü")));
    item.put(
        "m",
        AttributeValue.fromM(
            Map.of(
                "✓",
                AttributeValue.fromL(
                    List.of(
                        AttributeValue.fromS("\uD83C\uDFAC"), AttributeValue.fromBool(true))))));
    item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));

    assertThat(AttributeSize.itemSizeBound(item))
        .isGreaterThanOrEqualTo(AttributeSize.itemSize(item));
    Map<String, AttributeValue> ascii = Map.of("name", AttributeValue.fromS("Tom"));
    assertThat(AttributeSize.itemSizeBound(ascii)).isEqualTo(3 * AttributeSize.itemSize(ascii));
  }
}
