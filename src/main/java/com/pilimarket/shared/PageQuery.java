package com.pilimarket.shared;

import java.util.ArrayList;
import java.util.List;

/** A validated page request: {@code page} from 1, {@code limit} 1–100 (default 20). */
public record PageQuery(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageQuery {
        List<ApiError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "page", "page must be at least 1"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "limit", "limit must be between 1 and 100"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Builds a page request from optional query parameters, applying the defaults. */
    public static PageQuery of(Integer page, Integer limit) {
        return new PageQuery(page == null ? 1 : page, limit == null ? DEFAULT_LIMIT : limit);
    }

    public static PageQuery first(int limit) {
        return new PageQuery(1, limit);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
