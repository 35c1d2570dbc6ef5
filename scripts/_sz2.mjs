import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const [,, imp, ...ext] = process.argv;
const out = await build({ stdin:{contents:imp, resolveDir:'/work/main/packages/react', loader:'ts'}, bundle:true, minify:true, write:false, format:'esm', platform:'browser', metafile:true, external:ext, logLevel:'silent', conditions:['@sockdoc/source']});
const js = out.outputFiles[0].contents;
console.log('total', js.length, gzipSync(js,{level:9}).length);
for (const [k,v] of Object.entries(out.metafile.outputs)) for (const [f,i] of Object.entries(v.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log(i.bytesInOutput, f);
