package com.pilimarket.leaderboard.internal;

import com.pilimarket.reputation.BoardsUpdated;
import com.pilimarket.shared.platform.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Boards follow settlements by themselves: the reputation module adds each scored settlement to its
 * board totals, and {@link BoardsUpdated} (once they are written) only makes this instance drop its
 * cached pages. Every hour
 * (once across instances) the boards are rebuilt from the settled forecasts: a repair that also drops
 * forecasts flagged since they were scored and the windows of past weeks and months.
 */
@Component
class LeaderboardJobs {

    static final String JOB = "leaderboard-recompute";

    private final Leaderboards leaderboards;
    private final Jobs jobs;

    LeaderboardJobs(Leaderboards leaderboards, Jobs jobs) {
        this.leaderboards = leaderboards;
        this.jobs = jobs;
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.leaderboard.recompute-interval:PT1H}",
            initialDelayString = "${pilimarket.leaderboard.initial-delay:PT30S}")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void recompute() {
        jobs.run(JOB, leaderboards::recomputeAll);
    }

    @ApplicationModuleListener
    void on(BoardsUpdated event) {
        leaderboards.refresh();
    }
}
