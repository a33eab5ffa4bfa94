@NullMarked
package dev.oversold.scenarios.units;

import org.jspecify.annotations.NullMarked;
