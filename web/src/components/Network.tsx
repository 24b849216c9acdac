import { useEffect, useRef } from 'react';
import type { Core, ElementDefinition } from 'cytoscape';

export interface NetworkHandle {
  png(): Promise<Blob>;
  svg(): string;
}

interface Props {
  label: string;
  elements: ElementDefinition[];
  /** The edge (overlap) that is selected, highlighted in the picture. */
  selected: string | null;
  onHover(edgeId: string | null): void;
  onSelect(id: string): void;
  handle(handle: NetworkHandle | null): void;
}

/** Marks the selected pair in the picture; the container names it (`data-highlighted`) for tests and tools. */
function highlight(instance: Core, container: HTMLDivElement | null, selected: string | null): void {
  instance.batch(() => {
    instance.elements('.highlight').removeClass('highlight');
    if (selected) instance.getElementById(selected).addClass('highlight');
  });
  if (container) container.dataset.highlighted = selected && instance.getElementById(selected).nonempty() ? selected : '';
}

/**
 * The overlap network, drawn by Cytoscape.js (loaded with this view only). Positions come with the elements
 * (computed per cluster), so even a picture of many hundreds of nodes needs no force layout.
 */
export function Network({ label, elements, selected, onHover, onSelect, handle }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const callbacks = useRef({ onHover, onSelect, handle });
  callbacks.current = { onHover, onSelect, handle };
  // The picture is built after its script has loaded, so a pair selected before (then more clusters loaded) is
  // highlighted from here once it exists.
  const selection = useRef(selected);
  selection.current = selected;

  useEffect(() => {
    let cancelled = false;
    void import('../lib/network').then(({ cytoscape }) => {
      if (cancelled || !container.current) return;
      const instance = cytoscape({
        container: container.current,
        elements,
        layout: { name: 'preset', fit: true, padding: 20 },
        minZoom: 0.05,
        maxZoom: 4,
        wheelSensitivity: 0.3,
        hideEdgesOnViewport: elements.length > 1500,
        textureOnViewport: elements.length > 1500,
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 7, 'text-wrap': 'ellipsis', 'text-max-width': '110px', color: '#1a1a1a', 'text-valign': 'bottom', 'text-margin-y': 3 } },
          { selector: 'node.collaboration', style: { shape: 'ellipse', width: 14, height: 14, 'background-color': '#1f5fa8' } },
          { selector: 'node.unit', style: { shape: 'round-rectangle', width: 22, height: 16, 'background-color': '#e8a400', 'font-weight': 'bold' } },
          { selector: 'edge.member', style: { width: 1, 'line-color': '#b9c2cc', 'line-style': 'dashed', events: 'no' } },
          { selector: 'edge.overlap', style: { width: 'mapData(score, 0.5, 1, 1.5, 7)', 'line-color': '#a4161a', opacity: 0.8 } },
          { selector: 'edge.reviewed', style: { 'line-style': 'dotted', 'line-color': '#6c757d' } },
          { selector: 'edge.overlap:selected, edge.highlight', style: { 'line-color': '#e8a400', opacity: 1, 'z-index': 10 } },
          { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#e8a400' } },
        ],
      });
      instance.on('mouseover', 'edge.overlap', (event) => callbacks.current.onHover(event.target.id()));
      instance.on('mouseout', 'edge.overlap', () => callbacks.current.onHover(null));
      instance.on('tap', 'edge.overlap, node', (event) => callbacks.current.onSelect(event.target.id()));
      cy.current = instance;
      highlight(instance, container.current, selection.current);
      callbacks.current.handle({
        png: () => instance.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' }),
        svg: () => (instance as unknown as { svg(options: object): string }).svg({ full: true, bg: '#ffffff' }),
      });
    });
    return () => {
      cancelled = true;
      callbacks.current.handle(null);
      cy.current?.destroy();
      cy.current = null;
      if (container.current) container.current.dataset.highlighted = '';
    };
  }, [elements]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const zoomed = () => {
      highlight(instance, container.current, selected);
      // A pair picked in the table may be a speck in the whole picture: bring it close enough to see.
      const edge = selected ? instance.getElementById(selected) : null;
      // One jump, not an animation: each animated frame redraws every node, which a large picture cannot afford.
      if (edge?.nonempty() && instance.zoom() < 0.8) instance.fit(edge.connectedNodes(), 120);
    };
    // Redrawing a large picture takes a few hundred milliseconds on a slow machine: let the frame that shows the
    // pair's reasons paint first, and redraw the picture in the next one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(zoomed, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [selected, elements]);

  return <div ref={container} className="network" role="img" aria-label={label} data-testid="network" />;
}
