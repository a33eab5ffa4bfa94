@NullMarked
package dev.oversold.scenarios.bind;

import org.jspecify.annotations.NullMarked;
