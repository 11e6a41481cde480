package io.rtdp.query.tables;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/** The query parameters every table's list endpoint takes; key filters are named after key columns. */
public class PageParameters {
    @QueryParam("from")
    @TimeParameter
    String from;

    @QueryParam("to")
    @TimeParameter
    String to;

    @QueryParam("order")
    @Pattern(regexp = "asc|desc", message = "must be asc or desc")
    String order;

    @QueryParam("limit")
    @Pattern(regexp = "[1-9][0-9]{0,8}", message = "must be a whole number from 1")
    String limit;

    @QueryParam("cursor")
    @Pattern(regexp = "[A-Za-z0-9_-]{1,4096}", message = "is not a cursor this service returned")
    String cursor;
}
