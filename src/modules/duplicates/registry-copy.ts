import { DataSource } from 'typeorm';
import { ChangeListener } from '../../db/change-feed';
import { detached } from '../../db/transaction-turns';
import { sharedWork } from '../../db/work-budget';
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

  /**
   * The copy, brought up to date first. Shared by every request, so brought up to date as work of its own
   * (`detached`, `sharedWork`), not as part of the request that happens to ask first: neither refused for that
   * request's time budget nor charged to it (loading the dev registry takes about a second). A load that fails anyway
   * leaves its changes marked, to be read again by the next caller.
   */
  current(): Promise<{ data: AnalysisData; revision: number }> {
    return sharedWork(() => detached(() => this.update()));
  }

  private async update(): Promise<{ data: AnalysisData; revision: number }> {
    const em = this.ds.manager;
    if (this.reload || !this.data) {
      // Changes arriving while it loads stay marked and are read again below.
      this.reload = false;
      this.treesChanged = false;
      try {
        this.data = await loadAnalysisData(em);
      } catch (error) {
        this.reload = true;
        throw error;
      }
      this.revision += 1;
    }
    if (this.treesChanged) {
      this.treesChanged = false;
      try {
        this.data.units = await loadUnits(em);
        this.data.topics = await loadTopics(em);
      } catch (error) {
        this.treesChanged = true;
        throw error;
      }
      this.revision += 1;
    }
    if (this.dirty.size) {
      const ids = [...this.dirty];
      this.dirty.clear();
      let fresh: Awaited<ReturnType<typeof loadCollaborations>>;
      try {
        fresh = await loadCollaborations(em, ids);
      } catch (error) {
        for (const id of ids) this.dirty.add(id);
        throw error;
      }
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
