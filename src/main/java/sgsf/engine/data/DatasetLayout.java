package sgsf.engine.data;

/** The folder layouts the workbench recognises. */
public enum DatasetLayout {
  /** category/train/good, test/&lt;type&gt;, ground_truth/&lt;type&gt;/&lt;name&gt;_mask.png */
  MVTEC("MVTec AD"),
  /** a normal folder, an abnormal folder and an optional mask folder */
  FOLDER("Folder"),
  /** MT_&lt;Class&gt;/Imgs/&lt;name&gt;.jpg with &lt;name&gt;.png masks */
  MAGNETIC_TILE("Magnetic-Tile"),
  /** train|test/&lt;id&gt;.png with &lt;id&gt;_GT.png */
  KOLEKTOR_SDD2("KolektorSDD2"),
  /** Class&lt;k&gt;/Train|Test with Label/ masks and Labels.txt */
  DAGM("DAGM 2007");

  private final String displayName;

  DatasetLayout(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
