package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a batch into forward passes keeps every text once and padding low. */
class LengthGroupsTest {

  private static List<WorkItem> items(int... lengths) {
    List<WorkItem> items = new ArrayList<>();
    for (int length : lengths) {
      items.add(WorkItems.ofLength(Priority.INTERACTIVE, length));
    }
    return items;
  }

  @Test
  void keepsSimilarLengthsInOnePass() {
    List<List<WorkItem>> groups = LengthGroups.split(items(12, 10, 14, 11), 16);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0)).extracting(i -> i.text.length()).containsExactly(10, 11, 12, 14);
  }

  @Test
  void separatesManyShortTextsFromAFewLongOnes() {
    int[] lengths = new int[33];
    java.util.Arrays.fill(lengths, 0, 32, 10);
    lengths[32] = 128;
    List<List<WorkItem>> groups = LengthGroups.split(items(lengths), 16);
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0)).hasSize(32);
    assertThat(groups.get(1)).extracting(i -> i.text.length()).containsExactly(128);
  }

  @Test
  void theOverheadDecidesHowFarToSplit() {
    List<WorkItem> items = items(8, 9, 20, 21, 40, 41);
    // Each extra pass saves at most a few dozen positions of padding here.
    assertThat(LengthGroups.split(items, 0)).hasSize(6);
    assertThat(LengthGroups.split(items, 10)).hasSize(3);
    assertThat(LengthGroups.split(items, 1_000)).hasSize(1);
  }

  @Test
  void keepsEveryTextExactlyOnce() {
    List<WorkItem> items = items(5, 128, 7, 64, 9, 3, 100, 30, 31, 2);
    List<WorkItem> regrouped =
        LengthGroups.split(items, 16).stream().flatMap(List::stream).toList();
    assertThat(regrouped).containsExactlyInAnyOrderElementsOf(items);
  }

  @Test
  void handlesAnEmptyBatch() {
    assertThat(LengthGroups.split(List.of(), 16)).isEmpty();
  }
}
