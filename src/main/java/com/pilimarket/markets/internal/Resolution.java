package com.pilimarket.markets.internal;

import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A valid resolution (PRODUCT.md §3): an outcome of the market, 1–20 http(s) evidence URLs and a note. */
record Resolution(UUID outcomeId, List<String> evidenceUrls, String note) {

    static final int MAX_URLS = 20;
    static final int MAX_NOTE = 5_000;

    /** The request, cleaned; 400 {@code VALIDATION_FAILED} naming every bad field. */
    static Resolution of(ResolveMarket request, Collection<UUID> outcomeIds) {
        List<ApiError> errors = new ArrayList<>();
        if (request.outcomeId() == null) {
            errors.add(MarketFields.error("outcome_id", "is required"));
        } else if (!outcomeIds.contains(request.outcomeId())) {
            errors.add(MarketFields.error("outcome_id", "is not an outcome of this market"));
        }
        List<String> urls = new ArrayList<>();
        if (request.evidenceUrls() == null || request.evidenceUrls().isEmpty()) {
            errors.add(MarketFields.error("evidence_urls", "needs at least one http(s) URL"));
        } else if (request.evidenceUrls().size() > MAX_URLS) {
            errors.add(MarketFields.error("evidence_urls", "takes at most 20 URLs"));
        } else {
            for (int i = 0; i < request.evidenceUrls().size(); i++) {
                String url = request.evidenceUrls().get(i);
                if (!Text.isHttpUrl(url)) {
                    errors.add(MarketFields.error("evidence_urls[" + i + "]", "must be an http(s) URL"));
                } else {
                    urls.add(url.strip());
                }
            }
        }
        String note = Text.clean(request.resolutionNote());
        if (note == null || note.isEmpty()) {
            errors.add(MarketFields.error("resolution_note", "is required"));
        } else if (note.length() > MAX_NOTE) {
            errors.add(MarketFields.error("resolution_note", "must be at most 5000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Resolution(request.outcomeId(), List.copyOf(urls), note);
    }
}
