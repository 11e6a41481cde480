package io.rtdp.query.docs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /openapi.json}: open to anyone, it tells how to call the service, not what it holds. */
@Path("/openapi.json")
public final class OpenApiResource {
    private final ObjectNode document;

    public OpenApiResource(ObjectNode document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return document;
    }
}
