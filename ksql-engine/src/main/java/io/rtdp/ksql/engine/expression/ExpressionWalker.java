package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Expression.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Finds sub-expressions, e.g. the aggregate calls of a projection. */
public final class ExpressionWalker {
  private ExpressionWalker() {}

  /** Matching nodes, outermost first; the children of a match are not searched. */
  public static List<Expression> find(Expression root, Predicate<Expression> match) {
    List<Expression> out = new ArrayList<>();
    walk(root, match, out);
    return out;
  }

  private static void walk(Expression e, Predicate<Expression> match, List<Expression> out) {
    if (e == null) {
      return;
    }
    if (match.test(e)) {
      out.add(e);
      return;
    }
    for (Expression child : children(e)) {
      walk(child, match, out);
    }
  }

  public static List<Expression> children(Expression e) {
    List<Expression> c = new ArrayList<>();
    if (e instanceof Dereference d) {
      c.add(d.base());
    } else if (e instanceof Subscript s) {
      c.add(s.base());
      c.add(s.index());
    } else if (e instanceof FunctionCall f) {
      c.addAll(f.args());
    } else if (e instanceof Lambda l) {
      c.add(l.body());
    } else if (e instanceof Arithmetic a) {
      c.add(a.left());
      c.add(a.right());
    } else if (e instanceof Negation n) {
      c.add(n.value());
    } else if (e instanceof Concatenation x) {
      c.add(x.left());
      c.add(x.right());
    } else if (e instanceof Comparison x) {
      c.add(x.left());
      c.add(x.right());
    } else if (e instanceof And x) {
      c.add(x.left());
      c.add(x.right());
    } else if (e instanceof Or x) {
      c.add(x.left());
      c.add(x.right());
    } else if (e instanceof Not n) {
      c.add(n.value());
    } else if (e instanceof Between b) {
      c.add(b.value());
      c.add(b.lower());
      c.add(b.upper());
    } else if (e instanceof InList in) {
      c.add(in.value());
      c.addAll(in.list());
    } else if (e instanceof Like l) {
      c.add(l.value());
      c.add(l.pattern());
    } else if (e instanceof IsNull n) {
      c.add(n.value());
    } else if (e instanceof DistinctFrom d) {
      c.add(d.left());
      c.add(d.right());
    } else if (e instanceof Case k) {
      if (k.operand() != null) {
        c.add(k.operand());
      }
      k.whens().forEach(w -> {
        c.add(w.condition());
        c.add(w.result());
      });
      if (k.elseValue() != null) {
        c.add(k.elseValue());
      }
    } else if (e instanceof Cast x) {
      c.add(x.value());
    } else if (e instanceof ArrayConstructor a) {
      c.addAll(a.elements());
    } else if (e instanceof MapConstructor m) {
      m.entries().forEach(en -> {
        c.add(en.key());
        c.add(en.value());
      });
    } else if (e instanceof StructConstructor s) {
      s.fields().forEach(f -> c.add(f.value()));
    }
    return c;
  }
}
