/*
 * ksqlDB's statement dialect (see shared/ksql-compat/SPEC.md §1), written for rtdp.
 * Keywords are case-insensitive; identifiers keep their case here and are normalised by the
 * AST builder (unquoted upper-cased, quoted kept as written).
 */
grammar Ksql;

options { caseInsensitive = true; }

statements
    : (statement ';')* EOF
    ;

singleExpression
    : expression EOF
    ;

singleType
    : type EOF
    ;

statement
    : query                                                                  # queryStatement
    | (LIST | SHOW) STREAMS EXTENDED?                                        # listStreams
    | (LIST | SHOW) TABLES EXTENDED?                                         # listTables
    | (LIST | SHOW) ALL? TOPICS EXTENDED?                                    # listTopics
    | (LIST | SHOW) QUERIES EXTENDED?                                        # listQueries
    | (LIST | SHOW) FUNCTIONS                                                # listFunctions
    | (LIST | SHOW) PROPERTIES                                               # listProperties
    | (LIST | SHOW) TYPES                                                    # listTypes
    | (LIST | SHOW) VARIABLES                                                # listVariables
    | DESCRIBE FUNCTION identifier                                           # describeFunction
    | DESCRIBE (STREAMS | TABLES) EXTENDED?                                  # describeSources
    | DESCRIBE sourceName EXTENDED?                                          # describeSource
    | EXPLAIN (statement | identifier)                                       # explain
    | TERMINATE (identifier | ALL)                                           # terminateQuery
    | SET name=STRING EQ value=STRING                                        # setProperty
    | UNSET name=STRING                                                      # unsetProperty
    | DEFINE identifier EQ STRING                                            # defineVariable
    | UNDEFINE identifier                                                    # undefineVariable
    | CREATE (OR REPLACE)? SOURCE? STREAM (IF NOT EXISTS)? sourceName
        tableElements? (WITH tableProperties)?                               # createStream
    | CREATE (OR REPLACE)? STREAM (IF NOT EXISTS)? sourceName
        (WITH tableProperties)? AS query                                     # createStreamAs
    | CREATE (OR REPLACE)? SOURCE? TABLE (IF NOT EXISTS)? sourceName
        tableElements? (WITH tableProperties)?                               # createTable
    | CREATE (OR REPLACE)? TABLE (IF NOT EXISTS)? sourceName
        (WITH tableProperties)? AS query                                     # createTableAs
    | INSERT INTO sourceName (WITH tableProperties)? query                   # insertInto
    | INSERT INTO sourceName columns? VALUES values                          # insertValues
    | DROP STREAM (IF EXISTS)? sourceName (DELETE TOPIC)?                    # dropStream
    | DROP TABLE (IF EXISTS)? sourceName (DELETE TOPIC)?                     # dropTable
    | CREATE TYPE (IF NOT EXISTS)? identifier AS type                        # registerType
    | DROP TYPE (IF EXISTS)? identifier                                      # dropType
    | ALTER (STREAM | TABLE) sourceName alterOption (',' alterOption)*       # alterSource
    ;

query
    : SELECT selectItem (',' selectItem)*
      FROM relation
      windowExpression?
      (WHERE where=booleanExpression)?
      (GROUP BY groupBy)?
      (PARTITION BY partitionBy)?
      (HAVING having=booleanExpression)?
      (EMIT resultMaterialization)?
      limitClause?
    ;

resultMaterialization
    : CHANGES
    | FINAL
    ;

limitClause
    : LIMIT INTEGER_VALUE
    ;

alterOption
    : ADD COLUMN? identifier type
    ;

tableElements
    : '(' tableElement (',' tableElement)* ')'
    ;

tableElement
    : identifier type columnConstraints?
    ;

columnConstraints
    : PRIMARY? KEY
    | HEADERS
    | HEADER '(' STRING ')'
    ;

tableProperties
    : '(' tableProperty (',' tableProperty)* ')'
    ;

