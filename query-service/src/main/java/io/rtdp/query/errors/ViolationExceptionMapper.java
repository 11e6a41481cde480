package io.rtdp.query.errors;

import java.util.Comparator;
import java.util.List;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Bean Validation failures of request parameters, as field errors named like the parameters. */
public final class ViolationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
    @Override
    public Response toResponse(JerseyViolationException exception) {
        List<FieldError> fields = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(parameterName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiException.badRequest(fields).error())
                .build();
    }

    // The property path ends with the bean field, which is named like its query parameter.
    private static String parameterName(ConstraintViolation<?> violation) {
        String last = "";
        for (Path.Node node : violation.getPropertyPath()) {
            last = node.getName() == null ? last : node.getName();
        }
        return last.replaceFirst("^(query|path|header) param ", "");
    }
}
