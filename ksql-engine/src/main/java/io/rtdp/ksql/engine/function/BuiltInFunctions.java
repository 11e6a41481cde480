package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.function.builtin.*;
import java.util.List;

/** The engine's own functions; they are plain UDF API classes, loaded like extension jars. */
final class BuiltInFunctions {
  static final List<Class<?>> CLASSES = List.of(
      Abs.class, Acos.class, ArrayConcat.class, ArrayContains.class, ArrayDistinct.class, ArrayExcept.class,
      ArrayIntersect.class, ArrayJoin.class, ArrayLength.class, ArrayMax.class, ArrayMin.class,
      ArrayRemove.class, ArraySort.class, ArrayUnion.class, Asin.class, AsMap.class, AsValue.class,
      Atan.class, Atan2.class, Attr.class, Avg.class, BigintFromBytes.class, Cbrt.class, Ceil.class,
      Chr.class, Coalesce.class, CollectList.class, CollectSet.class, Concat.class, ConcatWs.class,
      ConvertTz.class, Correlation.class, Cos.class, Cosh.class, Cot.class, Count.class, CountDistinct.class,
      CubeExplode.class, DateAdd.class, DateSub.class, DateToString.class, Degrees.class, DoubleFromBytes.class,
      EarliestByOffset.class, Elt.class, Encode.class, Entries.class, Exp.class, Explode.class,
      ExtractJsonField.class, Field.class, Filter.class, Floor.class, FormatDate.class, FormatTime.class,
      FormatTimestamp.class, FromBytes.class, FromDays.class, FromUnixTime.class, GenerateSeries.class,
      GeoDistance.class, Greatest.class, Histogram.class, IfNull.class, Initcap.class, Instr.class,
      IntFromBytes.class, IsJsonString.class, JsonArrayContains.class, JsonArrayLength.class,
      JsonConcat.class, JsonItems.class, JsonKeys.class, JsonRecords.class, LatestByOffset.class, Lcase.class,
      Least.class, Len.class, Ln.class, Log.class, Lpad.class, MapKeys.class, MapUnion.class, MapValues.class,
      Mask.class, MaskKeepLeft.class, MaskKeepRight.class, MaskLeft.class, MaskRight.class, Max.class,
      Md5.class, Min.class, NullIf.class, ParseDate.class, ParseTime.class, ParseTimestamp.class, Pi.class,
      Power.class, Radians.class, Random.class, Reduce.class, RegexpExtract.class, RegexpExtractAll.class,
      RegexpReplace.class, RegexpSplitToArray.class, Replace.class, Round.class, Rpad.class, Sign.class,
      Sin.class, Sinh.class, Slice.class, Split.class, SplitToMap.class, Sqrt.class, StddevSamp.class,
      StddevSample.class, StringToDate.class, StringToTimestamp.class, Substring.class, Sum.class,
      SumList.class, Tan.class, Tanh.class, TimeAdd.class, TimestampAdd.class, TimestampSub.class,
      TimestampToString.class, TimeSub.class, ToBytes.class, ToJsonString.class, TopK.class,
      TopKDistinct.class, Transform.class, Trim.class, Trunc.class, Ucase.class, UnixDate.class,
      UnixTimestamp.class, UrlDecodeParam.class, UrlEncodeParam.class, UrlExtractFragment.class,
      UrlExtractHost.class, UrlExtractParameter.class, UrlExtractPath.class, UrlExtractPort.class,
      UrlExtractProtocol.class, UrlExtractQuery.class, Uuid.class);

  private BuiltInFunctions() {}
}