tableProperty
    : (identifier | STRING) EQ literal
    ;

columns
    : '(' identifier (',' identifier)* ')'
    ;

values
    : '(' (expression (',' expression)*)? ')'
    ;

selectItem
    : expression (AS? identifier)?                                          # selectSingle
    | primaryExpression STRUCT_FIELD_REF ASTERISK                           # selectStructAll
    | identifier '.' ASTERISK                                               # selectAll
    | ASTERISK                                                              # selectAll
    ;

relation
    : aliasedRelation joinedSource*
    ;

joinedSource
    : joinType JOIN aliasedRelation joinWindow? joinCriteria
    ;

joinType
    : INNER?                                                                # innerJoin
    | FULL OUTER?                                                           # outerJoin
    | LEFT OUTER?                                                           # leftJoin
    | RIGHT OUTER?                                                          # rightJoin
    ;

joinWindow
    : WITHIN withinExpression
    ;

withinExpression
    : '(' joinWindowSize ',' joinWindowSize ')' gracePeriodClause?          # joinWindowWithBeforeAndAfter
    | joinWindowSize gracePeriodClause?                                      # singleJoinWindow
    ;

joinWindowSize
    : number windowUnit
    ;

joinCriteria
    : ON booleanExpression
    ;

aliasedRelation
    : sourceName (AS? identifier)?
    ;

sourceName
    : identifier
    ;

windowExpression
    : WINDOW (tumblingWindowExpression | hoppingWindowExpression | sessionWindowExpression)
    ;

tumblingWindowExpression
    : TUMBLING '(' SIZE number windowUnit (',' retentionClause)? (',' gracePeriodClause)? ')'
    ;

hoppingWindowExpression
    : HOPPING '(' SIZE number windowUnit ',' ADVANCE BY number windowUnit
      (',' retentionClause)? (',' gracePeriodClause)? ')'
    ;

sessionWindowExpression
    : SESSION '(' number windowUnit (',' retentionClause)? (',' gracePeriodClause)? ')'
    ;

retentionClause
    : RETENTION number windowUnit
    ;

gracePeriodClause
    : GRACE PERIOD number windowUnit
    ;

windowUnit
    : DAY | HOUR | MINUTE | SECOND | MILLISECOND
    | DAYS | HOURS | MINUTES | SECONDS | MILLISECONDS
    ;

groupBy
    : valueExpression (',' valueExpression)*
    | '(' (valueExpression (',' valueExpression)*)? ')'
    ;

partitionBy
    : valueExpression (',' valueExpression)*
    | '(' (valueExpression (',' valueExpression)*)? ')'
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : predicated                                                            # booleanDefault
    | NOT booleanExpression                                                 # logicalNot
    | left=booleanExpression operator=AND right=booleanExpression           # logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression            # logicalBinary
    ;

predicated
    : valueExpression predicate?
    ;

predicate
    : comparisonOperator right=valueExpression                              # comparison
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression         # between
    | NOT? IN '(' expression (',' expression)* ')'                          # inList
    | NOT? LIKE pattern=valueExpression (ESCAPE escape=STRING)?             # like
    | IS NOT? NULL                                                          # nullPredicate
    | IS NOT? DISTINCT FROM right=valueExpression                           # distinctFrom
    ;

valueExpression
    : primaryExpression                                                     # valueExpressionDefault
    | operator=(MINUS | PLUS) valueExpression                               # arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression  # arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression    # arithmeticBinary
    | left=valueExpression CONCAT right=valueExpression                     # concatenation
    ;

