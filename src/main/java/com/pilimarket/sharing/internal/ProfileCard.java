package com.pilimarket.sharing.internal;

import java.util.List;

/**
 * What a profile's share card shows: the name and handle, reputation (whole points), the all-time
 * rank text, the badges' names, and the texts around them in the reader's language.
 */
record ProfileCard(
        String handle,
        String displayName,
        String reputationText,
        String reputationLabel,
        String rankText,
        String rankLabel,
        List<String> badges,
        String badgesText,
        String footerText) {

    /** Two cards that look the same share one drawing; any change of what is shown is a new key. */
    String key() {
        return String.join(
                "|",
                "u",
                handle,
                displayName,
                reputationText,
                reputationLabel,
                rankText,
                rankLabel,
                String.join(",", badges),
                badgesText,
                footerText);
    }

    /** A short stable version of {@link #key()} for URLs and ETags. */
    String version() {
        return Integer.toHexString(key().hashCode());
    }
}
