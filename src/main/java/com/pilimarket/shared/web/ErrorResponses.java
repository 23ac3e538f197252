package com.pilimarket.shared.web;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the error envelope directly to a servlet response, for code that runs outside Spring MVC
 * (filters), in the caller's language.
 */
@Component
public class ErrorResponses {

    private final JsonMapper json;
    private final ErrorMessages messages;
    private final CallerLocaleResolver languages;

    public ErrorResponses(JsonMapper json, ErrorMessages messages, CallerLocaleResolver languages) {
        this.json = json;
        this.messages = messages;
        this.languages = languages;
    }

    public void write(HttpServletResponse response, HttpStatus status, String code, String message) throws IOException {
        write(response, status, List.of(ApiError.of(code, message)));
    }

    public void write(HttpServletResponse response, HttpStatus status, List<ApiError> errors) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream()
                .write(json.writeValueAsBytes(
                        ApiResponse.failure(messages.translate(errors, languages.currentLanguage()))));
    }
}
