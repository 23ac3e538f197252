package com.pilimarket.shared.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A task that many callers ask for but that only ever needs to run once more: a request made while
 * a run is in progress does not wait for it, it only makes sure one more run starts after it (that
 * run sees everything the request was about). Requests arriving during a run fold into that one
 * extra run, so N requests cost at most two runs, and no caller's thread is held by another's run.
 *
 * <p>Why: the leaderboards are recomputed after every settlement. With one blocking recompute per
 * settlement, a burst of settlements filled every thread of the shared event executor with callers
 * waiting for the previous recompute — and the settlements queued behind them were delayed by
 * minutes (the chaos run found 14 resolved markets still unpaid two minutes after its end).
 */
public final class CoalescingTask {

    private final Runnable task;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();

    public CoalescingTask(Runnable task) {
        this.task = task;
    }

    /**
     * Runs the task now in this thread, or — if another thread is running it — returns at once and
     * leaves that thread to run it again after its current run. Exceptions of a run this thread
     * makes reach this thread's caller (the request that failed is dropped, like any failed run).
     */
    public void request() {
        requested.set(true);
        // Set before tryLock, checked again after unlock: a request made while the runner finishes
        // is either seen by the runner's next check or wins the lock itself; none is lost.
        while (requested.get() && running.tryLock()) {
            try {
                if (requested.getAndSet(false)) {
                    task.run();
                }
            } finally {
                running.unlock();
            }
        }
    }

    /** Runs the task now, waiting for a run in progress to finish first (the periodic job's way). */
    public void runNow() {
        running.lock();
        try {
            requested.set(false);
            task.run();
        } finally {
            running.unlock();
        }
    }
}
