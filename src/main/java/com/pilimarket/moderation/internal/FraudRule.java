package com.pilimarket.moderation.internal;

import java.time.Instant;
import java.util.List;

/** One fraud rule the hourly scan runs over recent data. */
interface FraudRule {

    /** The name flags carry ({@code flags.rule}). */
    String name();

    List<Finding> scan(Instant now);
}
