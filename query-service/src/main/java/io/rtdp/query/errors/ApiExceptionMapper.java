package io.rtdp.query.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException exception) {
        Response.ResponseBuilder response = Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(exception.error());
        exception.headers().forEach(response::header);
        return response.build();
    }
}
