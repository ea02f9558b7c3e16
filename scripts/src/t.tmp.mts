import { clusterDocuments } from './index-search.ts';
const dir = process.argv[2]!;
let t = performance.now();
const docs = await clusterDocuments(dir);
console.log('documents', docs.length, ((performance.now() - t) / 1000).toFixed(2), 's');
