// Bundles the explorer into ../dist (graphiql.js + graphiql.css); run by the Cms.GraphQL build when needed.
import { build } from 'esbuild';

await build({
  entryPoints: { graphiql: 'src/index.jsx' },
  outdir: '../dist',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  logLevel: 'warning',
});
