package dev.sentiment.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a batch into forward passes so that padding stays small. A pass costs roughly its rows
 * times its longest row plus a fixed overhead (learnt per model, {@link PassCost}); sorted by
 * length, the cheapest split into contiguous runs is found exactly by dynamic programming (a batch
 * holds at most a few dozen texts, so the quadratic search is negligible next to one pass). Only
 * for models that pay for padding: a model whose {@code config.json} says {@code padding_free} gets
 * the whole batch in one pass.
 */
final class LengthGroups {

  private LengthGroups() {}

  /**
   * The cheapest passes for {@code items} when one pass costs {@code overhead} padded positions on
   * top of its rows times its longest row.
   */
  static List<List<WorkItem>> split(List<WorkItem> items, int overhead) {
    List<WorkItem> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt(item -> item.text.length()));
    int n = sorted.size();
    long[] best = new long[n + 1];
    int[] cut = new int[n + 1];
    for (int end = 1; end <= n; end++) {
      best[end] = Long.MAX_VALUE;
      long longest = sorted.get(end - 1).text.length();
      for (int start = 0; start < end; start++) {
        long cost = best[start] + overhead + (end - start) * longest;
        if (cost < best[end]) {
          best[end] = cost;
          cut[end] = start;
        }
      }
    }
    List<List<WorkItem>> groups = new ArrayList<>();
    for (int end = n; end > 0; end = cut[end]) {
      groups.add(0, sorted.subList(cut[end], end));
    }
    return groups;
  }
}
