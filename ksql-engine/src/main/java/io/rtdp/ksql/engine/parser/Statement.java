package io.rtdp.ksql.engine.parser;

import io.rtdp.ksql.engine.schema.SqlType;
import java.util.List;
import java.util.Map;

/** Immutable statement nodes of SPEC §1. */
public sealed interface Statement {
  Pos pos();

  /** Column declaration in CREATE STREAM/TABLE; {@code headerKey} set for {@code HEADER('k')}. */
  record TableElement(Pos pos, String name, SqlType type, Constraint constraint, String headerKey) {
    public enum Constraint { NONE, KEY, PRIMARY_KEY, HEADERS, HEADER }
  }

  record CreateSource(Pos pos, boolean table, boolean orReplace, boolean readOnlySource, boolean ifNotExists,
      String name, List<TableElement> elements, Map<String, Expression> properties) implements Statement {
    public CreateSource {
      elements = List.copyOf(elements);
      properties = Map.copyOf(properties);
    }
  }

  record CreateAsSelect(Pos pos, boolean table, boolean orReplace, boolean ifNotExists, String name,
      Map<String, Expression> properties, Query query) implements Statement {
    public CreateAsSelect {
      properties = Map.copyOf(properties);
    }
  }

  record InsertInto(Pos pos, String target, Map<String, Expression> properties, Query query) implements Statement {
    public InsertInto {
      properties = Map.copyOf(properties);
    }
  }

  /** {@code columns} is empty when the statement lists no columns. */
  record InsertValues(Pos pos, String target, List<String> columns, List<Expression> values) implements Statement {
    public InsertValues {
      columns = List.copyOf(columns);
      values = List.copyOf(values);
    }
  }

  record QueryStatement(Pos pos, Query query) implements Statement {}

  record DropSource(Pos pos, boolean table, boolean ifExists, String name, boolean deleteTopic) implements Statement {}

  record RegisterType(Pos pos, boolean ifNotExists, String name, SqlType type) implements Statement {}

  record DropType(Pos pos, boolean ifExists, String name) implements Statement {}

  record AlterSource(Pos pos, boolean table, String name, List<TableElement> addedColumns) implements Statement {
    public AlterSource {
      addedColumns = List.copyOf(addedColumns);
    }
  }

  /** SHOW/LIST of {@code what} (STREAMS, TABLES, TOPICS, QUERIES, FUNCTIONS, PROPERTIES, TYPES, VARIABLES). */
  record ListEntities(Pos pos, String what, boolean extended, boolean all) implements Statement {}

  record DescribeSource(Pos pos, String name, boolean extended) implements Statement {}

  record DescribeSources(Pos pos, boolean tables, boolean extended) implements Statement {}

  record DescribeFunction(Pos pos, String name) implements Statement {}

  /** Either {@code queryId} or {@code statement} is set. */
  record Explain(Pos pos, String queryId, Statement statement) implements Statement {}

  /** {@code queryId} is null for TERMINATE ALL. */
  record Terminate(Pos pos, String queryId) implements Statement {}

  record SetProperty(Pos pos, String name, String value) implements Statement {}

  record UnsetProperty(Pos pos, String name) implements Statement {}

  record DefineVariable(Pos pos, String name, String value) implements Statement {}

  record UndefineVariable(Pos pos, String name) implements Statement {}
}
