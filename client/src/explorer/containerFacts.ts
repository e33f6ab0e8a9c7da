/**
 * Pure: whether a container change matters to a view of another kind. Each descriptor says what it
 * shows of one container (`containerFacts`); this remembers that per view and answers whether it
 * changed since the view last rendered. No `vscode` import.
 */
import type { ExplorerSnapshot } from './explorerState';
import type { ResourceDescriptor, ResourceKind } from './treeModel';

export class ContainerFacts {
  private readonly shown = new Map<ResourceKind, { readonly descriptor: ResourceDescriptor; facts: string | undefined }>();

  constructor(private readonly snapshot: ExplorerSnapshot) {}

  /** Follows a view whose descriptor cross-references containers (others are ignored). */
  track(descriptor: ResourceDescriptor): void {
    if (descriptor.containerFacts) {
      this.shown.set(descriptor.kind, { descriptor, facts: undefined });
    }
  }

  /** Whether what the view of `kind` shows of the containers changed since the last call (true the first time). */
  changed(kind: ResourceKind): boolean {
    const entry = this.shown.get(kind);
    if (!entry) {
      return false;
    }
    const facts = this.factsOf(entry.descriptor);
    const changed = facts !== entry.facts;
    entry.facts = facts;
    return changed;
  }

  private factsOf(descriptor: ResourceDescriptor): string {
    const parts: string[] = [];
    for (const container of this.snapshot.all('container')) {
      const facts = descriptor.containerFacts?.(container);
      if (facts !== undefined) {
        parts.push(facts);
      }
    }
    return parts.join('\u0000');
  }
}
