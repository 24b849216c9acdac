/**
 * Tells state kept in memory (duplicate detection's copy of the registry, the rebuild watcher) what changed after a
 * write has committed: one collaboration, a unit, overlap reviews, agreements, or anything else. With several
 * replicas, a relay carries each change to the others (src/db/change-relay.ts). Derived data in the database
 * (the overlap analysis) is kept in the writing transaction instead (src/db/write-hooks.ts).
 */
export interface ChangeListener {
  collaborationChanged(id: number): void;
  unitChanged(id: number): void;
  reviewsChanged(): void;
  agreementsChanged(): void;
  registryChanged(): void;
}

export type Change =
  | { kind: 'collaboration'; id: number }
  | { kind: 'unit'; id: number }
  | { kind: 'reviews' } | { kind: 'agreements' } | { kind: 'registry' };

export class ChangeFeed {
  private readonly listeners: Partial<ChangeListener>[] = [];
  private readonly relays: ((change: Change) => void)[] = [];

  /** A listener hears the kinds of change it has a method for. */
  subscribe(listener: Partial<ChangeListener>): void {
    this.listeners.push(listener);
  }

  /** Sends every change made here to other replicas too. */
  relayTo(relay: (change: Change) => void): void {
    this.relays.push(relay);
  }

  collaborationChanged(id: number): void {
    this.publish({ kind: 'collaboration', id });
  }

  unitChanged(id: number): void {
    this.publish({ kind: 'unit', id });
  }

  reviewsChanged(): void {
    this.publish({ kind: 'reviews' });
  }

  agreementsChanged(): void {
    this.publish({ kind: 'agreements' });
  }

  registryChanged(): void {
    this.publish({ kind: 'registry' });
  }

  /** A change made by another replica: tell the listeners here, and pass it on to no one. */
  deliver(change: Change): void {
    for (const l of this.listeners) {
      if (change.kind === 'collaboration') l.collaborationChanged?.(change.id);
      else if (change.kind === 'unit') l.unitChanged?.(change.id);
      else if (change.kind === 'reviews') l.reviewsChanged?.();
      else if (change.kind === 'agreements') l.agreementsChanged?.();
      else l.registryChanged?.();
    }
  }

  private publish(change: Change): void {
    this.deliver(change);
    for (const relay of this.relays) relay(change);
  }
}
