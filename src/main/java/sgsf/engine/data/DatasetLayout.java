package sgsf.engine.data;

/** The folder layouts the workbench recognises. */
public enum DatasetLayout {
  /** category/train/good, test/&lt;type&gt;, ground_truth/&lt;type&gt;/&lt;name&gt;_mask.png */
  MVTEC("MVTec AD", true),
  /** a normal folder, an abnormal folder and an optional mask folder */
  FOLDER("Folder", false),
  /** MT_&lt;Class&gt;/Imgs/&lt;name&gt;.jpg with &lt;name&gt;.png masks */
  MAGNETIC_TILE("Magnetic-Tile", false),
  /** train|test/&lt;id&gt;.png with &lt;id&gt;_GT.png */
  KOLEKTOR_SDD2("KolektorSDD2", true),
  /** Class&lt;k&gt;/Train|Test with Label/ masks and Labels.txt */
  DAGM("DAGM 2007", true);

  private final String displayName;
  private final boolean ownSplit;

  DatasetLayout(String displayName, boolean ownSplit) {
    this.displayName = displayName;
    this.ownSplit = ownSplit;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Whether the layout has its own train/test split; otherwise the scanner holds out a seeded share
   * of the normal images for testing (see {@link FolderLayout}, {@link MagneticTileLayout}).
   */
  public boolean hasOwnSplit() {
    return ownSplit;
  }
}
