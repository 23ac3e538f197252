package com.pilimarket.comments;

import com.pilimarket.comments.internal.CommentReads;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The comments module's API for other modules: what the moderators' queue shows about reported comments. */
@Service
public class Comments {

    private final CommentReads service;

    Comments(CommentReads service) {
        this.service = service;
    }

    /** The comments of these ids that exist, by id (unknown ids are left out). */
    public Map<UUID, CommentSummary> summaries(Collection<UUID> commentIds) {
        return service.summaries(commentIds);
    }
}
