/** Benchmark commands that print figures; never run as tests. */
package dev.oversold.benchmarks;
