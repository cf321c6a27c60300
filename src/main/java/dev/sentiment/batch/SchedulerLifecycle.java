package dev.sentiment.batch;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.sentiment.inference.InferenceEngine;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts db-scheduler once the engine is ready (a chunk picked earlier could only be put back) and
 * stops it before the engine, after the web server: running chunks then finish or hand themselves
 * back, and the engine still computes what they already sent it.
 */
class SchedulerLifecycle implements SmartLifecycle {

  /** Between the web server (stopped earlier) and the engine (stopped later). */
  static final int PHASE = InferenceEngine.PHASE + 1024;

  private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);
  private static final long READY_POLL_MILLIS = 200;

  private final Supplier<Scheduler> schedulers;
  private final InferenceEngine engine;
  private volatile Thread starter;
  private Scheduler scheduler;

  /**
   * @param schedulers builds a new scheduler for each start (Spring may stop and start a context
   *     again, and a stopped db-scheduler cannot be restarted)
   */
  SchedulerLifecycle(Supplier<Scheduler> schedulers, InferenceEngine engine) {
    this.schedulers = schedulers;
    this.engine = engine;
  }

  @Override
  public void start() {
    Thread thread = new Thread(this::startWhenReady, "batch-scheduler-starter");
    thread.setDaemon(true);
    starter = thread;
    thread.start();
  }

  private void startWhenReady() {
    try {
      while (!engine.ready()) {
        Thread.sleep(READY_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      return;
    }
    synchronized (this) {
      if (starter == Thread.currentThread()) {
        scheduler = schedulers.get();
        scheduler.start();
        log.info("Batch scheduler started");
      }
    }
  }

  @Override
  public synchronized void stop() {
    Thread thread = starter;
    starter = null;
    if (thread != null) {
      thread.interrupt();
    }
    if (scheduler != null) {
      scheduler.stop();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return starter != null || scheduler != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
