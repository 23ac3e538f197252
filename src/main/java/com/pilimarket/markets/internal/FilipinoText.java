package com.pilimarket.markets.internal;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional Filipino text of a market: title, description and outcome names (by position). Same
 * hygiene and limits as the English text; a blank value means "none", and the app then shows the
 * English one.
 */
final class FilipinoText {

    private FilipinoText() {}

    static String title(String raw, List<ApiError> errors) {
        String title = Text.cleanLine(raw);
        if (title == null || title.isEmpty()) {
            return null;
        }
        if (title.length() < 3 || title.length() > 200) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "title_fil", "must be 3 to 200 characters"));
        }
        return title;
    }

    static String description(String raw, List<ApiError> errors) {
        String description = Text.clean(raw);
        if (description == null || description.isEmpty()) {
            return null;
        }
        if (description.length() > 5_000) {
            errors.add(
                    new ApiError(ErrorCodes.VALIDATION_FAILED, "description_fil", "must be at most 5000 characters"));
        }
        return description;
    }

    /** One name (or null) per outcome; the list must be as long as the outcomes it names. */
    static List<String> outcomeNames(List<String> raw, int outcomeCount, List<ApiError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw.size() != outcomeCount) {
            errors.add(new ApiError(
                    ErrorCodes.VALIDATION_FAILED,
                    "outcomes_fil",
                    "must have one entry per outcome (" + outcomeCount + ")"));
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = Text.cleanLine(raw.get(i));
            if (name != null && name.length() > 100) {
                errors.add(new ApiError(
                        ErrorCodes.VALIDATION_FAILED, "outcomes_fil[" + i + "]", "must be at most 100 characters"));
            }
            names.add(name == null || name.isEmpty() ? null : name);
        }
        return names;
    }
}
