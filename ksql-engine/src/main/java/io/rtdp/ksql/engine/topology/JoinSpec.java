package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Query;
import java.util.List;

/** A planned left-deep join chain: the left-most source joined with each step's source in turn. */
public record JoinSpec(DataSource left, List<Step> steps) {
  public JoinSpec {
    steps = List.copyOf(steps);
  }

  /**
   * One join. {@code leftKey} computes the join value from the rows joined so far and
   * {@code rightKey} from the step's own rows; null means that side is already keyed by it.
   * {@code foreignKey} marks a table-table join whose left side joins on a non-key expression.
   * {@code leftWidth} is the width of the rows joined so far, {@code rightWidth} of this source's rows.
   */
  public record Step(DataSource right, Query.JoinType type, Evaluator leftKey, Evaluator rightKey, boolean foreignKey,
      Query.JoinWindow within, int leftWidth, int rightWidth) {}

  /** Width of a fully joined row: every side's row plus one join-key slot per step. */
  public int width() {
    Step last = steps.get(steps.size() - 1);
    return last.leftWidth() + last.rightWidth() + 1;
  }
}
