package io.rtdp.query.errors;

import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything not answered on purpose: a 503 when PostgreSQL cannot be reached in time, otherwise a
 * 500 whose body carries only a reference to the logged stack trace, never the trace itself.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    private final DatabaseFailures databaseFailures;

    public UnexpectedExceptionMapper(DatabaseFailures databaseFailures) {
        this.databaseFailures = databaseFailures;
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (databaseFailures.isUnavailability(exception)) {
            LOG.warn("PostgreSQL unavailable: {}", DatabaseFailures.rootMessage(exception));
            return new ApiExceptionMapper().toResponse(databaseFailures.unavailable());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("unexpected failure, reference {}", reference, exception);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("internal_error", "internal error; the service log has the cause under reference "
                        + reference))
                .build();
    }
}
