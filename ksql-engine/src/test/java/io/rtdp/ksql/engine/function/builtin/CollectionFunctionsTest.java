package io.rtdp.ksql.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtdp.ksql.engine.schema.KsqlStruct;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionFunctionsTest {
  private static final List<Integer> LEFT = Arrays.asList(3, 1, 3, null, 2, null);
  private static final List<Integer> RIGHT = Arrays.asList(2, 4, null, 4);

  @Test
  void setOperationsAreDistinctInFirstSeenOrder() {
    assertThat(new ArrayDistinct().arrayDistinct(LEFT)).containsExactly(3, 1, null, 2);
    assertThat(new ArrayUnion().arrayUnion(LEFT, RIGHT)).containsExactly(3, 1, null, 2, 4);
    assertThat(new ArrayIntersect().arrayIntersect(LEFT, RIGHT)).containsExactly(null, 2);
    assertThat(new ArrayExcept().arrayExcept(LEFT, RIGHT)).containsExactly(3, 1);
  }

  @Test
  void setOperationsPropagateNull() {
    assertThat(new ArrayDistinct().arrayDistinct(null)).isNull();
    assertThat(new ArrayUnion().arrayUnion(LEFT, null)).isNull();
    assertThat(new ArrayIntersect().arrayIntersect(null, RIGHT)).isNull();
    assertThat(new ArrayExcept().arrayExcept(LEFT, null)).isNull();
  }

  @Test
  void concatKeepsDuplicatesAndTakesTheOtherSideOfANull() {
    ArrayConcat concat = new ArrayConcat();
    assertThat(concat.arrayConcat(List.of(1, 2), List.of(2, 3))).containsExactly(1, 2, 2, 3);
    assertThat(concat.arrayConcat(null, List.of(2))).containsExactly(2);
    assertThat(concat.arrayConcat(List.of(1), null)).containsExactly(1);
    assertThat(concat.arrayConcat(null, null)).isNull();
  }

  @Test
  void sliceIsOneBasedAndInclusive() {
    Slice slice = new Slice();
    List<String> abc = List.of("a", "b", "c");
    assertThat(slice.slice(abc, 2, 3)).containsExactly("b", "c");
    assertThat(slice.slice(abc, 1, 1)).containsExactly("a");
    assertThat(slice.slice(abc, 2, 1)).isEmpty();
    assertThat(slice.slice(abc, 0, 2)).isNull();
    assertThat(slice.slice(abc, 2, 4)).isNull();
    assertThat(slice.slice(abc, null, 2)).isNull();
    assertThat(slice.slice(null, 1, 2)).isNull();
  }

  @Test
  void asMapZipsKeysWithValues() {
    Map<String, Integer> zipped = new AsMap().asMap(List.of("a", "b"), List.of(1));
    assertThat(zipped).containsOnlyKeys("a", "b").containsEntry("a", 1);
    assertThat(zipped.get("b")).isNull();
    assertThat(new AsMap().asMap(List.of("a"), null)).isNull();
  }

  @Test
  void mapUnionLetsTheSecondMapWinAndTreatsOneNullAsEmpty() {
    Map<String, Integer> merged = new MapUnion().mapUnion(Map.of("a", 1, "b", 2), Map.of("b", 3, "c", 4));
    assertThat(merged).isEqualTo(Map.of("a", 1, "b", 3, "c", 4));
    assertThat(new MapUnion().mapUnion(null, Map.of("a", 1))).isEqualTo(Map.of("a", 1));
    assertThat(new MapUnion().mapUnion(Map.of("a", 1), null)).isEqualTo(Map.of("a", 1));
    assertThat(new MapUnion().mapUnion(null, null)).isNull();
  }

  @Test
  void entriesAreStructsOptionallySortedByKey() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("b", 2);
    map.put("a", 1);
    List<KsqlStruct> sorted = new Entries().entriesInt(map, true);
    assertThat(sorted).extracting(s -> s.get("K")).containsExactly("a", "b");
    assertThat(sorted).extracting(s -> s.get("V")).containsExactly(1, 2);
    assertThat(new Entries().entriesString(Map.of("x", "y"), false).get(0).schema().toString())
        .contains("K", "V", "STRING");
    assertThat(new Entries().entriesInt(map, false)).extracting(s -> s.get("K")).containsExactly("b", "a");
    assertThat(new Entries().entriesInt(null, true)).isNull();
  }
}
