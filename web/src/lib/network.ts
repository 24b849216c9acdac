// Cytoscape with the SVG export extension: a lazy chunk loaded by the overlap view only.
import cytoscape from 'cytoscape';
import svg from 'cytoscape-svg';

cytoscape.use(svg);

export { cytoscape };
