/**
 * Tells derived state (the overlap analysis) what changed after a write has committed: one collaboration
 * (updated incrementally) or anything else (rebuilt lazily on the next read).
 */
export interface ChangeListener {
  collaborationChanged(id: number): void;
  registryChanged(): void;
}

export class ChangeFeed implements ChangeListener {
  private readonly listeners: ChangeListener[] = [];

  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  collaborationChanged(id: number): void {
    for (const l of this.listeners) l.collaborationChanged(id);
  }

  registryChanged(): void {
    for (const l of this.listeners) l.registryChanged();
  }
}
