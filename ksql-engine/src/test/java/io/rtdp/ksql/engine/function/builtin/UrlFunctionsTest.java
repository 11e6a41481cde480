package io.rtdp.ksql.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlFunctionsTest {
  private static final String URL = "https://user@example.com:8080/a%20b/c?one=1&two=x%20y&flag#frag%21";

  @Test
  void extractsTheDecodedComponents() {
    assertThat(new UrlExtractProtocol().urlExtractProtocol(URL)).isEqualTo("https");
    assertThat(new UrlExtractHost().urlExtractHost(URL)).isEqualTo("example.com");
    assertThat(new UrlExtractPort().urlExtractPort(URL)).isEqualTo(8080);
    assertThat(new UrlExtractPath().urlExtractPath(URL)).isEqualTo("/a b/c");
    assertThat(new UrlExtractQuery().urlExtractQuery(URL)).isEqualTo("one=1&two=x y&flag");
    assertThat(new UrlExtractFragment().urlExtractFragment(URL)).isEqualTo("frag!");
  }

  @Test
  void missingComponentsAreNull() {
    String bare = "www.example.com";
    assertThat(new UrlExtractProtocol().urlExtractProtocol(bare)).isNull();
    assertThat(new UrlExtractPort().urlExtractPort("http://example.com")).isNull();
    assertThat(new UrlExtractQuery().urlExtractQuery("http://example.com/p")).isNull();
    assertThat(new UrlExtractFragment().urlExtractFragment("http://example.com/p")).isNull();
    assertThat(new UrlExtractPath().urlExtractPath("http://example.com?q")).isEmpty();
    assertThat(new UrlExtractHost().urlExtractHost(null)).isNull();
  }

  @Test
  void parameters() {
    UrlExtractParameter p = new UrlExtractParameter();
    assertThat(p.urlExtractParameter(URL, "two")).isEqualTo("x y");
    assertThat(p.urlExtractParameter(URL, "flag")).isEmpty();
    assertThat(p.urlExtractParameter(URL, "three")).isNull();
    assertThat(p.urlExtractParameter(URL, null)).isNull();
    assertThat(p.urlExtractParameter("http://example.com", "one")).isNull();
  }

  @Test
  void malformedUrlsAreRejected() {
    assertThatThrownBy(() -> new UrlExtractHost().urlExtractHost("http://a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formEncodingRoundTrips() {
    assertThat(new UrlEncodeParam().urlEncodeParam("?foo $bar")).isEqualTo("%3Ffoo+%24bar");
    assertThat(new UrlDecodeParam().urlDecodeParam("%3Ffoo+%24bar")).isEqualTo("?foo $bar");
    assertThat(new UrlEncodeParam().urlEncodeParam(null)).isNull();
    assertThat(new UrlDecodeParam().urlDecodeParam(null)).isNull();
  }
}
