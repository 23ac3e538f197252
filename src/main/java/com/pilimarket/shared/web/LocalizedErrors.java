package com.pilimarket.shared.web;

import com.pilimarket.shared.ApiResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every error envelope leaves in the caller's language: whichever handler built it
 * ({@link ApiExceptionHandler}, a controller, {@link JsonErrorController}), its messages are
 * translated on the way out. Filters that write errors themselves go through {@link ErrorResponses},
 * which does the same.
 */
@RestControllerAdvice
class LocalizedErrors implements ResponseBodyAdvice<Object> {

    private final ErrorMessages messages;
    private final CallerLocaleResolver languages;

    LocalizedErrors(ErrorMessages messages, CallerLocaleResolver languages) {
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ApiResponse<?> envelope && !envelope.errors().isEmpty()) {
            return new ApiResponse<>(
                    envelope.success(),
                    envelope.data(),
                    messages.translate(envelope.errors(), languages.currentLanguage()),
                    envelope.pagination());
        }
        return body;
    }
}
