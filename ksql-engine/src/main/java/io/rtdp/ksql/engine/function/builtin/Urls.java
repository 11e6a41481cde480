package io.rtdp.ksql.engine.function.builtin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

/** Shared by the URL_EXTRACT_* functions: a component of a URL as parsed by {@link URI}. */
final class Urls {
  private Urls() {}

  static <T> T extract(String url, Function<URI, T> component) {
    if (url == null) {
      return null;
    }
    try {
      return component.apply(new URI(url));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("URL input has invalid syntax: " + url, e);
    }
  }
}
