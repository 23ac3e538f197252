package com.pilimarket.audit.internal;

import com.pilimarket.audit.internal.AuditRecords.StoredRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain's hash: SHA-256 over {@code prev_hash} + a canonical JSON array of the row's content.
 * Details are canonical JSON (keys sorted), time is epoch microseconds, so the same row always
 * hashes the same however it was read back.
 */
@Component
public class ChainHashing {

    /** The predecessor of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private final JsonMapper canonical = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public String toJson(Map<String, ?> details) {
        return canonical.writeValueAsString(details == null ? Map.of() : details);
    }

    /** The canonical form of a JSON object: parsed and written again with sorted keys. */
    public String canonicalJson(String json) {
        Object value = canonical.readValue(json, Object.class);
        return canonical.writeValueAsString(value);
    }

    public Map<String, Object> toMap(String json) {
        return canonical.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    public String hash(StoredRow row) {
        Object[] content = {
            row.actorId() == null ? null : row.actorId().toString(),
            row.action(),
            row.targetType(),
            row.targetId(),
            row.details(),
            row.ip(),
            row.requestId(),
            micros(row.createdAt().toInstant())
        };
        String text = row.prevHash() + canonical.writeValueAsString(Arrays.asList(content));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
