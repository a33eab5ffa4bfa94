package dev.oversold.core.testkit;

import dev.oversold.core.model.PlatformKind;
import dev.oversold.core.platform.Platforms;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * Lets properties take {@code @ForAll PlatformKind}: any registered platform, so a platform added
 * to the registry is covered by every such property without editing it.
 */
public final class PlatformKindArbitraryProvider implements ArbitraryProvider {
  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return targetType.isOfType(PlatformKind.class);
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    return Set.of(Arbitraries.of(Platforms.kinds()));
  }
}
