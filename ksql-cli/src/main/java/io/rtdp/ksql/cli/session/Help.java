package io.rtdp.ksql.cli.session;

import java.io.PrintWriter;

/** The text {@code help} prints: what can be typed, and what the CLI does with it. */
final class Help {
  private Help() {}

  static void print(PrintWriter out) {
    out.println("""

        Statements end with ';' and may span several lines; they go to the KSQL server:
          CREATE STREAM | TABLE ... ;          CREATE STREAM | TABLE ... AS SELECT ... ;
          INSERT INTO ... VALUES | SELECT ... ; DROP STREAM | TABLE ... ;   TERMINATE <query id>;
          SHOW | LIST STREAMS | TABLES | TOPICS | QUERIES | FUNCTIONS | PROPERTIES | TYPES [EXTENDED];
          DESCRIBE <name> [EXTENDED];  DESCRIBE FUNCTION <name>;  EXPLAIN <query id | statement>;
          SELECT ... EMIT CHANGES [LIMIT n];   push query: rows appear as they arrive, Ctrl-C stops it
          SELECT ... [LIMIT n];                pull query: the current state, then back to the prompt
          PRINT '<topic>' [FROM BEGINNING] [INTERVAL n] [LIMIT n];   the topic's raw records

        Kept by the CLI and sent with every request:
          SET '<property>'='<value>';   UNSET '<property>';   e.g. SET 'auto.offset.reset'='earliest';
          DEFINE <name> = '<value>';    UNDEFINE <name>;      SHOW VARIABLES;   use as ${name}

        CLI commands (';' optional, case-insensitive):
          help                         this text
          run script '<file>'          send the file's statements to the server as one request
          output [TABULAR | JSON]      show or change how results are printed
          set cli output TABULAR|JSON  the same
          set cli wrap ON|OFF          wrap long values of query rows, or cut them with '...'
          set cli column-width <n>     width of query result columns (0: share the terminal's width)
          server [<url>]               show the server, or switch to another one
          history                      the statements typed before (also with the arrow keys, Ctrl-R)
          clear                        clear the screen
          version                      the CLI's version
          exit | quit | Ctrl-D         leave the CLI
        """);
  }
}
