package io.rtdp.query.tables;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import io.rtdp.query.auth.Caller;
import io.rtdp.query.errors.ApiException;
import io.rtdp.query.errors.FieldError;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /v1}: the configured result tables, each as {@code /v1/<name>} and {@code /v1/<name>/<key>…}. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class TableResource {
    private final Map<String, ResultTable> tables;
    private final TableReader reader;
    private final LimitsConfiguration limits;
    private final MetricRegistry metrics;
    private final JsonResponses responses;

    public TableResource(Map<String, ResultTable> tables, TableReader reader, LimitsConfiguration limits,
            MetricRegistry metrics, ObjectMapper json) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.reader = reader;
        this.limits = limits;
        this.metrics = metrics;
        this.responses = new JsonResponses(json);
    }

    @GET
    @Timed(name = "tables")
    public Map<String, Object> tables(@Auth Caller caller) {
        List<Map<String, Object>> visible = new ArrayList<>();
        tables.values().stream().filter(table -> caller.hasAnyRole(table.roles())).forEach(table -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", table.apiName());
            entry.put("description", table.description());
            entry.put("keys", table.keys().stream().map(Column::name).toList());
            entry.put("time", table.time().map(Column::name).orElse(null));
            entry.put("columns", table.columns().stream().map(Column::name).toList());
            visible.add(entry);
        });
        return Map.of("tables", visible);
    }

    @GET
    @Path("{table}")
    @Timed(name = "page")
    public Response page(@Auth Caller caller, @PathParam("table") String name, @Valid @BeanParam PageParameters parameters,
            @Context UriInfo uri, @Context Request request) {
        ResultTable table = authorized(caller, name);
        try (Timer.Context ignored = metrics.timer(MetricRegistry.name(TableResource.class, name, "page")).time()) {
            PageRequest pageRequest = pageRequest(table, parameters, uri);
            Page page = reader.page(table, pageRequest);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", page.rows());
            String next = page.next().map(cursor -> cursor.encode(table.orderColumns())).orElse(null);
            body.put("nextCursor", next);
            body.put("next", next == null ? null : relative(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()));
            return responses.conditional(request, body);
        }
    }

    @GET
    @Path("{table}/{keys: .+}")
    @Timed(name = "current")
    public Response current(@Auth Caller caller, @PathParam("table") String name, @PathParam("keys") List<PathSegment> keys,
            @Context Request request) {
        ResultTable table = authorized(caller, name);
        try (Timer.Context ignored = metrics.timer(MetricRegistry.name(TableResource.class, name, "current")).time()) {
            if (keys.size() != table.keys().size()) {
                throw ApiException.badRequest(List.of(new FieldError("keys", "expected " + table.keys().size()
                        + " key value(s) in the path: " + table.keys().stream().map(Column::name).toList())));
            }
            Map<Column, Object> values = new LinkedHashMap<>();
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                parseInto(values, errors, table.keys().get(i), keys.get(i).getPath());
            }
            if (!errors.isEmpty()) {
                throw ApiException.badRequest(errors);
            }
            Map<String, Object> row = reader.current(table, values).orElseThrow(() -> ApiException.notFound("unknown_key",
                    table.apiName() + " has no row for " + describe(values)));
            return responses.conditional(request, row);
        }
    }

    private ResultTable authorized(Caller caller, String name) {
        ResultTable table = tables.get(name);
        if (table == null) {
            throw ApiException.notFound("unknown_table", "no table named '" + name + "'; GET /v1 lists them");
        }
        if (!caller.hasAnyRole(table.roles())) {
            throw ApiException.forbidden(caller.name() + " lacks a role " + table.roles() + " that " + name + " requires");
        }
        return table;
    }

    private PageRequest pageRequest(ResultTable table, PageParameters parameters, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Column> keysByName = table.keys().stream().collect(Collectors.toMap(Column::name, column -> column));
        Set<String> reserved = TableCatalog.RESERVED_PARAMETERS;
        Map<Column, Object> filters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((parameter, values) -> {
            Column key = keysByName.get(parameter);
            if (key != null) {
                if (values.size() > 1) {
                    errors.add(new FieldError(parameter, "may be given once"));
                } else {
                    parseInto(filters, errors, key, values.get(0));
                }
            } else if (!reserved.contains(parameter)) {
                errors.add(new FieldError(parameter, "is not a parameter of " + table.apiName() + "; it takes "
                        + keysByName.keySet() + " and " + reserved));
            }
        });
        if (table.time().isEmpty() && (parameters.from != null || parameters.to != null)) {
            errors.add(new FieldError(parameters.from != null ? "from" : "to", table.apiName() + " has no time column"));
        }
        Optional<Cursor> cursor = Optional.empty();
        SortOrder order = parameters.order == null ? (table.time().isPresent() ? SortOrder.DESC : SortOrder.ASC)
                : SortOrder.valueOf(parameters.order.toUpperCase(Locale.ROOT));
        if (parameters.cursor != null) {
            try {
                cursor = Optional.of(Cursor.decode(parameters.cursor, table));
                if (cursor.get().order() != order) {
                    errors.add(new FieldError("cursor", "was returned for order=" + cursor.get().order().name().toLowerCase(
                            Locale.ROOT) + "; pass the same order"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        int limit = parameters.limit == null ? limits.defaultPageSize() : (int) Math.min(Long.parseLong(parameters.limit),
                limits.maxPageSize());
        return new PageRequest(filters, instant(parameters.from), instant(parameters.to), order, limit, cursor);
    }

    private static Optional<Instant> instant(String text) {
        return Optional.ofNullable(text).map(TimeParameter.Validator::parse);
    }

    private static void parseInto(Map<Column, Object> values, List<FieldError> errors, Column column, String text) {
        try {
            values.put(column, column.type().parse(text));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(column.name(), e.getMessage()));
        }
    }

    private static String describe(Map<Column, Object> values) {
        return values.entrySet().stream().map(entry -> entry.getKey().name() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String relative(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
