import { DataSource } from 'typeorm';
import { ChangeListener } from '../../db/change-feed';
import { AnalysisData, loadAnalysisData, loadCollaborations, loadTopics, loadUnits } from '../analysis/analysis.data';

/**
 * The registry in memory as duplicate detection reads it (titles are compared across the whole registry): loaded
 * on first use, then patched after each committed write, this replica's or, through the change relay, another's.
 */
export class RegistryCopy implements Partial<ChangeListener> {
  private data: AnalysisData | null = null;
  private reload = true;
  private treesChanged = false;
  private readonly dirty = new Set<number>();
  /** Goes up with every change of the copy: what is derived from it is current while this is unchanged. */
  private revision = 0;

  constructor(private readonly ds: DataSource) {}

  collaborationChanged(id: number): void {
    this.dirty.add(id);
  }

  unitChanged(): void {
    this.treesChanged = true;
  }

  registryChanged(): void {
    this.reload = true;
  }

  async current(): Promise<{ data: AnalysisData; revision: number }> {
    const em = this.ds.manager;
    if (this.reload || !this.data) {
      // Changes arriving while it loads stay marked and are read again below.
      this.reload = false;
      this.treesChanged = false;
      this.data = await loadAnalysisData(em);
      this.revision += 1;
    }
    if (this.treesChanged) {
      this.treesChanged = false;
      this.data.units = await loadUnits(em);
      this.data.topics = await loadTopics(em);
      this.revision += 1;
    }
    if (this.dirty.size) {
      const ids = [...this.dirty];
      this.dirty.clear();
      const fresh = await loadCollaborations(em, ids);
      for (const id of ids) {
        const c = fresh.get(id);
        if (c) this.data.collaborations.set(id, c);
        else this.data.collaborations.delete(id);
      }
      this.revision += 1;
    }
    return { data: this.data, revision: this.revision };
  }
}
