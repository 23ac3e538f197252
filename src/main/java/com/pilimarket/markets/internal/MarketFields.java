package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketCategory;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Text;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of a market's fields (PRODUCT.md §3), shared by creation and editing: each cleans its
 * value and adds a {@code VALIDATION_FAILED} error naming the field, so one answer lists every
 * problem of a request.
 */
final class MarketFields {

    static final int MIN_OUTCOMES = 2;
    static final int MAX_OUTCOMES = 20;
    static final long DEFAULT_MAX_POINTS = 10_000;
    static final long MAX_POINTS_LIMIT = 1_000_000_000L;

    private MarketFields() {}

    static String title(String raw, List<ApiError> errors) {
        String title = Text.cleanLine(raw);
        if (title == null || !Text.hasVisibleCharacters(title)) {
            errors.add(error("title", "is required"));
        } else if (title.length() < 3 || title.length() > 200) {
            errors.add(error("title", "must be 3 to 200 characters"));
        }
        return title;
    }

    static String description(String raw, List<ApiError> errors) {
        String description = Text.clean(raw);
        if (description != null && description.length() > 5_000) {
            errors.add(error("description", "must be at most 5000 characters"));
        }
        return description == null || description.isEmpty() ? null : description;
    }

    static String category(String raw, List<ApiError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(error("category", "is required"));
            return null;
        }
        Optional<MarketCategory> category = MarketCategory.parse(raw.strip().toLowerCase(Locale.ROOT));
        if (category.isEmpty()) {
            errors.add(error("category", "must be one of " + names(MarketCategory.values())));
            return null;
        }
        return category.get().value();
    }

    static List<String> outcomes(List<String> raw, List<ApiError> errors) {
        if (raw == null || raw.size() < MIN_OUTCOMES || raw.size() > MAX_OUTCOMES) {
            errors.add(error("outcomes", "needs " + MIN_OUTCOMES + " to " + MAX_OUTCOMES + " outcomes"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = Text.cleanLine(raw.get(i));
            if (name == null || !Text.hasVisibleCharacters(name)) {
                errors.add(error("outcomes[" + i + "]", "must not be blank"));
            } else if (name.length() > 100) {
                errors.add(error("outcomes[" + i + "]", "must be at most 100 characters"));
            } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(error("outcomes[" + i + "]", "repeats another outcome"));
            }
            names.add(name);
        }
        return names;
    }

    static void checkMaxPoints(long maxPoints, List<ApiError> errors) {
        if (maxPoints < 1 || maxPoints > MAX_POINTS_LIMIT) {
            errors.add(error("max_points_per_user", "must be between 1 and " + MAX_POINTS_LIMIT));
        }
    }

    /** A closing time still to come. */
    static void checkClosesInFuture(OffsetDateTime closesAt, Instant now, List<ApiError> errors) {
        if (!closesAt.toInstant().isAfter(now)) {
            errors.add(error("closes_at", "must be in the future"));
        }
    }

    /** A resolution time, when there is one, not before the closing time. */
    static void checkResolvesAfterCloses(OffsetDateTime closesAt, OffsetDateTime resolvesAt, List<ApiError> errors) {
        if (resolvesAt != null && closesAt != null && resolvesAt.isBefore(closesAt)) {
            errors.add(error("resolves_at", "must not be before closes_at"));
        }
    }

    static String metadata(Map<String, Object> metadata, JsonMapper json, List<ApiError> errors) {
        // Free-form, but still user text: no markup or control characters are stored in it either.
        String text = json.writeValueAsString(metadata == null ? Map.of() : Text.cleanDeep(metadata));
        if (text.length() > 10_000) {
            errors.add(error("metadata", "must be at most 10,000 characters of JSON"));
        }
        return text;
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ApiError error(String field, String message) {
        return new ApiError(ErrorCodes.VALIDATION_FAILED, field, message);
    }

    static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
