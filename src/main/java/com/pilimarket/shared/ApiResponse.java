package com.pilimarket.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The envelope every API response uses: {@code {"success", "data", "errors", "pagination"?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(
        boolean success,
        T data,
        List<ApiError> errors,
        @Nullable Pagination pagination) {

    public ApiResponse {
        errors = List.copyOf(errors);
    }

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, List.of(), null);
    }

    public static <T> ApiResponse<List<T>> page(Page<T> page) {
        return new ApiResponse<>(true, page.items(), List.of(), page.pagination());
    }

    public static ApiResponse<Void> failure(List<ApiError> errors) {
        return new ApiResponse<>(false, null, errors, null);
    }

    /** Data must be serialised even when null, so the envelope always has the key. */
    @Override
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public T data() {
        return data;
    }
}
