/**
 * Tells derived state (the overlap analysis) what changed after a write has committed: one collaboration
 * (updated incrementally), a unit (the collaborations at or below it are updated), overlap reviews, agreements
 * (only their validity is read), or anything else (rebuilt lazily on the next read). With several
 * replicas, a relay carries each change to the others (src/db/change-relay.ts).
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
  private readonly listeners: ChangeListener[] = [];
  private readonly relays: ((change: Change) => void)[] = [];

  subscribe(listener: ChangeListener): void {
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
      if (change.kind === 'collaboration') l.collaborationChanged(change.id);
      else if (change.kind === 'unit') l.unitChanged(change.id);
      else if (change.kind === 'reviews') l.reviewsChanged();
      else if (change.kind === 'agreements') l.agreementsChanged();
      else l.registryChanged();
    }
  }

  private publish(change: Change): void {
    this.deliver(change);
    for (const relay of this.relays) relay(change);
  }
}
