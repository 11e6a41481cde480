package io.rtdp.schemaregistry.api;

/** An answer ready to send: status and JSON body. */
public record RestResponse(int status, String body) {
}
