package com.pilimarket.comments.internal;

import com.pilimarket.comments.CommentSummary;
import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.Markets;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads comments: a market's threads for its page, and summaries for the moderators' queue. */
@Service
public class CommentReads {

    private final CommentRecords records;
    private final CommentViews views;
    private final Markets markets;

    CommentReads(CommentRecords records, CommentViews views, Markets markets) {
        this.records = records;
        this.views = views;
        this.markets = markets;
    }

    /** A page of the market's threads (top-level comments with their replies), {@code new} or {@code top} first. */
    @Transactional(readOnly = true)
    public Page<CommentView> list(UUID marketId, String sort, PageQuery page, UUID viewerId) {
        boolean top = parseSort(sort);
        if (!markets.refs(List.of(marketId)).containsKey(marketId)) {
            throw ApiException.notFound("Market");
        }
        long total = records.countThreads(marketId);
        List<Comment> threads = records.threads(marketId, top, page.limit(), page.offset());
        List<Comment> replies =
                records.replies(threads.stream().map(Comment::id).toList());
        List<Comment> all = new ArrayList<>(threads);
        all.addAll(replies);
        CommentViews.Views viewed = views.of(all, viewerId);
        Map<UUID, List<CommentView>> byParent = new HashMap<>();
        for (Comment reply : replies) {
            byParent.computeIfAbsent(reply.parentId(), k -> new ArrayList<>()).add(viewed.of(reply));
        }
        List<CommentView> items = threads.stream()
                .map(t -> viewed.of(t).withReplies(byParent.getOrDefault(t.id(), List.of())))
                .toList();
        return Page.of(items, page, total);
    }

    private static boolean parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return false;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "new" -> false;
            case "top" -> true;
            default -> throw ValidationException.of("sort", "must be new or top");
        };
    }

    @Transactional(readOnly = true)
    public Map<UUID, CommentSummary> summaries(Collection<UUID> commentIds) {
        List<Comment> comments = records.findAll(commentIds);
        Map<UUID, MarketRef> refs =
                markets.refs(comments.stream().map(Comment::marketId).distinct().toList());
        Map<UUID, Integer> reports =
                records.reportCounts(comments.stream().map(Comment::id).toList());
        Map<UUID, CommentSummary> result = new LinkedHashMap<>();
        for (Comment c : comments) {
            MarketRef market = refs.get(c.marketId());
            result.put(
                    c.id(),
                    new CommentSummary(
                            c.id(),
                            c.marketId(),
                            market == null ? null : market.slug(),
                            market == null ? null : market.title(),
                            c.userId(),
                            c.body(),
                            c.hidden(),
                            c.deleted(),
                            reports.getOrDefault(c.id(), 0),
                            c.createdAt()));
        }
        return result;
    }
}
