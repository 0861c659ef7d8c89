package sgsf.engine.model;

import sgsf.engine.config.ModelConfig;

/**
 * A trained SGSF model: networks, the feature bank of good training images, and provenance.
 *
 * @param network the autoencoder and the guided segmentation network
 * @param bank good training images and embeddings for test-time guidance
 * @param provenance configuration, data fingerprint and history of the training run
 */
public record SgsfModel(SgsfNetwork network, FeatureBank bank, ModelProvenance provenance) {
  public ModelConfig config() {
    return network.config();
  }
}
