package com.pilimarket.moderation.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Thresholds of the fraud rules ({@code pilimarket.fraud.*}); docs/MODERATION.md lists each with its default. */
@ConfigurationProperties("pilimarket.fraud")
public record FraudProperties(MultiAccount multiAccount, OppositeSides oppositeSides, LongShotSniper longShotSniper) {

    public FraudProperties {
        multiAccount = multiAccount == null ? new MultiAccount(null, null, null) : multiAccount;
        oppositeSides = oppositeSides == null ? new OppositeSides(null, null, null, null) : oppositeSides;
        longShotSniper = longShotSniper == null ? new LongShotSniper(null, null, null, null, null) : longShotSniper;
    }

    /**
     * More than {@code maxAccounts} accounts signed up on one device id or IP within {@code window}.
     * {@code ignoredIps}: addresses many honest people share (loopback, a known proxy).
     */
    public record MultiAccount(Integer maxAccounts, Duration window, List<String> ignoredIps) {
        public MultiAccount {
            maxAccounts = maxAccounts == null ? 3 : maxAccounts;
            window = window == null ? Duration.ofDays(7) : window;
            ignoredIps = ignoredIps == null ? List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1") : List.copyOf(ignoredIps);
        }
    }

    /**
     * Two accounts sharing at least {@code minSharedMarkets} markets (forecasts placed within
     * {@code window}) and on different outcomes in at least {@code minOppositeShare} of them. Markets
     * with more than {@code maxMarketForecasters} forecasters are left out (pairs grow quadratically).
     */
    public record OppositeSides(
            Integer minSharedMarkets, Double minOppositeShare, Duration window, Integer maxMarketForecasters) {
        public OppositeSides {
            minSharedMarkets = minSharedMarkets == null ? 3 : minSharedMarkets;
            minOppositeShare = minOppositeShare == null ? 0.8 : minOppositeShare;
            window = window == null ? Duration.ofDays(30) : window;
            maxMarketForecasters = maxMarketForecasters == null ? 2_000 : maxMarketForecasters;
        }
    }

    /**
     * An account younger than {@code maxAccountAge} that stakes at least {@code minStakeShare} of its
     * balance on outcomes with a crowd probability below {@code maxCrowdProbability}, within
     * {@code beforeClose} of the markets' closing time, across at least {@code minMarkets} markets.
     */
    public record LongShotSniper(
            Duration maxAccountAge,
            Double maxCrowdProbability,
            Duration beforeClose,
            Double minStakeShare,
            Integer minMarkets) {
        public LongShotSniper {
            maxAccountAge = maxAccountAge == null ? Duration.ofDays(7) : maxAccountAge;
            maxCrowdProbability = maxCrowdProbability == null ? 0.15 : maxCrowdProbability;
            beforeClose = beforeClose == null ? Duration.ofHours(1) : beforeClose;
            minStakeShare = minStakeShare == null ? 0.9 : minStakeShare;
            minMarkets = minMarkets == null ? 3 : minMarkets;
        }
    }
}
