package sgsf.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import sgsf.engine.config.ForgeConfig;

/**
 * Reads a forging configuration written flat, as models, checkpoints, workspaces and Spark training
 * tables stored it until December 2026 ({@code "a"}, {@code "alphaMin"}, {@code "saliencySigma"}
 * ... side by side), as the grouped {@link ForgeConfig} of today: each flat field moves into its
 * group ({@code threshold.a}, {@code blend.alphaMin}, {@code saliency.sigma}) before the record is
 * bound, also where flat fields override a grouped object (a training table's {@code forge} merged
 * over the defaults). The grouped form is what is written.
 */
final class ForgeConfigUpgrade {
  private ForgeConfigUpgrade() {}

  /** A flat field and where it lives now. */
  private record Moved(String flat, String group, String field) {}

  private static final List<Moved> MOVED =
      List.of(
          new Moved("a", "threshold", "a"),
          new Moved("b", "threshold", "b"),
          new Moved("alphaMin", "blend", "alphaMin"),
          new Moved("alphaMax", "blend", "alphaMax"),
          new Moved("perlinMinScaleExponent", "perlin", "minScaleExponent"),
          new Moved("perlinMaxScaleExponent", "perlin", "maxScaleExponent"),
          new Moved("rotationMinDegrees", "perlin", "rotationMinDegrees"),
          new Moved("rotationMaxDegrees", "perlin", "rotationMaxDegrees"),
          new Moved("saliencyMethod", "saliency", "method"),
          new Moved("saliencySigma", "saliency", "sigma"),
          new Moved("textureContrast", "saliency", "textureContrast"),
          new Moved("roiMask", "saliency", "roiMask"),
          new Moved("textureSource", "auxiliary", "source"),
          new Moved("textureFolder", "auxiliary", "folder"),
          new Moved("greyAuxiliaryForGreyImages", "auxiliary", "greyForGreyImages"),
          new Moved("forgeProbability", "sampling", "forgeProbability"),
          new Moved("maxMaskRedraws", "sampling", "maxMaskRedraws"),
          new Moved("minMaskFraction", "sampling", "minMaskFraction"));

  /** The Jackson module that upgrades every {@link ForgeConfig} the mapper reads. */
  static SimpleModule module() {
    SimpleModule m = new SimpleModule("sgsf-forge-config-upgrade");
    m.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription bean,
              JsonDeserializer<?> deserializer) {
            return bean.getBeanClass() == ForgeConfig.class
                ? new Upgrading(deserializer)
                : deserializer;
          }
        });
    return m;
  }

  /** {@code node} with every flat field moved into its group (in place). */
  static ObjectNode group(ObjectNode node) {
    for (Moved m : MOVED) {
      if (node.has(m.flat())) {
        JsonNode existing = node.get(m.group());
        ObjectNode g = existing instanceof ObjectNode o ? o.deepCopy() : node.objectNode();
        g.set(m.field(), node.remove(m.flat()));
        node.set(m.group(), g);
      }
    }
    return node;
  }

  private static final class Upgrading extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    Upgrading(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Upgrading(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = ctxt.readTree(p);
      if (tree instanceof ObjectNode o) {
        tree = group(o);
      }
      try (JsonParser grouped = tree.traverse(p.getCodec())) {
        grouped.nextToken();
        return _delegatee.deserialize(grouped, ctxt);
      }
    }
  }
}
