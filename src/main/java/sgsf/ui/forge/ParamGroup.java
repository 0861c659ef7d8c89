package sgsf.ui.forge;

import java.util.EnumSet;
import java.util.Set;
import sgsf.engine.config.ForgeConfig.Strategy;

/** The sections of the forging form, each shown for the strategies that use it. */
public enum ParamGroup {
  THRESHOLD("Adaptive threshold, Eq. (1)", EnumSet.of(Strategy.SAM)),
  BLENDING("Blending, Eq. (2)", EnumSet.of(Strategy.SAM, Strategy.PERLIN)),
  PERLIN("Perlin noise", EnumSet.of(Strategy.SAM, Strategy.PERLIN)),
  SALIENCY("Saliency S", EnumSet.of(Strategy.SAM, Strategy.CUTSWAP)),
  AUXILIARY("Auxiliary images B", EnumSet.of(Strategy.SAM, Strategy.PERLIN)),
  CUTPASTE("CutPaste", EnumSet.of(Strategy.CUTPASTE)),
  CUTSWAP("CutSwap", EnumSet.of(Strategy.CUTSWAP)),
  HARD("Hard augmentation (AnoSeg)", EnumSet.of(Strategy.HARD)),
  TRAINING("Training mix", EnumSet.allOf(Strategy.class));

  private final String title;
  private final Set<Strategy> strategies;

  ParamGroup(String title, Set<Strategy> strategies) {
    this.title = title;
    this.strategies = strategies;
  }

  public String title() {
    return title;
  }

  /** Whether {@code s} uses the parameters of this group. */
  public boolean usedBy(Strategy s) {
    return strategies.contains(s);
  }
}
