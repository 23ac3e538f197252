package com.pilimarket.reputation.internal;

import com.pilimarket.reputation.BadgeCatalog;
import com.pilimarket.reputation.RankedScore;
import com.pilimarket.reputation.RankingMetric;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.shared.platform.Jobs;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Awards {@code top10_monthly} to the top 10 by skill of the last finished calendar month (Asia/Manila).
 * Runs hourly, once across instances; each month is done once ({@code monthly_awards}), so a run
 * missed while the app was down happens at the next start.
 */
@Component
class MonthlyAwardJob {

    static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    static final int TOP = 10;

    private final Reputation reputation;
    private final ReputationRecords records;
    private final Badges badges;
    private final Jobs jobs;
    private final Clock clock;
    private final TransactionTemplate transactions;

    MonthlyAwardJob(
            Reputation reputation,
            ReputationRecords records,
            Badges badges,
            Jobs jobs,
            Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.reputation = reputation;
        this.records = records;
        this.badges = badges;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${pilimarket.reputation.monthly-award-cron:0 5 * * * *}", zone = "Asia/Manila")
    @SchedulerLock(name = "reputation-top10-monthly", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void run() {
        jobs.run(
                "reputation-top10-monthly",
                () -> awardMonth(YearMonth.now(clock.withZone(MANILA)).minusMonths(1)));
    }

    /** Awards the badge for {@code month} unless that month is done; returns how many users were in its top 10. */
    public int awardMonth(YearMonth month) {
        Integer winners = transactions.execute(status -> award(month));
        return winners == null ? 0 : winners;
    }

    private int award(YearMonth month) {
        String key = month.toString();
        if (records.monthAwarded(key)) {
            return 0;
        }
        List<RankedScore> top = reputation.ranking(
                month.atDay(1).atStartOfDay(MANILA).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(MANILA).toInstant(),
                null,
                RankingMetric.SKILL,
                TOP);
        if (!records.markMonthAwarded(key, top.size())) {
            return 0;
        }
        for (RankedScore line : top) {
            badges.award(
                    line.userId(),
                    Set.of(BadgeCatalog.TOP10_MONTHLY),
                    "{\"month\":\"" + key + "\",\"rank\":" + line.rank() + "}");
        }
        return top.size();
    }
}
