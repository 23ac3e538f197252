package com.pilimarket.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** One error of the envelope: a stable machine code, the offending field (or null) and a human message. */
public record ApiError(
        String code,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String field,
        String message) {

    public static ApiError of(String code, String message) {
        return new ApiError(code, null, message);
    }
}
