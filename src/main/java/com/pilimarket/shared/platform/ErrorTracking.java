package com.pilimarket.shared.platform;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Error tracking with Sentry, active only when {@code SENTRY_DSN} is set (without it Sentry's
 * auto-configuration stays off entirely: no client, no thread, no connection). Errors logged at ERROR
 * (an unexpected 500, a failed job) are sent with the request id and user id of the request as tags
 * and the user id as the event's user; passwords, tokens, cookies, secrets and email addresses are
 * removed from every event and breadcrumb before it leaves the process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sentry.dsn")
class ErrorTracking {

    static final String REQUEST_ID = "request_id";
    static final String USER_ID = "user_id";

    @Bean
    SentryOptions.BeforeSendCallback scrubEvents() {
        return (event, hint) -> scrub(event);
    }

    @Bean
    SentryOptions.BeforeBreadcrumbCallback scrubBreadcrumbs() {
        return (breadcrumb, hint) -> scrub(breadcrumb);
    }

    static SentryEvent scrub(SentryEvent event) {
        String userId = event.getTag(USER_ID);
        // Only the id: never the email, name or IP address Sentry could attach.
        User user = new User();
        user.setId(userId == null || userId.isBlank() ? null : userId);
        event.setUser(userId == null || userId.isBlank() ? null : user);

        Message message = event.getMessage();
        if (message != null) {
            message.setFormatted(SensitiveData.scrub(message.getFormatted()));
            message.setMessage(SensitiveData.scrub(message.getMessage()));
            if (message.getParams() != null) {
                message.setParams(
                        message.getParams().stream().map(SensitiveData::scrub).toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(SensitiveData.scrub(exception.getValue()));
            }
        }
        Request request = event.getRequest();
        if (request != null) {
            request.setCookies(null);
            request.setData(null);
            request.setQueryString(SensitiveData.scrub(request.getQueryString()));
            request.setUrl(SensitiveData.scrub(request.getUrl()));
            SensitiveData.scrubValues(request.getHeaders());
        }
        SensitiveData.scrubValues(event.getTags());
        SensitiveData.scrubObjects(event.getExtras());
        for (Map.Entry<String, Object> context : event.getContexts().entrySet()) {
            if (context.getValue() instanceof Map<?, ?> values) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) values;
                try {
                    SensitiveData.scrubObjects(map);
                } catch (UnsupportedOperationException e) {
                    event.getContexts().put(context.getKey(), Map.of());
                }
            }
        }
        if (event.getBreadcrumbs() != null) {
            event.getBreadcrumbs().forEach(ErrorTracking::scrub);
        }
        return event;
    }

    static Breadcrumb scrub(Breadcrumb breadcrumb) {
        breadcrumb.setMessage(SensitiveData.scrub(breadcrumb.getMessage()));
        Map<String, Object> data = breadcrumb.getData();
        if (data != null) {
            data.replaceAll((name, value) -> SensitiveData.isSecretName(name)
                    ? SensitiveData.REDACTED
                    : value instanceof String text ? SensitiveData.scrub(text) : value);
        }
        return breadcrumb;
    }
}
