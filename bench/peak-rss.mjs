// Preloaded into a benchmarked process (`node --import ./bench/peak-rss.mjs …`):
// writes its peak resident memory, in KiB, to the file named by DATELINE_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.DATELINE_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
