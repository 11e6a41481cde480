package io.rtdp.ksql.engine;

/** A valid ksqlDB statement using a feature this engine does not implement yet. */
public class UnsupportedFeatureException extends KsqlException {
  public UnsupportedFeatureException(String message) {
    super(message);
  }
}
