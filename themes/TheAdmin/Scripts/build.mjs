// Bundles the admin's rich text editor (Tiptap) into wwwroot/lib/editor/richtext.js; run by the TheAdmin build when
// its sources or the lock file changed. The output is git-ignored, like the other npm files under wwwroot/lib.
import { build } from 'esbuild';

await build({
  entryPoints: { richtext: 'Scripts/richtext.js' },
  outdir: 'wwwroot/lib/editor',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'linked',
  logLevel: 'warning',
});
