package com.pilimarket.leaderboard.internal;

import com.pilimarket.reputation.ForecastsScored;
import com.pilimarket.shared.platform.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the boards every 5 minutes (once across instances; this also rolls boards over to a new
 * week or month) and right after a settlement has been scored. The reputation module publishes
 * {@link ForecastsScored} after it stored the settled forecasts, so the recompute sees them.
 *
 * <p>After a settlement the listener does not wait for a recompute already running: it leaves that
 * one to run once more ({@link Leaderboards#recomputeSoon()}), so its event is complete before the
 * boards show the settlement. If the instance dies in between, the periodic run catches up.
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
            fixedDelayString = "${pilimarket.leaderboard.recompute-interval:PT5M}",
            initialDelayString = "${pilimarket.leaderboard.initial-delay:PT30S}")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void recompute() {
        jobs.run(JOB, leaderboards::recomputeAll);
    }

    @ApplicationModuleListener
    void on(ForecastsScored event) {
        jobs.run("leaderboard-recompute-after-settlement", leaderboards::recomputeSoon);
    }
}
