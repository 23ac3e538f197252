package com.pilimarket.shared.web;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Tomcat answers by itself, before any filter or servlet runs (a request line it cannot parse,
 * such as a raw {@code \} in the query): the JSON envelope instead of Tomcat's HTML page. Everything
 * that reaches the application is answered by {@link JsonErrorController} and the exception handler.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final JsonMapper json = JsonMapper.builder().build();
    /** Null when Tomcat makes the valve by its class name: the messages stay in English then. */
    private final ErrorMessages messages;

    private final CallerLocaleResolver languages;

    public JsonErrorReportValve() {
        this(null, null);
    }

    JsonErrorReportValve(ErrorMessages messages, CallerLocaleResolver languages) {
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) {
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = JsonErrorController.messageFor(resolved, request.getMethod());
        if (messages != null) {
            // Before any filter no caller is known, so in effect this is the Accept-Language header.
            message = messages.translate(message, languages.language(request));
        }
        ApiResponse<Void> body =
                ApiResponse.failure(List.of(ApiError.of(JsonErrorController.codeFor(resolved), message)));
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed: nothing more can be said.
        }
    }

    /** Replaces the host's HTML error report (Boot installs Tomcat's own) with this one. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final ErrorMessages messages;

        private final CallerLocaleResolver languages;

        Installer(ErrorMessages messages, CallerLocaleResolver languages) {
            this.messages = messages;
            this.languages = languages;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
                host.getPipeline().addValve(new JsonErrorReportValve(messages, languages));
            });
        }

        /** After Boot's own customizer, whose valve this one replaces. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
