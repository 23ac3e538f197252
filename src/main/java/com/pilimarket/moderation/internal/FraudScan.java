package com.pilimarket.moderation.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every fraud rule over recent data, hourly and once across instances, and raises what is new.
 * A finding already open, or cleared by a moderator, is not raised again.
 */
@Component
class FraudScan {

    private static final Logger log = LoggerFactory.getLogger(FraudScan.class);

    private final List<FraudRule> rules;
    private final Flagging flagging;
    private final MeterRegistry meters;
    private final Clock clock;

    FraudScan(List<FraudRule> rules, Flagging flagging, MeterRegistry meters, Clock clock) {
        this.rules = List.copyOf(rules);
        this.flagging = flagging;
        this.meters = meters;
        this.clock = clock;
    }

    /** What one run found: per rule, the findings and how many of them became new flags. */
    record Report(Instant ranAt, Map<String, RuleResult> rules) {}

    /** One rule's part of a run. */
    record RuleResult(int findings, int raised) {}

    @Scheduled(cron = "${pilimarket.fraud.scan-cron:0 23 * * * *}")
    @SchedulerLock(name = "fraud-scan", lockAtMostFor = "PT30M")
    void hourly() {
        Report report = run();
        int raised =
                report.rules().values().stream().mapToInt(RuleResult::raised).sum();
        log.info("Fraud scan raised {} new flags ({})", raised, report.rules());
    }

    Report run() {
        Instant now = clock.instant();
        Map<String, RuleResult> results = new LinkedHashMap<>();
        Timer.Sample sample = Timer.start(meters);
        for (FraudRule rule : rules) {
            try {
                List<Finding> findings = rule.scan(now);
                int raised = flagging.raise(findings).size();
                results.put(rule.name(), new RuleResult(findings.size(), raised));
            } catch (RuntimeException e) {
                // One broken rule must not stop the others.
                log.error("Fraud rule {} failed", rule.name(), e);
                meters.counter("pilimarket.moderation.scan.failures", "rule", rule.name())
                        .increment();
            }
        }
        sample.stop(meters.timer("pilimarket.moderation.scan"));
        return new Report(now, results);
    }
}