primaryExpression
    : literal                                                               # literalExpression
    | CASE operand=valueExpression whenClause+ (ELSE elseExpression=expression)? END  # simpleCase
    | CASE whenClause+ (ELSE elseExpression=expression)? END               # searchedCase
    | CAST '(' expression AS type ')'                                       # cast
    | ARRAY '[' (expression (',' expression)*)? ']'                         # arrayConstructor
    | MAP '(' (expression ASSIGN expression (',' expression ASSIGN expression)*)? ')'  # mapConstructor
    | STRUCT '(' (identifier ASSIGN expression (',' identifier ASSIGN expression)*)? ')'  # structConstructor
    | identifier '(' ASTERISK ')'                                           # functionCall
    | identifier '(' (functionArgument (',' functionArgument)*)? ')'        # functionCall
    | base=primaryExpression '[' index=valueExpression ']'                  # subscript
    | identifier                                                            # columnReference
    | identifier '.' identifier                                            # qualifiedColumnReference
    | base=primaryExpression STRUCT_FIELD_REF fieldName=identifier          # dereference
    | '(' expression ')'                                                    # parenthesizedExpression
    ;

functionArgument
    : lambdaFunction
    | expression
    | windowUnit
    ;

lambdaFunction
    : identifier LAMBDA_EXPRESSION expression
    | '(' identifier (',' identifier)* ')' LAMBDA_EXPRESSION expression
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

literal
    : NULL                                                                  # nullLiteral
    | number                                                                # numericLiteral
    | (TRUE | FALSE)                                                        # booleanLiteral
    | STRING                                                                # stringLiteral
    ;

number
    : MINUS? DECIMAL_VALUE                                                  # decimalLiteral
    | MINUS? FLOATING_POINT_VALUE                                           # floatLiteral
    | MINUS? INTEGER_VALUE                                                  # integerLiteral
    ;

type
    : ARRAY '<' type '>'
    | MAP '<' type ',' type '>'
    | STRUCT '<' (identifier type (',' identifier type)*)? '>'
    | DECIMAL '(' typeParameter ',' typeParameter ')'
    | baseType ('(' typeParameter (',' typeParameter)* ')')?
    ;

typeParameter
    : INTEGER_VALUE
    | 'STRING'
    ;

baseType
    : identifier
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

identifier
    : IDENTIFIER                                                            # unquotedIdentifier
    | QUOTED_IDENTIFIER                                                     # quotedIdentifier
    | BACKQUOTED_IDENTIFIER                                                 # backQuotedIdentifier
    | DIGIT_IDENTIFIER                                                      # digitIdentifier
    | nonReserved                                                           # unquotedIdentifier
    ;

nonReserved
    : SHOW | TABLES | COLUMNS | COLUMN | PARTITIONS | FUNCTIONS | FUNCTION | SESSION
    | STRUCT | MAP | ARRAY | PARTITION | INTEGER | DATE | TIME | TIMESTAMP | INTERVAL
    | ZONE | ADD | ALTER | SET | RESET | UNSET | DEFINE | UNDEFINE | VARIABLES
    | IF | SOURCE | KEY | PRIMARY | HEADERS | HEADER | TYPE | TYPES | TOPIC | TOPICS
    | STREAMS | QUERIES | PROPERTIES | EXTENDED | REPLACE | DELETE | DECIMAL
    | DAY | HOUR | MINUTE | SECOND | MILLISECOND | DAYS | HOURS | MINUTES | SECONDS | MILLISECONDS
    | SIZE | ADVANCE | RETENTION | GRACE | PERIOD | TUMBLING | HOPPING | CHANGES | FINAL
    | LIST | DESCRIBE | EXPLAIN | TERMINATE | ALL | 'STRING'
    ;

