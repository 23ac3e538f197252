package com.pilimarket.shared.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process that owns a data directory, as its {@code postmaster.pid} names it.
 * The embedded PostgreSQL is a separate OS process: when the JVM dies by {@code kill -9} (the OOM
 * killer) it keeps running, holding the data directory, and every later start fails until it is gone.
 * This finds such a server and stops it the way PostgreSQL wants to be stopped (fast shutdown, then
 * immediate, and only then SIGKILL); crash recovery on the next start replays the WAL, so nothing
 * committed is lost either way.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private final long pid;
    private final Path dataDirectory;

    private Postmaster(long pid, Path dataDirectory) {
        this.pid = pid;
        this.dataDirectory = dataDirectory;
    }

    /** The live server on this data directory, if its lock file names one that is really ours. */
    static Optional<Postmaster> runningOn(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Postmaster postmaster = new Postmaster(pid, dataDirectory);
        if (!postmaster.alive()) {
            return Optional.empty(); // PostgreSQL replaces a stale lock file of a dead server by itself
        }
        String commandLine = postmaster.commandLine();
        if (commandLine.isEmpty()) {
            // Cannot tell whose process it is: touch nothing, PostgreSQL's own lock check decides.
            return Optional.empty();
        }
        if (!postmaster.serves(commandLine)) {
            // The PID was reused by an unrelated process: PostgreSQL would refuse to start ("is another
            // postmaster running?"). The file is stale; remove it.
            log.warn("Removing a stale {}: its PID {} now belongs to another process", pidFile, pid);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", pidFile, e.getMessage());
            }
            return Optional.empty();
        }
        return Optional.of(postmaster);
    }

    long pid() {
        return pid;
    }

    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Stops the server and waits until the process is gone: SIGINT (fast shutdown: roll back, disconnect,
     * checkpoint), after {@code patience} SIGQUIT (immediate shutdown: the next start recovers from the
     * WAL), and as the very last resort SIGKILL. Returns whether it is gone.
     */
    boolean stop(Duration patience) {
        if (signal("INT") && awaitExit(patience)) {
            return true;
        }
        log.warn("PostgreSQL (PID {}) did not finish a fast shutdown within {}: immediate shutdown", pid, patience);
        if (signal("QUIT") && awaitExit(Duration.ofSeconds(10))) {
            return true;
        }
        log.warn("PostgreSQL (PID {}) ignored an immediate shutdown: killing it", pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return awaitExit(Duration.ofSeconds(10));
    }

    /** Waits for the process to exit; true when it has. */
    boolean awaitExit(Duration timeout) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !alive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !alive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !alive();
        }
    }

    private boolean serves(String commandLine) {
        return commandLine.contains("postgres")
                && commandLine.contains(
                        dataDirectory.toAbsolutePath().normalize().toString());
    }

    private String commandLine() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        }
    }

    /** {@code kill -SIG pid}: Java itself can send only SIGTERM (smart shutdown, which waits for clients) and SIGKILL. */
    private boolean signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
