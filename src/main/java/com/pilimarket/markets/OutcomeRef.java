package com.pilimarket.markets;

import java.util.UUID;

/** Just enough of an outcome to name it (e.g. "backed Yes" in the activity feed). */
public record OutcomeRef(UUID id, String name) {}
