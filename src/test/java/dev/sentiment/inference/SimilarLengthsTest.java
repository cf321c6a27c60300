package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch holds the oldest text and those nearest it in length; the rest keep their order. */
class SimilarLengthsTest {

  private static ArrayDeque<WorkItem> lane(int... lengths) {
    ArrayDeque<WorkItem> lane = new ArrayDeque<>();
    for (int length : lengths) {
      lane.addLast(WorkItems.ofLength(Priority.INTERACTIVE, length));
    }
    return lane;
  }

  private static List<Integer> lengths(Iterable<WorkItem> items) {
    List<Integer> lengths = new ArrayList<>();
    items.forEach(item -> lengths.add(item.text.length()));
    return lengths;
  }

  @Test
  void takesTheOldestTextAndTheNearestInLengthKeepingTheRestInOrder() {
    ArrayDeque<WorkItem> lane = lane(10, 50, 12, 48, 9, 30, 11);
    WorkItem oldest = lane.peekFirst();
    List<WorkItem> batch = new ArrayList<>();

    SimilarLengths.take(lane, 3, batch);

    assertThat(batch.get(0)).isSameAs(oldest);
    // 9 and 11 are as near to 10 as each other; 12 is not nearer than either.
    assertThat(lengths(batch)).containsExactly(10, 9, 11);
    assertThat(lengths(lane)).containsExactly(50, 12, 48, 30);
  }

  @Test
  void amongEquallyNearTextsTakesTheOlder() {
    ArrayDeque<WorkItem> lane = lane(20, 25, 15, 25, 15);
    List<WorkItem> batch = new ArrayList<>();

    SimilarLengths.take(lane, 2, batch);

    assertThat(batch).hasSize(2);
    assertThat(lengths(batch)).containsExactly(20, 25);
    assertThat(lengths(lane)).containsExactly(15, 25, 15);
  }

  @Test
  void looksOnlyAFewBatchesDeep() {
    // Two per batch: the first eight are candidates; the perfect match behind them is not.
    ArrayDeque<WorkItem> lane = lane(5, 90, 91, 92, 93, 94, 95, 96, 5);
    List<WorkItem> batch = new ArrayList<>();

    SimilarLengths.take(lane, 2, batch);

    assertThat(lengths(batch)).containsExactly(5, 90);
    assertThat(lengths(lane)).containsExactly(91, 92, 93, 94, 95, 96, 5);
  }

  @Test
  void takesAShortLaneWholeAndInOrder() {
    ArrayDeque<WorkItem> lane = lane(40, 3, 17);
    List<WorkItem> batch = new ArrayList<>();

    SimilarLengths.take(lane, 8, batch);

    assertThat(lengths(batch)).containsExactly(40, 3, 17);
    assertThat(lane).isEmpty();
  }

  @Test
  void takesNothingForNoRoom() {
    ArrayDeque<WorkItem> lane = lane(4, 5);
    List<WorkItem> batch = new ArrayList<>();

    SimilarLengths.take(lane, 0, batch);

    assertThat(batch).isEmpty();
    assertThat(lane).hasSize(2);
  }
}
