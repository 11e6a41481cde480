package io.rtdp.ksql.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskFunctionsTest {
  private static final String INPUT = "Ab1-cD2";

  @Test
  void maskReplacesEveryCharacterClass() {
    assertThat(new Mask().mask(INPUT)).isEqualTo("Xxn-xXn");
    assertThat(new Mask().mask(INPUT, "U", "l", "#", "*")).isEqualTo("Ul#*lU#");
    assertThat(new Mask().mask(null)).isNull();
  }

  @Test
  void aNullReplacementLeavesThatClassUnmasked() {
    assertThat(new Mask().mask(INPUT, null, "l", null, "*")).isEqualTo("Al1*lD2");
  }

  @Test
  void partialMasksCoverTheRightRange() {
    assertThat(new MaskLeft().maskLeft(INPUT, 3)).isEqualTo("Xxn-cD2");
    assertThat(new MaskRight().maskRight(INPUT, 3)).isEqualTo("Ab1-xXn");
    assertThat(new MaskKeepLeft().maskKeepLeft(INPUT, 3)).isEqualTo("Ab1-xXn");
    assertThat(new MaskKeepRight().maskKeepRight(INPUT, 3)).isEqualTo("Xxn-cD2");
    assertThat(new MaskLeft().maskLeft(INPUT, 2, "U", "l", "#", "*")).isEqualTo("Ul1-cD2");
  }

  @Test
  void countsBeyondTheLengthAreCapped() {
    assertThat(new MaskLeft().maskLeft(INPUT, 50)).isEqualTo("Xxn-xXn");
    assertThat(new MaskKeepRight().maskKeepRight(INPUT, 50)).isEqualTo(INPUT);
    assertThat(new MaskRight().maskRight(INPUT, 0)).isEqualTo(INPUT);
  }

  @Test
  void nullOrNegativeCounts() {
    assertThat(new MaskKeepLeft().maskKeepLeft(INPUT, null)).isNull();
    assertThat(new MaskRight().maskRight(null, 2)).isNull();
    assertThatThrownBy(() -> new MaskLeft().maskLeft(INPUT, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
