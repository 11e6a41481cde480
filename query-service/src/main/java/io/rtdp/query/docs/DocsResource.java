package io.rtdp.query.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import io.rtdp.query.errors.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The browsable API page: Swagger UI (from its webjar) showing {@code /openapi.json}. Only the few
 * files the page loads are served, by fixed name, so no request path reaches the class path.
 */
@Path("/docs")
public final class DocsResource {
    private static final String PAGE = "/io/rtdp/query/docs/index.html";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png");

    private final String webjarDirectory;

    public DocsResource() {
        Properties versions = new Properties();
        try (InputStream in = DocsResource.class.getResourceAsStream("/io/rtdp/query/docs/versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.webjarDirectory = "/META-INF/resources/webjars/swagger-ui/" + versions.getProperty("swagger-ui") + "/";
    }

    @GET
    public Response page() {
        return Response.ok(DocsResource.class.getResourceAsStream(PAGE), "text/html; charset=utf-8").build();
    }

    @GET
    @Path("{file}")
    public Response asset(@PathParam("file") String file) {
        String type = ASSETS.get(file);
        InputStream content = type == null ? null : DocsResource.class.getResourceAsStream(webjarDirectory + file);
        if (content == null) {
            throw ApiException.notFound("not_found", "no such file of the API page: " + file);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.ok(content, type).cacheControl(cache).build();
    }
}