SELECT: 'SELECT';
FROM: 'FROM';
AS: 'AS';
ALL: 'ALL';
DISTINCT: 'DISTINCT';
WHERE: 'WHERE';
WITHIN: 'WITHIN';
WINDOW: 'WINDOW';
GROUP: 'GROUP';
BY: 'BY';
HAVING: 'HAVING';
LIMIT: 'LIMIT';
AT: 'AT';
OR: 'OR';
AND: 'AND';
IN: 'IN';
NOT: 'NOT';
EXISTS: 'EXISTS';
BETWEEN: 'BETWEEN';
LIKE: 'LIKE';
ESCAPE: 'ESCAPE';
IS: 'IS';
NULL: 'NULL';
TRUE: 'TRUE';
FALSE: 'FALSE';
INTEGER: 'INTEGER';
DATE: 'DATE';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
INTERVAL: 'INTERVAL';
ZONE: 'ZONE';
TUMBLING: 'TUMBLING';
HOPPING: 'HOPPING';
SIZE: 'SIZE';
ADVANCE: 'ADVANCE';
RETENTION: 'RETENTION';
GRACE: 'GRACE';
PERIOD: 'PERIOD';
CASE: 'CASE';
WHEN: 'WHEN';
THEN: 'THEN';
ELSE: 'ELSE';
END: 'END';
JOIN: 'JOIN';
FULL: 'FULL';
OUTER: 'OUTER';
INNER: 'INNER';
LEFT: 'LEFT';
RIGHT: 'RIGHT';
ON: 'ON';
PARTITION: 'PARTITION';
STRUCT: 'STRUCT';
WITH: 'WITH';
VALUES: 'VALUES';
CREATE: 'CREATE';
TABLE: 'TABLE';
TOPIC: 'TOPIC';
STREAM: 'STREAM';
STREAMS: 'STREAMS';
INSERT: 'INSERT';
DELETE: 'DELETE';
INTO: 'INTO';
DESCRIBE: 'DESCRIBE';
EXTENDED: 'EXTENDED';
LIST: 'LIST';
SHOW: 'SHOW';
TABLES: 'TABLES';
TOPICS: 'TOPICS';
QUERIES: 'QUERIES';
TERMINATE: 'TERMINATE';
COLUMN: 'COLUMN';
COLUMNS: 'COLUMNS';
PARTITIONS: 'PARTITIONS';
FUNCTIONS: 'FUNCTIONS';
FUNCTION: 'FUNCTION';
DROP: 'DROP';
EXPLAIN: 'EXPLAIN';
PROPERTIES: 'PROPERTIES';
CAST: 'CAST';
REPLACE: 'REPLACE';
SET: 'SET';
RESET: 'RESET';
UNSET: 'UNSET';
DEFINE: 'DEFINE';
UNDEFINE: 'UNDEFINE';
VARIABLES: 'VARIABLES';
SESSION: 'SESSION';
KEY: 'KEY';
PRIMARY: 'PRIMARY';
HEADERS: 'HEADERS';
HEADER: 'HEADER';
SOURCE: 'SOURCE';
EMIT: 'EMIT';
CHANGES: 'CHANGES';
FINAL: 'FINAL';
TYPE: 'TYPE';
TYPES: 'TYPES';
MAP: 'MAP';
ARRAY: 'ARRAY';
DECIMAL: 'DECIMAL';
IF: 'IF';
ADD: 'ADD';
ALTER: 'ALTER';
DAY: 'DAY';
HOUR: 'HOUR';
MINUTE: 'MINUTE';
SECOND: 'SECOND';
MILLISECOND: 'MILLISECOND';
DAYS: 'DAYS';
HOURS: 'HOURS';
MINUTES: 'MINUTES';
SECONDS: 'SECONDS';
MILLISECONDS: 'MILLISECONDS';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
ASSIGN: ':=';
STRUCT_FIELD_REF: '->';
LAMBDA_EXPRESSION: '=>';

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

FLOATING_POINT_VALUE
    : DIGIT+ ('.' DIGIT*)? EXPONENT
    | '.' DIGIT+ EXPONENT
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_' | '@')*
    ;

DIGIT_IDENTIFIER
    : DIGIT (LETTER | DIGIT | '_' | '@')+
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [A-Z]
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* '\r'? '\n'? -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t]+ -> channel(HIDDEN)
    ;

UNRECOGNIZED
    : .
    ;
