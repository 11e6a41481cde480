package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.Locale;

@UdfDescription(name = "GEO_DISTANCE", category = "MATHEMATICAL",
    description = "Great-circle distance between two lat/lon points, in km (default) or miles.")
public class GeoDistance {
  private static final double EARTH_RADIUS_KM = 6371;
  private static final double EARTH_RADIUS_MILES = 3959;

  @Udf
  public Double geoDistance(@UdfParameter("lat1") Double lat1, @UdfParameter("lon1") Double lon1,
      @UdfParameter("lat2") Double lat2, @UdfParameter("lon2") Double lon2) {
    return geoDistance(lat1, lon1, lat2, lon2, "KM");
  }

  @Udf
  public Double geoDistance(@UdfParameter("lat1") Double lat1, @UdfParameter("lon1") Double lon1,
      @UdfParameter("lat2") Double lat2, @UdfParameter("lon2") Double lon2, @UdfParameter("units") String units) {
    if (lat1 == null || lon1 == null || lat2 == null || lon2 == null || units == null) {
      return null;
    }
    double radius = switch (units.toLowerCase(Locale.ROOT)) {
      case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> EARTH_RADIUS_KM;
      case "mi", "mile", "miles" -> EARTH_RADIUS_MILES;
      default -> throw new IllegalArgumentException("GeoDistance function units parameter must be one of "
          + "MI, MILES, KM or KILOMETERS. Values are case-insensitive. Got: " + units);
    };
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * radius * Math.asin(Math.sqrt(a));
  }
}
