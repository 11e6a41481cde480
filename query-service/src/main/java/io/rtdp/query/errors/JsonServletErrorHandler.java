package io.rtdp.query.errors;

import java.nio.charset.Charset;
import java.util.List;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The error handler of the application and admin servlet contexts, in the service's error shape. */
public final class JsonServletErrorHandler extends ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
            List<Charset> charsets, int code, String message, Throwable cause) {
        JettyErrorBodies.write(response, callback, code, message);
        return true;
    }
}
