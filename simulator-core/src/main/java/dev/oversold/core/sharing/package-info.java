@NullMarked
package dev.oversold.core.sharing;

import org.jspecify.annotations.NullMarked;
