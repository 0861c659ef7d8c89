/**
 * The networks (METHOD.md section 2): the DL4J graphs of {@code SgsfGraphs} (conv + batch norm +
 * ReLU blocks, guidance fusion), the custom losses, {@code SgsfNetwork} holding the autoencoder and
 * the segmentation network, the feature bank and the trained {@code SgsfModel}. Uses engine.config,
 * engine.image and DL4J / ND4J.
 */
package sgsf.engine.model;
