package com.pilimarket.shared;

import java.util.List;

/**
 * One family of the money invariants of PRODUCT.md §2. Modules that own chips contribute a bean;
 * {@link SystemInvariants} runs them all (tests, the admin console, the benchmark suite).
 */
public interface InvariantCheck {

    String name();

    /** Human-readable descriptions of every violation found; empty when the invariant holds. */
    List<String> violations();
}
