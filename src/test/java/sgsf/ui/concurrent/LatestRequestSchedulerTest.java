package sgsf.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestRequestSchedulerTest {
  private final ExecutorService worker = Executors.newSingleThreadExecutor();

  /** Results are "delivered" into this queue, standing in for the FX thread. */
  private final LinkedBlockingQueue<Runnable> dispatched = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    worker.shutdownNow();
  }

  private void drainDispatcher(int expectedResults, List<Integer> results) throws Exception {
    long end = System.currentTimeMillis() + 5000;
    while (results.size() < expectedResults && System.currentTimeMillis() < end) {
      Runnable r = dispatched.poll(50, TimeUnit.MILLISECONDS);
      if (r != null) {
        r.run();
      }
    }
    Runnable r;
    while ((r = dispatched.poll(50, TimeUnit.MILLISECONDS)) != null) {
      r.run();
    }
  }

  @Test
  void aBurstOfRequestsWhileBusyComputesOnlyTheNewest() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> computed = Collections.synchronizedList(new ArrayList<>());
    List<Integer> results = Collections.synchronizedList(new ArrayList<>());
    LatestRequestScheduler<Integer, Integer> s =
        new LatestRequestScheduler<>(
            worker,
            dispatched::add,
            q -> {
              computed.add(q);
              if (q == 1) {
                firstStarted.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return q * 10;
            },
            results::add,
            e -> {});
    s.submit(1);
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    for (int q = 2; q <= 9; q++) {
      s.submit(q);
    }
    release.countDown();
    drainDispatcher(2, results);
    assertThat(computed).containsExactly(1, 9);
    assertThat(results).containsExactly(10, 90);
    assertThat(s.computedCount()).isEqualTo(2);
    assertThat(s.busyProperty().get()).isFalse();
  }

  @Test
  void cancelDiscardsTheResultOfTheRunningRequest() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> results = Collections.synchronizedList(new ArrayList<>());
    LatestRequestScheduler<Integer, Integer> s =
        new LatestRequestScheduler<>(
            worker,
            dispatched::add,
            q -> {
              started.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return q;
            },
            results::add,
            e -> {});
    s.submit(1);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    s.submit(2);
    s.cancel();
    release.countDown();
    drainDispatcher(0, results);
    assertThat(results).isEmpty();
    assertThat(s.computedCount()).isEqualTo(1);
  }

  @Test
  void anErrorIsDeliveredAndLaterRequestsStillRun() throws Exception {
    List<Integer> results = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    LatestRequestScheduler<Integer, Integer> s =
        new LatestRequestScheduler<>(
            Runnable::run,
            Runnable::run,
            q -> {
              if (q < 0) {
                throw new IllegalArgumentException("negative: " + q);
              }
              return q;
            },
            results::add,
            errors::add);
    s.submit(-1);
    s.submit(3);
    assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("negative: -1");
    assertThat(results).containsExactly(3);
  }

  @Test
  void aRequestAfterTheExecutorShutDownIsDroppedWithoutThrowing() throws Exception {
    List<Integer> results = Collections.synchronizedList(new ArrayList<>());
    LatestRequestScheduler<Integer, Integer> s =
        new LatestRequestScheduler<>(
            worker, dispatched::add, q -> q, results::add, e -> results.add(-1));
    worker.shutdownNow();
    s.submit(7); // a scan finishing after the workbench closed
    drainDispatcher(0, results);
    assertThat(results).isEmpty();
    assertThat(s.busyProperty().get()).isFalse();
    assertThat(s.computedCount()).isZero();
  }
}
