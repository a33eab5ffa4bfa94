package dev.oversold.report.model;

import java.util.List;

/**
 * Who hurts whom. {@code matrix[i][j]} is the share of member i's good rate that member j's
 * presence costs: {@code (good_i(all but j) - good_i(all)) / good_i(alone)}, where good_i sums the
 * good rates of i's tenants and "alone" is the sum of their isolated baselines (with {@code
 * report.baseline: none}, {@code good_i(all but j)} is the denominator instead). 0.10 means j's
 * presence costs i a tenth of what it does alone; negative means i did better with j present. The
 * diagonal is NaN (a member cannot be left out of itself).
 *
 * @param mode pairwise, groups or none
 * @param members row and column names
 * @param matrix square, {@code members.size()} wide; empty for none
 */
public record InterferenceReport(String mode, List<String> members, double[][] matrix) {
  public InterferenceReport {
    members = List.copyOf(members);
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i].length != members.size()) {
        throw new IllegalArgumentException("matrix must be square over the members");
      }
      copy[i] = matrix[i].clone();
    }
    if (copy.length != members.size()) {
      throw new IllegalArgumentException("matrix must be square over the members");
    }
    matrix = copy;
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  public double get(int victim, int neighbour) {
    return matrix[victim][neighbour];
  }
}
